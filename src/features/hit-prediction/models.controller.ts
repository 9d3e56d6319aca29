import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HitPredictorService } from './model/hit-predictor.service.js';
import { HitModelCardDto, IsotonicFitDto, PlattFitDto } from './dto/model-card.dto.js';

@ApiTags('models')
@Controller('models')
export class ModelsController {
  constructor(private readonly predictor: HitPredictorService) {}

  @Get('active')
  @ApiOperation({ summary: "The active hit model's card" })
  @ApiOkResponse({ type: HitModelCardDto, description: 'The model card of the hit model in use: version, metrics, features, calibration, importance' })
  @ApiExtraModels(IsotonicFitDto, PlattFitDto)
  @ApiNotFoundResponse({ description: 'No hit model is loaded' })
  active(): HitModelCardDto {
    const card = this.predictor.card;
    if (!card) throw new NotFoundException('No hit model is active. Train one with "npm run train".');
    // A version trained before calibration and explanations says so with nulls.
    return { ...card, calibration: card.calibration ?? null, importance: card.importance ?? null };
  }
}

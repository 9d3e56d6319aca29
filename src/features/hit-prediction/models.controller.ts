import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HitPredictorService } from './model/hit-predictor.service.js';
import type { HitModelCard } from '../../platform/models/model-card.js';

@ApiTags('models')
@Controller('models')
export class ModelsController {
  constructor(private readonly predictor: HitPredictorService) {}

  @Get('active')
  @ApiOperation({ summary: "The active hit model's card" })
  @ApiOkResponse({ description: 'The model card of the hit model in use: version, metrics, features' })
  @ApiNotFoundResponse({ description: 'No hit model is loaded' })
  active(): HitModelCard {
    const card = this.predictor.card;
    if (!card) throw new NotFoundException('No hit model is active. Train one with "npm run train".');
    return card;
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { BatchPredictionDto, BatchPredictionResultDto } from './dto/batch-prediction.dto.js';
import { ManualPredictionDto, ManualPredictionResultDto } from './dto/manual-prediction.dto.js';
import { PredictionsService } from './predictions.service.js';

@ApiTags('predictions')
@ApiServiceUnavailableResponse({ description: 'No usable hit model: the message says why and how to train one' })
@Controller('predict')
export class PredictionsController {
  constructor(private readonly predictions: PredictionsService) {}

  @Post('manual')
  @HttpCode(200)
  @ApiOkResponse({ type: ManualPredictionResultDto })
  @ApiBadRequestResponse({ description: 'Names each missing or out-of-range feature' })
  manual(@Body() features: ManualPredictionDto): Promise<ManualPredictionResultDto> {
    return this.predictions.manual(features);
  }

  @Post('batch')
  @HttpCode(200)
  @ApiOkResponse({ type: BatchPredictionResultDto })
  batch(@Body() body: BatchPredictionDto): Promise<BatchPredictionResultDto> {
    return this.predictions.batch(body.rows);
  }
}

import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { BatchPredictionDto, BatchPredictionResultDto } from './dto/batch-prediction.dto.js';
import { ManualPredictionDto, ManualPredictionResultDto } from './dto/manual-prediction.dto.js';
import { SpotifyPredictionDto, SpotifyPredictionResultDto } from './dto/spotify-prediction.dto.js';
import { PredictionsService } from './predictions.service.js';
import { SongPredictionService } from './song-prediction.service.js';

@ApiTags('predictions')
@ApiServiceUnavailableResponse({ description: 'No usable hit model: the message says why and how to train one' })
@Controller('predict')
export class PredictionsController {
  constructor(
    private readonly predictions: PredictionsService,
    private readonly songPredictions: SongPredictionService,
  ) {}

  @Post('manual')
  @HttpCode(200)
  @ApiOkResponse({ type: ManualPredictionResultDto })
  @ApiBadRequestResponse({ description: 'Names each missing or out-of-range feature' })
  manual(@Body() features: ManualPredictionDto): Promise<ManualPredictionResultDto> {
    return this.predictions.manual(features);
  }

  @Post('spotify')
  @HttpCode(200)
  @ApiOkResponse({ type: SpotifyPredictionResultDto })
  @ApiBadRequestResponse({ description: 'No link, id or title + artist; or a malformed link or id' })
  @ApiNotFoundResponse({ description: '{"error": "Song not found. Please provide a valid Spotify link or song title + artist."}' })
  spotify(@Body() body: SpotifyPredictionDto, @Headers('x-request-id') requestId?: string): Promise<SpotifyPredictionResultDto> {
    return this.songPredictions.predict(body, requestId);
  }

  @Post('batch')
  @HttpCode(200)
  @ApiOkResponse({ type: BatchPredictionResultDto })
  batch(@Body() body: BatchPredictionDto): Promise<BatchPredictionResultDto> {
    return this.predictions.batch(body.rows);
  }
}

import { BadRequestException, Body, Controller, Headers, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiUploadLimit } from '../../platform/common/http/upload.js';
import { ExpensiveRequest } from '../../platform/request-limits/request-weight.decorators.js';
import { checkBatchBody } from './batch/batch-body.js';
import { BatchPredictionDto, BatchPredictionQueryDto, BatchPredictionResultDto, BatchPredictionUploadDto } from './dto/batch-prediction.dto.js';
import { ManualPredictionDto, ManualPredictionResultDto } from './dto/manual-prediction.dto.js';
import { SpotifyPredictionDto, SpotifyPredictionResultDto } from './dto/spotify-prediction.dto.js';
import { PredictionsService } from './predictions.service.js';
import { SongPredictionService } from './song-prediction.service.js';

/** 10,000 lines of ten features take about 1 MB; a dataset file with all its columns, a few. */
const MAX_BATCH_CSV_BYTES = 20 * 1024 * 1024;

@ApiTags('predictions')
@ApiServiceUnavailableResponse({ description: 'No usable hit model: the message says why and how to train one' })
@Controller('predict')
export class PredictionsController {
  constructor(
    private readonly predictions: PredictionsService,
    private readonly songPredictions: SongPredictionService,
  ) {}

  @Post('manual')
  @ApiOperation({ summary: 'Predict hit or flop from audio features entered by hand' })
  @HttpCode(200)
  @ApiOkResponse({ type: ManualPredictionResultDto })
  @ApiBadRequestResponse({ description: 'Names each missing or out-of-range feature' })
  manual(@Body() features: ManualPredictionDto): Promise<ManualPredictionResultDto> {
    return this.predictions.manual(features);
  }

  @Post('spotify')
  @ApiOperation({ summary: 'Predict hit or flop for a Spotify song, by link, id or title + artist' })
  @HttpCode(200)
  @ApiOkResponse({ type: SpotifyPredictionResultDto })
  @ApiBadRequestResponse({ description: 'No link, id or title + artist; or a malformed link or id' })
  @ApiNotFoundResponse({ description: '{"error": "Song not found. Please provide a valid Spotify link or song title + artist."}' })
  @ApiServiceUnavailableResponse({
    description:
      'No usable hit model; or a link or id to a track not in the songs table while Spotify is not configured ({"error": "Spotify not configured"}, ' +
      'naming SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET) or not answering',
  })
  spotify(@Body() body: SpotifyPredictionDto, @Headers('x-request-id') requestId?: string): Promise<SpotifyPredictionResultDto> {
    return this.songPredictions.predict(body, requestId);
  }

  @Post('batch')
  @ExpensiveRequest()
  @ApiOperation({ summary: 'Predict hit or flop for many rows: JSON or a CSV file' })
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_BATCH_CSV_BYTES, files: 1 } }))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiUploadLimit(MAX_BATCH_CSV_BYTES)
  @ApiExtraModels(BatchPredictionDto, BatchPredictionUploadDto)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(BatchPredictionDto) }, { $ref: getSchemaPath(BatchPredictionUploadDto) }] } })
  @ApiOkResponse({ type: BatchPredictionResultDto })
  @ApiBadRequestResponse({
    description:
      'Neither rows nor a file, both, a file that is not a CSV with the feature columns, or ?explain=true with more rows than an explained batch takes',
  })
  // `unknown`, not the DTO, so the global ValidationPipe leaves the body to checkBatchBody, which does not copy every row.
  async batch(@Body() raw: unknown, @Query() query: BatchPredictionQueryDto, @UploadedFile() file?: Express.Multer.File): Promise<BatchPredictionResultDto> {
    const body = await checkBatchBody(raw);
    const explain = query.explain === true;
    if (file && body.rows) throw new BadRequestException('Send either rows (JSON) or a CSV file, not both');
    if (file) return this.predictions.batchCsv(file.buffer, explain);
    if (!body.rows) throw new BadRequestException('rows: provide an array of feature rows (JSON), or upload a CSV file in the field "file"');
    return this.predictions.batch(body.rows, explain);
  }
}

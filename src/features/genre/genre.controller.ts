import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { idParam } from '../../platform/common/http/query.js';
import { PredictGenreDto, PredictGenreResultDto } from './dto/predict-genre.dto.js';
import type { GenreModelCard } from './genre-model.js';
import { GENRE_MODEL_MISSING, GenrePredictorService } from './genre-predictor.service.js';
import { GenreTrainingJob } from './genre-training.job.js';
import { GenreService } from './genre.service.js';

@ApiTags('genre')
@ApiServiceUnavailableResponse({ description: `{"status": "ERROR", "message": "${GENRE_MODEL_MISSING}"}` })
@Controller()
export class GenreController {
  constructor(
    private readonly genre: GenreService,
    private readonly predictor: GenrePredictorService,
    private readonly training: GenreTrainingJob,
  ) {}

  @Post('predict-genre')
  @ApiOperation({ summary: "Predict a customer's favourite genre from a described profile" })
  @HttpCode(200)
  @ApiOkResponse({ type: PredictGenreResultDto })
  @ApiBadRequestResponse({ description: 'A negative number, a ratio outside 0–1 or a wrong type, each field named' })
  predict(@Body() body: PredictGenreDto): Promise<PredictGenreResultDto> {
    return this.genre.predictProfile(body);
  }

  @Get('genre/customers/:id/prediction')
  @ApiOperation({ summary: "Predict a store customer's favourite genre from their purchases" })
  @ApiOkResponse({ description: 'The prediction from the customer’s history, beside the genre they actually spent most on' })
  @ApiNotFoundResponse({ description: 'No such customer' })
  customer(@Param('id', idParam()) id: number) {
    return this.genre.predictCustomer(id);
  }

  @Post('genre/train')
  @ApiOperation({ summary: 'Queue a genre model training' })
  @HttpCode(202)
  @Auth('admin')
  @ApiAcceptedResponse({ description: '{"job_id": "...", "status_url": "/api/jobs/<id>"}' })
  @ApiConflictResponse({ description: 'A genre training is already waiting to run' })
  async train(@CurrentUser() user: AuthUser): Promise<{ job_id: string; status_url: string }> {
    const id = await this.training.request(user.id);
    if (!id) throw new ConflictException('A genre training is already waiting to run; see GET /api/jobs/<id> of the earlier request.');
    return { job_id: id, status_url: `/api/jobs/${id}` };
  }

  @Get('genre/model')
  @ApiOperation({ summary: "The active genre model's card" })
  @ApiOkResponse({ description: 'The active genre model card: metrics, per-genre report, majority baseline, importances' })
  @ApiNotFoundResponse({ description: 'No genre model is active' })
  model(): GenreModelCard {
    const card = this.predictor.card;
    if (!card) throw new NotFoundException(GENRE_MODEL_MISSING);
    return card;
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { isRowId } from '../../platform/common/http/query.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { PredictionHistoryService } from '../hit-prediction/prediction-history.service.js';
import { SongsService } from '../dataset/songs.service.js';
import { searchWords } from '../../vocabulary/search-text.js';
import { createdBetween, orderByFor } from '../../platform/common/http/listing-order.js';
import { toAdminPredictionDto, type AdminPredictionDto, type AdminPredictionPageDto, type AdminPredictionsQueryDto } from './dto/admin-prediction.dto.js';

const COLUMNS = { created_at: 'createdAt', confidence: 'confidence' };
const withSong = { song: { select: { id: true, trackName: true, artists: true, dataset: true } } } as const;

/** Stored predictions for admins: list, correct and delete. */
@Injectable()
export class AdminPredictionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly history: PredictionHistoryService,
    private readonly songs: SongsService,
  ) {}

  async list(query: AdminPredictionsQueryDto): Promise<AdminPredictionPageDto> {
    const words = searchWords(query.search);
    const where: Prisma.PredictionWhereInput = {
      ...(words.length > 0 && { song: await this.songs.searchTextContaining(words) }),
      ...(query.is_hit !== undefined && { isHit: query.is_hit }),
      ...(query.model_prediction !== undefined && { modelPrediction: query.model_prediction }),
      ...(query.adjusted_by_dataset !== undefined && { adjustedByDataset: query.adjusted_by_dataset }),
      createdAt: createdBetween(query.created_after, query.created_before),
    };
    const orderBy = orderByFor(query.ordering, COLUMNS) as Prisma.PredictionOrderByWithRelationInput[];
    const [count, predictions] = await this.prisma.$transaction([
      this.prisma.prediction.count({ where }),
      this.prisma.prediction.findMany({ where, orderBy, include: withSong, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: predictions.map(toAdminPredictionDto) };
  }

  async get(id: number): Promise<AdminPredictionDto> {
    const prediction = isRowId(id) ? await this.prisma.prediction.findUnique({ where: { id }, include: withSong }) : null;
    if (!prediction) throw new NotFoundException(`Prediction ${id} not found`);
    return toAdminPredictionDto(prediction);
  }

  /**
   * Corrects the answer of a prediction. model_prediction keeps what the model said; the
   * correction is written to the prediction's audit log, with who made it.
   */
  async correct(id: number, isHit: boolean, admin: AuthUser, requestId?: string): Promise<AdminPredictionDto> {
    const audit = {
      endpoint: 'PATCH /api/admin/predictions/:id',
      requestId: requestId ?? null,
      request: { is_hit: isHit, admin_id: admin.id, admin_username: admin.username },
    };
    return toAdminPredictionDto(await this.history.correctAnswer(id, isHit, audit, withSong));
  }

  /** Deletes a prediction with its audit logs. */
  async remove(id: number): Promise<void> {
    if (!(await this.history.deletePrediction(id))) throw new NotFoundException(`Prediction ${id} not found`);
  }
}

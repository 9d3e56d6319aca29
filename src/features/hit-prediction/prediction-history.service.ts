import { Injectable, NotFoundException } from '@nestjs/common';
import { isRowId } from '../../platform/common/http/query.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prediction, Prisma, Song } from '../../generated/prisma/client.js';
import { songFeatures } from './model/hit-features.js';
import { isDemoDataset, spotifyTrackUrl } from '../dataset/demo/demo-mark.js';
import type { ListPredictionsQueryDto } from './dto/list-predictions.query.dto.js';

const label = (isHit: boolean) => (isHit ? 'HIT' : 'FLOP');

/** A stored prediction as the API shows it. */
export function toPredictionDto(prediction: Prediction & { song: Song }) {
  return {
    id: prediction.id,
    prediction: label(prediction.isHit),
    confidence: prediction.confidence,
    model_prediction: label(prediction.modelPrediction),
    model_confidence: prediction.modelConfidence,
    model_version: prediction.modelVersion,
    in_dataset: prediction.inDataset,
    adjusted_by_dataset: prediction.adjustedByDataset,
    dataset_label: prediction.datasetLabel === null ? null : label(prediction.datasetLabel),
    dataset_popularity: prediction.datasetPopularity,
    created_at: prediction.createdAt,
    song: {
      id: prediction.song.id,
      title: prediction.song.trackName,
      artist: prediction.song.artists,
      album: prediction.song.albumName,
      album_image: prediction.song.albumImage,
      spotify_url: spotifyTrackUrl(prediction.song.trackId, prediction.song.dataset),
      preview_url: prediction.song.previewUrl,
      track_id: prediction.song.trackId,
      popularity: prediction.song.popularity,
      demo: isDemoDataset(prediction.song.dataset),
    },
    features: songFeatures(prediction.song),
  };
}

export type PredictionDto = ReturnType<typeof toPredictionDto>;

/** Predictions stored by POST /api/predict/spotify/: history, one by id, and totals. */
@Injectable()
export class PredictionHistoryService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: ListPredictionsQueryDto): Promise<{ count: number; page: number; page_size: number; results: PredictionDto[] }> {
    const where: Prisma.PredictionWhereInput = {
      ...(query.is_hit !== undefined && { isHit: query.is_hit }),
      ...(query.adjusted_by_dataset !== undefined && { adjustedByDataset: query.adjusted_by_dataset }),
      ...((query.from || query.to) && { createdAt: { ...(query.from && { gte: query.from }), ...(query.to && { lt: query.to }) } }),
    };
    const [count, predictions] = await this.prisma.$transaction([
      this.prisma.prediction.count({ where }),
      this.prisma.prediction.findMany({
        where,
        include: { song: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.page_size,
        take: query.page_size,
      }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: predictions.map(toPredictionDto) };
  }

  async get(id: number): Promise<PredictionDto> {
    const prediction = isRowId(id) ? await this.prisma.prediction.findUnique({ where: { id }, include: { song: true } }) : null;
    if (!prediction) throw new NotFoundException(`Prediction ${id} not found`);
    return toPredictionDto(prediction);
  }

  /** Totals, HIT/FLOP shares, mean confidence, and the same per day (UTC). */
  async stats() {
    const [totals] = await this.prisma.$queryRaw<Array<{ total: number; hits: number; mean_confidence: number | null; adjusted: number }>>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE is_hit)::int AS hits,
             round(avg(confidence)::numeric, 2)::float AS mean_confidence,
             count(*) FILTER (WHERE adjusted_by_dataset)::int AS adjusted
      FROM predictions`;
    const days = await this.prisma.$queryRaw<Array<{ day: string; total: number; hits: number; mean_confidence: number }>>`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS total,
             count(*) FILTER (WHERE is_hit)::int AS hits, round(avg(confidence)::numeric, 2)::float AS mean_confidence
      FROM predictions GROUP BY 1 ORDER BY 1`;
    const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 100);
    const { total, hits } = totals!;
    return {
      total,
      hits,
      flops: total - hits,
      hit_share: share(hits, total),
      flop_share: share(total - hits, total),
      mean_confidence: totals!.mean_confidence,
      adjusted_by_dataset: totals!.adjusted,
      per_day: days.map((day) => ({ ...day, flops: day.total - day.hits, hit_share: share(day.hits, day.total) })),
    };
  }

  /**
   * Corrects the answer of a prediction: model_prediction keeps what the model said, and the
   * correction goes to the prediction's audit log with the request that made it.
   */
  async correctAnswer<Include extends Prisma.PredictionInclude>(
    id: number,
    isHit: boolean,
    audit: { endpoint: string; requestId: string | null; request: Prisma.InputJsonObject },
    include: Include,
  ): Promise<Prisma.PredictionGetPayload<{ include: Include }>> {
    return this.prisma.$transaction(async (tx) => {
      const before = isRowId(id) ? await tx.prediction.findUnique({ where: { id }, select: { isHit: true } }) : null;
      if (!before) throw new NotFoundException(`Prediction ${id} not found`);
      const prediction = await tx.prediction.update({ where: { id }, data: { isHit }, include });
      await tx.predictionAuditLog.create({ data: { predictionId: id, ...audit, response: { previous_is_hit: before.isHit, is_hit: prediction.isHit } } });
      return prediction;
    }) as Promise<Prisma.PredictionGetPayload<{ include: Include }>>;
  }

  /** Deletes a prediction with its audit logs (ON DELETE CASCADE); false when there was none. */
  async deletePrediction(id: number): Promise<boolean> {
    const { count } = isRowId(id) ? await this.prisma.prediction.deleteMany({ where: { id } }) : { count: 0 };
    return count > 0;
  }
}

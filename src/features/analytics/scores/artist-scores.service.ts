import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { fanValueScore } from '../algorithms/fan-value-score.js';
import { momentumIndex } from '../algorithms/momentum.js';
import { ArtistSeriesService } from '../series/artist-series.service.js';
import { utcDay } from '../ingestion/metric-rows.js';
import { BreakoutService } from './breakout.service.js';

export const DEFAULT_FVS_DAYS = 30;
export const DEFAULT_MOMENTUM_DAYS = 28;
/** Momentum compares the last weeks with the ones before, so it loads this much more history. */
const MOMENTUM_LOOKBACK_DAYS = 14;

/**
 * The Fan Value Score and Momentum Index of an artist, computed from the stored metrics on request
 * and stored per day (artist_scores) by the scheduled jobs for listings, rankings and BI.
 */
@Injectable()
export class ArtistScoresService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly series: ArtistSeriesService,
    private readonly breakout: BreakoutService,
  ) {}

  async fanValueScore(artistId: string, days = DEFAULT_FVS_DAYS) {
    return fanValueScore(await this.series.lastDays(artistId, days), { windowDays: days });
  }

  async momentum(artistId: string, days = DEFAULT_MOMENTUM_DAYS) {
    return momentumIndex(await this.series.lastDays(artistId, days + MOMENTUM_LOOKBACK_DAYS), { windowDays: days });
  }

  /** Stores today's FVS for every artist with metrics (the daily job). */
  async storeFanValueScores(): Promise<{ artists: number; scored: number }> {
    const artists = await this.series.artistsWithMetrics();
    let scored = 0;
    for (const artistId of artists) {
      const fvs = await this.fanValueScore(artistId);
      if (fvs.score === null) continue;
      const values = {
        fanValueScore: fvs.score,
        fvsEngagement: fvs.components.engagement.score,
        fvsGrowth: fvs.components.growth.score,
        fvsReach: fvs.components.reach.score,
        fvsConversion: fvs.components.conversion.score,
      };
      await this.upsertToday(artistId, values);
      scored++;
    }
    return { artists: artists.length, scored };
  }

  /** Stores today's momentum and breakout probability for every artist with metrics (the 6-hourly job). */
  async storeMomentum(): Promise<{ artists: number; scored: number; ids: string[] }> {
    const artists = await this.series.artistsWithMetrics();
    const ids: string[] = [];
    for (const artistId of artists) {
      const momentum = await this.momentum(artistId);
      if (momentum.index === null) continue;
      const breakout = await this.breakout.predict(artistId);
      await this.upsertToday(artistId, {
        momentum: momentum.index,
        momentumStatus: momentum.status,
        momentumVelocity: momentum.components.velocity.score,
        momentumAcceleration: momentum.components.acceleration.score,
        momentumConsistency: momentum.components.consistency.score,
        momentumViral: momentum.components.viral_potential.score,
        breakoutProbability: breakout.probability,
      });
      ids.push(artistId);
    }
    return { artists: artists.length, scored: ids.length, ids };
  }

  private async upsertToday(artistId: string, values: Record<string, number | string | null>): Promise<void> {
    const date = new Date(`${utcDay()}T00:00:00Z`);
    await this.prisma.artistScore.upsert({ where: { artistId_date: { artistId, date } }, create: { artistId, date, ...values }, update: values });
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { segmentFans, summarizeSegments, type FanActivity } from '../algorithms/superfans.js';

export const DEFAULT_SUPERFAN_DAYS = 90;
/** Fans silent for longer than this are no longer counted at all (not even as dormant). */
const FAN_MEMORY_DAYS = 365;

/** Superfan segments from fan events: recency over the last year, frequency and depth over the window. */
@Injectable()
export class SuperfansService {
  constructor(private readonly prisma: PrismaService) {}

  async segments(artistId: string, days = DEFAULT_SUPERFAN_DAYS, top = 10) {
    const asOf = new Date();
    const activity = await this.prisma.$queryRaw<FanActivity[]>`
      SELECT fan_id AS "fanId",
             max(occurred_at) AS "lastEventAt",
             count(DISTINCT (occurred_at AT TIME ZONE 'UTC')::date) FILTER (WHERE in_window)::int AS "activeDays",
             count(*) FILTER (WHERE in_window)::int AS events,
             COALESCE(sum(streams) FILTER (WHERE in_window), 0)::int AS streams,
             COALESCE(sum(saves) FILTER (WHERE in_window), 0)::int AS saves,
             COALESCE(sum(shares) FILTER (WHERE in_window), 0)::int AS shares,
             COALESCE(sum(purchases) FILTER (WHERE in_window), 0)::int AS purchases
      FROM (
        SELECT *, occurred_at >= ${asOf}::timestamptz - make_interval(days => ${days}) AS in_window
        FROM fan_events
        WHERE artist_id = ${artistId}::uuid AND occurred_at >= ${asOf}::timestamptz - make_interval(days => ${FAN_MEMORY_DAYS})
      ) e
      GROUP BY fan_id`;
    return { window_days: days, as_of: asOf, ...summarizeSegments(segmentFans(activity, asOf), top) };
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { DailyTotals } from '../algorithms/daily-totals.js';
import { addDays } from '../ingestion/metric-rows.js';
import { toDailyTotals, type StoredMetricRow } from './daily-series.js';

/** Loads an artist's daily totals across platforms (see toDailyTotals) for the algorithms. */
@Injectable()
export class ArtistSeriesService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The `days` days ending `to`; by default ending on the artist's latest stored day, so an artist
   * whose data stopped arriving is scored as of then, not as if its audience had frozen since.
   */
  async lastDays(artistId: string, days: number, to?: string): Promise<DailyTotals[]> {
    to ??= await this.latestDay(artistId);
    if (!to) return [];
    const from = addDays(to, -(days - 1));
    const rows = await this.prisma.$queryRaw<StoredMetricRow[]>`
      SELECT platform::text, to_char(date, 'YYYY-MM-DD') AS date, followers, monthly_listeners AS "monthlyListeners",
             streams, likes, comments, shares, saves, playlist_adds AS "playlistAdds", views
      FROM artist_metrics_daily
      WHERE artist_id = ${artistId}::uuid AND date BETWEEN ${from}::date AND ${to}::date
      UNION ALL
      (SELECT DISTINCT ON (platform) platform::text, to_char(date, 'YYYY-MM-DD'), followers, monthly_listeners, 0, 0, 0, 0, 0, 0, 0
       FROM artist_metrics_daily
       WHERE artist_id = ${artistId}::uuid AND date < ${from}::date AND (followers IS NOT NULL OR monthly_listeners IS NOT NULL)
       ORDER BY platform, date DESC)`;
    return toDailyTotals(rows, from, to);
  }

  private async latestDay(artistId: string): Promise<string | undefined> {
    const [row] = await this.prisma.$queryRaw<Array<{ day: string | null }>>`
      SELECT to_char(max(date), 'YYYY-MM-DD') AS day FROM artist_metrics_daily WHERE artist_id = ${artistId}::uuid`;
    return row?.day ?? undefined;
  }

  /** Artists with any metrics, for the scheduled jobs. */
  async artistsWithMetrics(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`SELECT DISTINCT artist_id AS id FROM artist_metrics_daily`;
    return rows.map((row) => row.id);
  }
}

import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';
import { dailyEngagement } from '../algorithms/daily-totals.js';
import { detectViralSpikes, engagementPoints } from '../algorithms/viral-spikes.js';
import { ArtistAccessService } from '../artist-access.service.js';
import type { AnalyticsArtistDto, AnalyticsArtistPageDto, ArtistScoresDto, ListAnalyticsArtistsQueryDto } from '../dto/analytics-artist.dto.js';
import { ArtistSeriesService } from '../series/artist-series.service.js';

export const DEFAULT_DETAIL_DAYS = 90;

interface SummaryRow {
  id: string;
  name: string;
  demo: boolean;
  platforms: string[] | null;
  followers: number;
  last_metrics_date: string | null;
  score_date: string | null;
  fan_value_score: number | null;
  momentum: number | null;
  momentum_status: string | null;
  breakout_probability: number | null;
  open_alerts: number;
}

const toScores = (row: SummaryRow): ArtistScoresDto => ({
  date: row.score_date,
  fan_value_score: row.fan_value_score,
  momentum: row.momentum,
  momentum_status: row.momentum_status,
  breakout_probability: row.breakout_probability,
});
const toArtist = (row: SummaryRow): AnalyticsArtistDto => ({
  id: row.id,
  name: row.name,
  platforms: row.platforms ?? [],
  followers: row.followers,
  last_metrics_date: row.last_metrics_date,
  scores: toScores(row),
  open_alerts: row.open_alerts,
  demo: row.demo,
});

/** Artists as analytics sees them: latest followers, latest stored scores, open alerts; and the dashboards over them. */
@Injectable()
export class AnalyticsArtistsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ArtistAccessService,
    private readonly series: ArtistSeriesService,
  ) {}

  /**
   * The artists the caller works on. Admins see the artists that have analytics data (metrics or a
   * platform account), not every catalog artist; a team sees its artists even before any data.
   */
  async list(user: AuthUser, query: ListAnalyticsArtistsQueryDto): Promise<AnalyticsArtistPageDto> {
    const search = query.search ? normalizeSearchText(query.search) : '';
    const where = Prisma.sql`${this.access.visibleArtistsSql(user)}
      AND (${user.role !== 'admin'} OR EXISTS (SELECT 1 FROM artist_metrics_daily m WHERE m.artist_id = a.id) OR EXISTS (SELECT 1 FROM artist_platform_accounts p WHERE p.artist_id = a.id))
      AND (${search} = '' OR a.search_text LIKE ${`%${search}%`})`;
    const [[total], rows] = await Promise.all([
      this.prisma.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM artists a WHERE ${where}`,
      this.summaries(where, Prisma.sql`ORDER BY a.name, a.id LIMIT ${query.page_size} OFFSET ${(query.page - 1) * query.page_size}`),
    ]);
    return { count: total!.count, page: query.page, page_size: query.page_size, results: rows.map(toArtist) };
  }

  /** One artist (team or admin): latest numbers per platform, the daily series with its spikes, the latest scores. */
  async detail(user: AuthUser, artistId: string, days = DEFAULT_DETAIL_DAYS) {
    await this.access.assertOnTeam(user, artistId);
    const [[summary], platforms, series] = await Promise.all([
      this.summaries(Prisma.sql`a.id = ${artistId}::uuid`, Prisma.empty),
      this.prisma.$queryRaw<
        Array<{
          platform: string;
          date: string;
          followers: number | null;
          monthly_listeners: number | null;
          popularity: number | null;
          external_id: string | null;
          url: string | null;
          last_sync_at: Date | null;
        }>
      >`
        SELECT latest.platform::text, to_char(latest.date, 'YYYY-MM-DD') AS date, latest.followers, latest.monthly_listeners, latest.popularity,
               p.external_id, p.url, p.last_sync_at
        FROM (SELECT DISTINCT ON (platform) * FROM artist_metrics_daily WHERE artist_id = ${artistId}::uuid ORDER BY platform, date DESC) latest
        LEFT JOIN artist_platform_accounts p ON p.artist_id = latest.artist_id AND p.platform = latest.platform
        ORDER BY latest.platform`,
      this.series.lastDays(artistId, days),
    ]);
    return {
      ...toArtist(summary!),
      window_days: days,
      platform_details: platforms,
      series: series.map((day) => ({
        date: day.date,
        followers: day.followers,
        monthly_listeners: day.monthlyListeners,
        streams: day.streams,
        engagement: dailyEngagement(day),
      })),
      spikes: detectViralSpikes(engagementPoints(series)),
    };
  }

  /** Totals over the caller's artists. */
  async dashboardStats(user: AuthUser) {
    const visible = this.access.visibleArtistsSql(user);
    const [[totals], statuses, alerts] = await Promise.all([
      this.prisma.$queryRaw<Array<Record<string, number | null>>>`
        WITH artists_in_view AS (SELECT a.id FROM artists a WHERE ${visible} AND EXISTS (SELECT 1 FROM artist_metrics_daily m WHERE m.artist_id = a.id)),
        latest_levels AS (
          SELECT DISTINCT ON (artist_id, platform) followers FROM artist_metrics_daily
          WHERE artist_id IN (SELECT id FROM artists_in_view) AND followers IS NOT NULL ORDER BY artist_id, platform, date DESC
        ),
        latest_scores AS (
          SELECT DISTINCT ON (artist_id) fan_value_score, momentum FROM artist_scores
          WHERE artist_id IN (SELECT id FROM artists_in_view) ORDER BY artist_id, date DESC
        )
        SELECT (SELECT count(*) FROM artists_in_view)::int AS artists,
               (SELECT COALESCE(sum(followers), 0) FROM latest_levels)::bigint::float8 AS total_followers,
               (SELECT COALESCE(sum(streams), 0) FROM artist_metrics_daily WHERE artist_id IN (SELECT id FROM artists_in_view) AND date > current_date - 30)::bigint::float8 AS streams_30d,
               (SELECT round(avg(fan_value_score)::numeric, 1) FROM latest_scores)::float8 AS average_fan_value_score,
               (SELECT round(avg(momentum)::numeric, 2) FROM latest_scores)::float8 AS average_momentum`,
      this.prisma.$queryRaw<Array<{ status: string; artists: number }>>`
        SELECT momentum_status AS status, count(*)::int AS artists
        FROM (SELECT DISTINCT ON (artist_id) artist_id, momentum_status FROM artist_scores s WHERE momentum_status IS NOT NULL ORDER BY artist_id, date DESC) latest
        JOIN artists a ON a.id = latest.artist_id WHERE ${visible}
        GROUP BY momentum_status ORDER BY momentum_status`,
      this.prisma.$queryRaw<Array<{ type: string; open: number; last_7_days: number }>>`
        SELECT al.type::text, count(*) FILTER (WHERE al.acknowledged_at IS NULL)::int AS open, count(*) FILTER (WHERE al.created_at > now() - interval '7 days')::int AS last_7_days
        FROM analytics_alerts al JOIN artists a ON a.id = al.artist_id WHERE ${visible}
        GROUP BY al.type ORDER BY al.type`,
    ]);
    return { ...totals, momentum_statuses: Object.fromEntries(statuses.map((row) => [row.status, row.artists])), alerts };
  }

  /** The caller's artists ranked by their latest stored FVS or momentum. */
  async topPerformers(user: AuthUser, by: 'fvs' | 'momentum', limit: number) {
    const order = by === 'fvs' ? Prisma.sql`s.fan_value_score DESC NULLS LAST` : Prisma.sql`s.momentum DESC NULLS LAST`;
    const rows = await this.summaries(
      Prisma.sql`${this.access.visibleArtistsSql(user)} AND s.score_date IS NOT NULL`,
      Prisma.sql`ORDER BY ${order}, a.name LIMIT ${limit}`,
    );
    return { by, results: rows.map(toArtist) };
  }

  /** Artists with their summary columns; `s` is their latest scores. */
  private summaries(where: Prisma.Sql, tail: Prisma.Sql): Promise<SummaryRow[]> {
    return this.prisma.$queryRaw<SummaryRow[]>`
      SELECT a.id, a.name, a.demo, m.platforms, COALESCE(m.followers, 0)::float8 AS followers, m.last_metrics_date,
             s.score_date, s.fan_value_score, s.momentum, s.momentum_status, s.breakout_probability,
             (SELECT count(*) FROM analytics_alerts al WHERE al.artist_id = a.id AND al.acknowledged_at IS NULL)::int AS open_alerts
      FROM artists a
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT platform::text) AS platforms, to_char(max(date), 'YYYY-MM-DD') AS last_metrics_date,
               (SELECT sum(followers) FROM (
                  SELECT DISTINCT ON (platform) followers FROM artist_metrics_daily
                  WHERE artist_id = a.id AND followers IS NOT NULL ORDER BY platform, date DESC) levels) AS followers
        FROM artist_metrics_daily WHERE artist_id = a.id
      ) m ON TRUE
      LEFT JOIN LATERAL (
        SELECT to_char(date, 'YYYY-MM-DD') AS score_date, fan_value_score, momentum, momentum_status, breakout_probability
        FROM artist_scores WHERE artist_id = a.id ORDER BY date DESC LIMIT 1
      ) s ON TRUE
      WHERE ${where}
      ${tail}`;
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { AppConfig } from '../../../platform/config/app-config.js';
import {
  TOP_GENRES,
  type LeadDashboardDto,
  LeadSourcesStatusDto,
  SourceStatusDto,
  YoutubeOpportunitiesQueryDto,
  YoutubeOpportunityPageDto,
  YoutubeStatsDto,
} from '../dto/insights.dto.js';
import { OUTREACH_STATUSES } from '../dto/leads.dto.js';
import { LEAD_TIERS } from '../scoring/score-lead.js';
import { YOUTUBE_OPPORTUNITY_KINDS, type YoutubeOpportunity } from '../scoring/youtube.js';
import type { LeadSource } from '../sources/lead-source.js';
import { LastfmClient } from '../sources/lastfm.client.js';
import { MusicBrainzClient } from '../sources/musicbrainz.client.js';
import type { SourceStatus } from '../sources/source-status.js';
import { SpotifyLeadsClient } from '../sources/spotify-leads.client.js';
import { YoutubeClient } from '../sources/youtube.client.js';
import { geographyTargets } from '../scoring/geography-targets.js';

const INDEPENDENCE_CLASSES = ['self_released', 'small_distributor', 'indie_label', 'major', 'unknown'] as const;
/** The JSON path where an analysis keeps a lead's YouTube opportunities. */
const OPPORTUNITIES = `lead.breakdown->'opportunity'->'youtube'`;

/** Counts of `keys` (zero included) from grouped rows. */
function countsOf(keys: readonly string[], rows: Array<{ key: string; count: number }>): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, rows.find((row) => row.key === key)?.count ?? 0]));
}

function statusView(status: SourceStatus): SourceStatusDto {
  return {
    source: status.source,
    configured: status.configured,
    healthy: status.healthy,
    base_url: status.baseUrl,
    last_error: status.lastError,
    last_success_at: status.lastSuccessAt,
    rate_limit: status.rateLimit && {
      next_slot_at: status.rateLimit.nextSlotAt,
      wait_ms: status.rateLimit.waitMs,
      min_interval_ms: status.rateLimit.minIntervalMs,
    },
    usage_today: status.usageToday,
    quota: status.quota ?? null,
  };
}

/** The leads dashboard, the sources' status and the YouTube views: aggregates in SQL over lead_profiles. */
@Injectable()
export class LeadInsightsService {
  private readonly sources: LeadSource[];

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    musicBrainz: MusicBrainzClient,
    spotify: SpotifyLeadsClient,
    lastfm: LastfmClient,
    youtube: YoutubeClient,
  ) {
    this.sources = [musicBrainz, spotify, lastfm, youtube];
  }

  async status(): Promise<LeadSourcesStatusDto> {
    return { sources: (await this.sourceStatuses()).map(statusView) };
  }

  private sourceStatuses(): Promise<SourceStatus[]> {
    return Promise.all(this.sources.map((source) => source.sourceStatus()));
  }

  async dashboard(): Promise<LeadDashboardDto> {
    const [[totals], tiers, regions, genres, independence, outreach, youtube, processing, statuses] = await Promise.all([
      this.prisma.$queryRaw<Array<{ leads: number; recordings: number; average_score: number | null }>>`
        SELECT (SELECT count(*)::int FROM lead_profiles) AS leads, (SELECT count(*)::int FROM lead_recordings) AS recordings,
               (SELECT round(avg(total_score)::numeric, 2)::float8 FROM lead_profiles) AS average_score`,
      this.grouped('tier::text'),
      this.grouped('region'),
      this.genres(),
      this.grouped('independence::text'),
      this.grouped('outreach_status::text'),
      this.youtubeCoverage(),
      this.processing(),
      this.sourceStatuses(),
    ]);
    const regionName = (region: string) =>
      geographyTargets(this.config).regions.find((target) => target.id === region)?.name ??
      { other: 'Other countries', unknown: 'Country unknown' }[region] ??
      region;
    return {
      ...totals!,
      by_tier: countsOf(LEAD_TIERS, tiers),
      by_region: regions.sort((a, b) => b.count - a.count).map((row) => ({ region: row.key, name: regionName(row.key), count: row.count })),
      by_genre: genres,
      by_independence: countsOf(INDEPENDENCE_CLASSES, independence),
      by_outreach: countsOf(OUTREACH_STATUSES, outreach),
      youtube,
      sources: statuses.map((status) => ({
        source: status.source,
        configured: status.configured,
        requests_today: status.usageToday.requests,
        errors_today: status.usageToday.errors,
        units_today: status.usageToday.units,
        quota: status.quota ?? null,
        min_interval_ms: status.rateLimit?.minIntervalMs ?? null,
      })),
      processing,
    };
  }

  async youtubeStats(): Promise<YoutubeStatsDto> {
    const [coverage, [row], youtube] = await Promise.all([
      this.youtubeCoverage(),
      this.prisma.$queryRawUnsafe<Array<{ subscribers: number; by_kind: Record<string, number> | null }>>(`
        SELECT (SELECT coalesce(sum(youtube_subscribers), 0)::float8 FROM lead_profiles WHERE youtube_channel_id IS NOT NULL) AS subscribers,
               (SELECT jsonb_object_agg(kind, n) FROM (
                  SELECT opportunity->>'kind' AS kind, count(*)::int AS n
                  FROM lead_profiles lead, jsonb_array_elements(coalesce(${OPPORTUNITIES}, '[]'::jsonb)) opportunity GROUP BY 1) kinds) AS by_kind`),
      this.sources.find((source) => source.source === YoutubeClient.SOURCE)!.sourceStatus(),
    ]);
    return {
      ...coverage,
      configured: youtube.configured,
      by_opportunity: countsOf(
        YOUTUBE_OPPORTUNITY_KINDS,
        Object.entries(row!.by_kind ?? {}).map(([key, count]) => ({ key, count })),
      ),
      subscribers_total: row!.subscribers,
      quota: youtube.quota ?? { used: youtube.usageToday.units, limit: this.config.YOUTUBE_DAILY_QUOTA },
    };
  }

  /** Leads with YouTube opportunities (of one kind, when given), best lead first. */
  async youtubeOpportunities(query: YoutubeOpportunitiesQueryDto): Promise<YoutubeOpportunityPageDto> {
    const kind = query.kind ? JSON.stringify([{ kind: query.kind }]) : null;
    const where = `jsonb_array_length(coalesce(${OPPORTUNITIES}, '[]'::jsonb)) > 0 AND ($1::jsonb IS NULL OR ${OPPORTUNITIES} @> $1::jsonb)`;
    type Row = {
      artist_id: string;
      artist_name: string;
      tier: string;
      total_score: number;
      region: string;
      spotify_followers: number | null;
      lastfm_listeners: number | null;
      youtube_checked_at: Date | null;
      youtube_channel_id: string | null;
      youtube_subscribers: number | null;
      youtube_views: number | null;
      youtube_recent_uploads: number | null;
      opportunities: YoutubeOpportunity[];
    };
    const [[counted], rows] = await Promise.all([
      this.prisma.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM lead_profiles lead WHERE ${where}`, kind),
      this.prisma.$queryRawUnsafe<Row[]>(
        `SELECT lead.artist_id, artist.name AS artist_name, lead.tier::text AS tier, lead.total_score, lead.region, lead.spotify_followers, lead.lastfm_listeners,
                lead.youtube_checked_at, lead.youtube_channel_id, lead.youtube_subscribers, lead.youtube_views::float8 AS youtube_views, lead.youtube_recent_uploads,
                ${OPPORTUNITIES} AS opportunities
         FROM lead_profiles lead JOIN artists artist ON artist.id = lead.artist_id
         WHERE ${where}
         ORDER BY lead.total_score DESC, lead.artist_id LIMIT $2 OFFSET $3`,
        kind,
        query.page_size,
        (query.page - 1) * query.page_size,
      ),
    ]);
    return {
      count: counted!.count,
      page: query.page,
      page_size: query.page_size,
      results: rows.map((row) => ({
        artist_id: row.artist_id,
        artist_name: row.artist_name,
        tier: row.tier,
        total_score: row.total_score,
        region: row.region,
        spotify_followers: row.spotify_followers,
        lastfm_listeners: row.lastfm_listeners,
        youtube: row.youtube_checked_at
          ? {
              channel_id: row.youtube_channel_id,
              subscribers: row.youtube_subscribers,
              views: row.youtube_views,
              recent_uploads_90d: row.youtube_recent_uploads,
              opportunities: row.opportunities.map((opportunity) => opportunity.kind),
            }
          : null,
        opportunities: row.opportunities,
      })),
    };
  }

  private grouped(column: string): Promise<Array<{ key: string; count: number }>> {
    return this.prisma.$queryRawUnsafe(`SELECT ${column} AS key, count(*)::int AS count FROM lead_profiles GROUP BY 1`);
  }

  /** The genre distribution: the most common genres of the leads (a lead once per genre, whatever its case). */
  private genres(): Promise<Array<{ genre: string; count: number }>> {
    return this.prisma.$queryRaw`
      SELECT lower(genre) AS genre, count(DISTINCT lead.artist_id)::int AS count
      FROM lead_profiles lead, unnest(lead.genres) genre
      GROUP BY 1 ORDER BY count DESC, genre LIMIT ${TOP_GENRES}`;
  }

  private async youtubeCoverage(): Promise<{ with_channel: number; without_channel: number; not_checked: number }> {
    const [row] = await this.prisma.$queryRaw<Array<{ with_channel: number; without_channel: number; not_checked: number }>>`
      SELECT count(*) FILTER (WHERE youtube_channel_id IS NOT NULL)::int AS with_channel,
             count(*) FILTER (WHERE youtube_checked_at IS NOT NULL AND youtube_channel_id IS NULL)::int AS without_channel,
             count(*) FILTER (WHERE youtube_checked_at IS NULL)::int AS not_checked
      FROM lead_profiles`;
    return row!;
  }

  /** How fast bulk jobs get through ISRCs, from their items' finishing times. */
  private async processing(): Promise<LeadDashboardDto['processing']> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ items_last_hour: number; items_last_24h: number; failed_last_24h: number; active_jobs: number }>>(
      `SELECT count(*) FILTER (WHERE finished_at > now() - interval '1 hour')::int AS items_last_hour,
              count(*) FILTER (WHERE finished_at > now() - interval '24 hours')::int AS items_last_24h,
              count(*) FILTER (WHERE status = 'failed' AND finished_at > now() - interval '24 hours')::int AS failed_last_24h,
              (SELECT count(DISTINCT job_id)::int FROM lead_job_items WHERE status = 'pending') AS active_jobs
       FROM lead_job_items`,
    );
    return { ...row!, per_minute_last_hour: Math.round((row!.items_last_hour / 60) * 100) / 100 };
  }
}

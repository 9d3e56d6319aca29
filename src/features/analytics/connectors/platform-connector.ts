import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ANALYTICS_PLATFORMS, type AnalyticsPlatformName, type DailyMetricDto } from '../dto/metrics.dto.js';
import type { MetricSource } from '../ingestion/metrics-ingestion.service.js';
import { SpotifyConnector } from './spotify.connector.js';

/** An artist's account on a platform, as artist_platform_accounts stores it. */
export interface PlatformAccountRef {
  artistId: string;
  externalId: string;
}

/**
 * Fetches an artist's numbers from a platform's API. `sync` answers the daily rows to store
 * (through MetricsIngestionService.upsertDaily, as `source`); it throws when the platform cannot
 * answer for this account.
 */
export interface PlatformConnector {
  readonly platform: AnalyticsPlatformName;
  /** How the rows are marked in artist_metrics_daily.source. */
  readonly source: MetricSource;
  /** Whether the connector has what it needs to call the platform (credentials). */
  readonly configured: boolean;
  sync(account: PlatformAccountRef): Promise<DailyMetricDto[]>;
}

/**
 * Platforms without a connector, and why: their APIs give an artist's numbers only to apps that
 * passed the platform's review, which Encore cannot do for its users. Their data comes in through
 * POST /api/analytics/artists/:id/metrics (JSON) or /metrics/csv (the export of the platform's
 * own dashboard).
 */
export const INGESTION_ONLY: Record<Exclude<AnalyticsPlatformName, 'spotify'>, string> = {
  instagram: 'The Instagram Graph API gives insights (instagram_manage_insights) only to apps that passed Meta App Review.',
  tiktok: 'TikTok gives account and video metrics only to apps approved for its Display or Research API.',
  youtube: 'YouTube Analytics needs the yt-analytics.readonly scope, which Google grants only to verified OAuth apps.',
  apple_music: 'Apple Music for Artists has no public API.',
};

export class ConnectorStatusDto {
  @ApiProperty({ enum: ANALYTICS_PLATFORMS }) platform!: AnalyticsPlatformName;
  @ApiProperty({ enum: ['connector', 'ingestion_only'], description: 'connector: synced by the analytics-sync job; ingestion_only: send JSON or CSV' })
  mode!: 'connector' | 'ingestion_only';
  @ApiProperty({ description: 'The connector has its credentials (always false for ingestion-only platforms)' }) configured!: boolean;
  @ApiProperty() note!: string;
}

/** Every platform connector Encore has, by platform. */
@Injectable()
export class ConnectorRegistry {
  private readonly connectors: ReadonlyMap<AnalyticsPlatformName, PlatformConnector>;

  constructor(spotify: SpotifyConnector) {
    this.connectors = new Map<AnalyticsPlatformName, PlatformConnector>([[spotify.platform, spotify]]);
  }

  /** The platform's connector, when it has one. */
  get(platform: AnalyticsPlatformName): PlatformConnector | undefined {
    return this.connectors.get(platform);
  }

  /** The connectors that can run now. */
  configured(): PlatformConnector[] {
    return [...this.connectors.values()].filter((connector) => connector.configured);
  }

  /** Each platform: synced by a connector (and whether it is configured) or ingestion-only, and why. */
  status(): ConnectorStatusDto[] {
    return ANALYTICS_PLATFORMS.map((platform) => {
      const connector = this.connectors.get(platform);
      if (!connector)
        return {
          platform,
          mode: 'ingestion_only',
          configured: false,
          note: `${INGESTION_ONLY[platform as keyof typeof INGESTION_ONLY]} Send its numbers as JSON or CSV.`,
        };
      return {
        platform,
        mode: 'connector',
        configured: connector.configured,
        note: connector.configured
          ? 'Synced every 6 hours (analytics-sync) for artists with a linked account.'
          : 'Not configured: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET.',
      };
    });
  }
}

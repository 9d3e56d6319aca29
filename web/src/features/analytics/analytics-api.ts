import type { AlertType, BreakoutLabel, FanSegment, MomentumStatus } from './analytics.js';
import type { Listing } from '../../api/catalog-types.js';
import { api, toQuery, type EncoreApi } from '../../api/client.js';
import type { Schema } from '../../api/schema.js';

export type { AlertType, BreakoutLabel, FanSegment, MomentumStatus };

/** The latest stored scores of an artist (the scheduled jobs write them); null before the first run. */
export type ArtistScores = Schema<'ArtistScoresDto'>;

/** GET /api/analytics/artists: an artist as analytics sees it. */
export type AnalyticsArtist = Schema<'AnalyticsArtistDto'>;

export interface PlatformDetail {
  platform: string;
  date: string;
  followers: number | null;
  monthly_listeners: number | null;
  popularity: number | null;
  external_id: string | null;
  url: string | null;
  last_sync_at: string | null;
}

/** One day of the artist's totals over platforms. */
export interface SeriesDay {
  date: string;
  followers: number;
  monthly_listeners: number;
  streams: number;
  engagement: number;
}

/** A day whose engagement stood out from the 14 days before it. */
export interface Spike {
  date: string;
  value: number;
  trailing_mean: number;
  trailing_std: number;
  z_score: number;
}

// The artist detail, scores, superfans and dashboard answers have no response schema in the document.
/** GET /api/analytics/artists/:id?days= */
export interface AnalyticsArtistDetail extends AnalyticsArtist {
  window_days: number;
  platform_details: PlatformDetail[];
  series: SeriesDay[];
  spikes: Spike[];
}

export interface ScoreComponent {
  raw: number | null;
  score: number | null;
  weight: number;
}

export interface ArtistRef {
  id: string;
  name: string;
}

export type FvsComponentName = 'engagement' | 'growth' | 'reach' | 'conversion';
export type MomentumComponentName = 'velocity' | 'acceleration' | 'consistency' | 'viral_potential';

/** GET /api/analytics/:id/fvs */
export interface FanValueScore {
  artist: ArtistRef;
  score: number | null;
  window_days: number;
  days_with_data: number;
  components: Record<FvsComponentName, ScoreComponent>;
}

/** GET /api/analytics/:id/momentum */
export interface Momentum {
  artist: ArtistRef;
  index: number | null;
  status: MomentumStatus | null;
  window_days: number;
  components: Record<MomentumComponentName, ScoreComponent>;
}

export interface BreakoutDriver {
  feature: string;
  value: number;
  contribution: number;
}

/** GET /api/analytics/:id/breakout-prediction (probability null, with a reason, without enough history). */
export interface BreakoutPrediction {
  artist: ArtistRef;
  probability: number | null;
  label: BreakoutLabel | null;
  model: 'random_forest' | 'logistic' | null;
  training_samples: number;
  drivers: BreakoutDriver[];
  features: Record<string, number>;
  horizon_days: number;
  factor: number;
  as_of: string | null;
  reason?: string;
}

export interface Superfan {
  fan_id: string;
  recency_days: number;
  active_days: number;
  events: number;
  depth: number;
  rfm: string;
  segment: FanSegment;
}

/** GET /api/analytics/:id/superfans */
export interface Superfans {
  artist: ArtistRef;
  window_days: number;
  as_of: string;
  total_fans: number;
  segments: Record<FanSegment, { count: number; share: number }>;
  top_superfans: Superfan[];
}

/** GET /api/analytics/dashboard/stats: totals over the caller's artists. */
export interface DashboardStats {
  artists: number;
  total_followers: number;
  streams_30d: number;
  average_fan_value_score: number | null;
  average_momentum: number | null;
  momentum_statuses: Partial<Record<MomentumStatus, number>>;
  alerts: Array<{ type: AlertType; open: number; last_7_days: number }>;
}

export interface TopPerformers {
  by: 'fvs' | 'momentum';
  results: AnalyticsArtist[];
}

export type AnalyticsAlert = Schema<'AlertDto'>;

export interface AlertFilters {
  artist_id?: string;
  type?: AlertType | '';
  /** "false": open only, "true": acknowledged only, "": all. */
  acknowledged?: 'true' | 'false' | '';
  page?: number;
  page_size?: number;
}

export type MetricsUploadResult = Schema<'MetricsIngestionResultDto'>;

/** GET /api/analytics/spotify/status */
export type SpotifyStatus = Schema<'SpotifyStatusDto'>;

/** An artist's own public catalog release. */
export type OwnRelease = Schema<'OwnReleaseDto'>;

/** Someone else's Spotify release of the week in one of the artist's genres. */
export type CompetingRelease = Schema<'CompetingReleaseDto'>;

/** GET /api/analytics/:id/competing-releases?week= */
export type CompetingReleases = Schema<'CompetingReleasesDto'>;

/** /api/analytics/*: fan analytics for an artist's team (admins: every artist). */
export class AnalyticsApi {
  constructor(private readonly client: EncoreApi = api) {}

  artists(query: { search?: string; page?: number; page_size?: number }, signal?: AbortSignal): Promise<Listing<AnalyticsArtist>> {
    return this.get(`/api/analytics/artists?${toQuery(query)}`, signal);
  }

  artist(id: string, days: number, signal?: AbortSignal): Promise<AnalyticsArtistDetail> {
    return this.get(`/api/analytics/artists/${encodeURIComponent(id)}?${toQuery({ days })}`, signal);
  }

  fanValueScore(id: string, signal?: AbortSignal): Promise<FanValueScore> {
    return this.get(`/api/analytics/${encodeURIComponent(id)}/fvs`, signal);
  }

  momentum(id: string, signal?: AbortSignal): Promise<Momentum> {
    return this.get(`/api/analytics/${encodeURIComponent(id)}/momentum`, signal);
  }

  breakout(id: string, signal?: AbortSignal): Promise<BreakoutPrediction> {
    return this.get(`/api/analytics/${encodeURIComponent(id)}/breakout-prediction`, signal);
  }

  superfans(id: string, top: number, signal?: AbortSignal): Promise<Superfans> {
    return this.get(`/api/analytics/${encodeURIComponent(id)}/superfans?${toQuery({ top })}`, signal);
  }

  /** The week's competing releases (an ISO week such as 2026-W49 or a day in it; default this week). */
  competingReleases(id: string, week?: string, signal?: AbortSignal): Promise<CompetingReleases> {
    return this.get(`/api/analytics/${encodeURIComponent(id)}/competing-releases?${toQuery({ week })}`, signal);
  }

  stats(signal?: AbortSignal): Promise<DashboardStats> {
    return this.get('/api/analytics/dashboard/stats', signal);
  }

  topPerformers(by: 'fvs' | 'momentum', limit: number, signal?: AbortSignal): Promise<TopPerformers> {
    return this.get(`/api/analytics/dashboard/top-performers?${toQuery({ by, limit })}`, signal);
  }

  alerts(filters: AlertFilters, signal?: AbortSignal): Promise<Listing<AnalyticsAlert>> {
    return this.get(`/api/analytics/alerts?${toQuery({ ...filters })}`, signal);
  }

  acknowledge(id: string): Promise<AnalyticsAlert> {
    return this.client.send('POST', `/api/analytics/alerts/${encodeURIComponent(id)}/acknowledge`);
  }

  /** A CSV of daily metrics (platform,date and any metric columns), in the form field `file`. */
  uploadMetricsCsv(id: string, file: File): Promise<MetricsUploadResult> {
    const form = new FormData();
    form.set('file', file);
    return this.client.send('POST', `/api/analytics/artists/${encodeURIComponent(id)}/metrics/csv`, form);
  }

  spotifyStatus(artistId: string, signal?: AbortSignal): Promise<SpotifyStatus> {
    return this.get(`/api/analytics/spotify/status?${toQuery({ artist_id: artistId })}`, signal);
  }

  /** Spotify's authorize page for the artist (as JSON: the token travels in a header, not a redirect). */
  spotifyAuthorizeUrl(artistId: string): Promise<{ authorize_url: string }> {
    return this.get(`/api/analytics/spotify/authorize?${toQuery({ artist_id: artistId, redirect: false })}`);
  }

  spotifyDisconnect(artistId: string): Promise<{ artist_id: string; disconnected: boolean; notice: string }> {
    return this.client.send('POST', '/api/analytics/spotify/disconnect', { artist_id: artistId });
  }

  private get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.client.send('GET', path, undefined, { signal });
  }
}

export const analyticsApi = new AnalyticsApi();

import type { AlertType, BreakoutLabel, FanSegment, MomentumStatus } from '../lib/analytics.js';
import type { Listing } from './catalog-types.js';
import { api, toQuery, type EncoreApi } from './client.js';

export type { AlertType, BreakoutLabel, FanSegment, MomentumStatus };

/** The latest stored scores of an artist (the scheduled jobs write them); null before the first run. */
export interface ArtistScores {
  date: string | null;
  fan_value_score: number | null;
  momentum: number | null;
  momentum_status: MomentumStatus | null;
  breakout_probability: number | null;
}

/** GET /api/analytics/artists: an artist as analytics sees it. */
export interface AnalyticsArtist {
  id: string;
  name: string;
  platforms: string[];
  /** Latest followers, summed over platforms. */
  followers: number;
  last_metrics_date: string | null;
  scores: ArtistScores;
  open_alerts: number;
  /** Generated demo data: invented, its audience and scores too (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
}

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

export interface AnalyticsAlert {
  id: string;
  artist_id: string;
  artist_name: string;
  type: AlertType;
  severity: 'medium' | 'high';
  message: string;
  details: Record<string, unknown>;
  created_at: string;
  acknowledged_at: string | null;
  /** An alert on a demo artist's invented numbers. */
  demo: boolean;
}

export interface AlertFilters {
  artist_id?: string;
  type?: AlertType | '';
  /** "false": open only, "true": acknowledged only, "": all. */
  acknowledged?: 'true' | 'false' | '';
  page?: number;
  page_size?: number;
}

export interface MetricsUploadResult {
  inserted: number;
  updated: number;
  first_date: string | null;
  last_date: string | null;
}

/** GET /api/analytics/spotify/status */
export interface SpotifyStatus {
  artist_id: string;
  /** The server has Spotify app credentials, so accounts can be connected. */
  configured: boolean;
  connected: boolean;
  spotify_user_id: string | null;
  display_name: string | null;
  expires_at: string | null;
  connected_at: string | null;
  last_error: string | null;
  needs_reconnect: boolean;
  artist_profile: { id: string; url: string | null; last_sync_at: string | null } | null;
}

/** An artist's own public catalog release. */
export interface OwnRelease {
  song_id: string;
  title: string;
  album: string | null;
  release_date: string;
}

/** Someone else's Spotify release of the week in one of the artist's genres. */
export interface CompetingRelease {
  spotify_album_id: string;
  name: string;
  album_type: string | null;
  artists: string[];
  release_date: string;
  total_tracks: number | null;
  /** The artist's genres it shares. */
  genres: string[];
  sources: Array<'new_releases' | 'search'>;
  spotify_url: string;
  image_url: string | null;
  first_seen_at: string;
}

/** GET /api/analytics/:id/competing-releases?week= */
export interface CompetingReleases {
  artist: ArtistRef;
  week: { week: string; start: string; end: string };
  /** The genres the week's scan compared with; null before the job scanned the week. */
  genres: string[] | null;
  scanned_at: string | null;
  /** Why there is nothing to show: not scanned yet, or no genres known for the artist. */
  note: string | null;
  latest_release: OwnRelease | null;
  own_releases: OwnRelease[];
  count: number;
  results: CompetingRelease[];
}

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

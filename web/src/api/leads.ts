import type { LeadTier, OutreachStatus } from '../lib/leads.js';
import type { Listing } from './catalog-types.js';
import { api, toQuery, type EncoreApi } from './client.js';

export type { LeadTier, OutreachStatus };

/** One scored factor of a score component, on the component's raw scale. */
export interface ScoreItem {
  factor: string;
  points: number;
  max: number;
  reason: string;
}

export interface ScoreComponent {
  points: number;
  max: number;
  items: ScoreItem[];
}

export type ScoreComponentName = 'independence' | 'opportunity' | 'geography';

export interface LeadScore extends Record<ScoreComponentName, ScoreComponent> {
  total: number;
  tier: LeadTier;
  independence_class: string;
  region: string;
  reasons: string[];
}

export interface YoutubeOpportunity {
  kind: string;
  evidence: string;
}

export interface Contact {
  kind: string;
  value: string;
  source: string;
}

/** What one source answered during an analysis. */
export interface SourceOutcome {
  source: string;
  status: 'answered' | 'not_found' | 'skipped' | 'failed';
  detail: string | null;
}

/** A fact the score used: found (with its value) or unknown (the score's "not known" rule applied). */
export interface ScoringInput {
  fact: string;
  known: boolean;
  value: string | number | boolean | string[] | null;
  detail: string;
}

/** POST /api/leads/analyze-isrc */
export interface LeadAnalysis {
  isrc: string;
  /** The artist's id when the lead was kept. */
  artist_id: string | null;
  recording: { title: string | null; length_ms: number | null; first_release_date: string | null } | null;
  artist: { name: string; country: string | null; area: string | null; genres: string[] } | null;
  release: { title: string | null; date: string | null; country: string | null } | null;
  label: { names: string[]; distributor: string | null; independence_class: string; reason: string };
  youtube: { has_channel: boolean; channel_id?: string | null; title?: string | null; subscribers?: number | null } | null;
  youtube_opportunities: YoutubeOpportunity[];
  contacts: Contact[];
  score: LeadScore;
  scoring_inputs: ScoringInput[];
  sources: SourceOutcome[];
}

/** The answer to queueing a bulk analysis (JSON list or uploaded file). */
export interface BulkJob {
  job_id: string;
  total: number;
  duplicates: number;
  /** Tokens of an uploaded file that look like ISRCs but are not valid (left out). */
  invalid: Array<{ value: string; line?: number; error: string }>;
}

/** GET /api/leads: a lead as listed. */
export interface Lead {
  artist_id: string;
  artist_name: string;
  country: string | null;
  region: string;
  tier: LeadTier;
  total_score: number;
  independence_score: number;
  opportunity_score: number;
  geography_score: number;
  independence: string;
  label_name: string | null;
  distributor_name: string | null;
  genres: string[];
  spotify_followers: number | null;
  spotify_popularity: number | null;
  lastfm_listeners: number | null;
  /** null: YouTube not checked. */
  youtube: { channel_id: string | null; subscribers: number | null; views: number | null; recent_uploads_90d: number | null; opportunities: string[] } | null;
  outreach_status: OutreachStatus;
  contacts: Contact[];
  isrcs: string[];
  reasons: string[];
  scored_at: string;
  /** Generated demo data: invented, contacts on example.com or .invalid (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
}

export interface LeadRecording {
  isrc: string;
  title: string | null;
  release_title: string | null;
  release_date: string | null;
  label_name: string | null;
  distributor_name: string | null;
  musicbrainz_id: string | null;
  spotify_track_id: string | null;
  sources: string[];
  analyzed_at: string;
}

export interface OutreachEvent {
  status: OutreachStatus;
  notes: string;
  username: string | null;
  created_at: string;
}

/** GET /api/leads/artists/:id */
export interface LeadDetail extends Lead {
  musicbrainz_id: string | null;
  area: string | null;
  outreach_notes: string;
  breakdown: Partial<Record<ScoreComponentName, ScoreComponent>> & { reasons?: string[] };
  /** Null for a lead scored before the inputs were kept. */
  scoring_inputs: ScoringInput[] | null;
  youtube_opportunities: YoutubeOpportunity[];
  youtube_channel: {
    channel_id: string | null;
    subscribers: number | null;
    views: number | null;
    video_count: number | null;
    recent_uploads_90d: number | null;
    last_upload_at: string | null;
    checked_at: string;
  } | null;
  recordings: LeadRecording[];
  /** Newest first. */
  outreach_history: OutreachEvent[];
  first_seen_at: string;
}

/** GET /api/leads/dashboard/stats */
export interface LeadStats {
  leads: number;
  recordings: number;
  average_score: number | null;
  by_tier: Record<LeadTier, number>;
  by_region: Array<{ region: string; name: string; count: number }>;
  /** The most common genres, most leads first. */
  by_genre: Array<{ genre: string; count: number }>;
  by_independence: Record<string, number>;
  by_outreach: Record<string, number>;
  youtube: { with_channel: number; without_channel: number; not_checked: number };
  sources: Array<{ source: string; configured: boolean; requests_today: number; errors_today: number; units_today: number; quota: Quota | null; min_interval_ms: number | null }>;
  processing: { items_last_hour: number; items_last_24h: number; per_minute_last_hour: number; failed_last_24h: number; active_jobs: number };
}

export interface Quota {
  used: number;
  limit: number;
}

/** GET /api/leads/status: one source's health. */
export interface SourceStatus {
  source: string;
  configured: boolean;
  healthy: boolean;
  base_url: string;
  last_error: { at: string; message: string } | null;
  last_success_at: string | null;
  rate_limit: { next_slot_at: string; wait_ms: number; min_interval_ms: number } | null;
  usage_today: { day: string; requests: number; errors: number; units: number };
  quota: Quota | null;
}

/** GET /api/leads/youtube/opportunities */
export interface YoutubeOpportunityLead {
  artist_id: string;
  artist_name: string;
  tier: LeadTier;
  total_score: number;
  region: string;
  spotify_followers: number | null;
  lastfm_listeners: number | null;
  youtube: Lead['youtube'];
  opportunities: YoutubeOpportunity[];
}

/** GET /api/leads/youtube/stats */
export interface YoutubeStats {
  with_channel: number;
  without_channel: number;
  not_checked: number;
  /** A YouTube API key is set. */
  configured: boolean;
  by_opportunity: Record<string, number>;
  /** Subscribers of the channels found. */
  subscribers_total: number;
  /** Units spent today (UTC) and the daily limit. */
  quota: Quota;
}

export type ExportFormat = 'csv' | 'excel' | 'json' | 'pdf';

/** /api/leads/*: A&R leads from ISRCs, for label staff (admins). */
export class LeadsApi {
  constructor(private readonly client: EncoreApi = api) {}

  analyzeIsrc(isrc: string, options: { include_youtube: boolean; force_refresh: boolean }): Promise<LeadAnalysis> {
    return this.client.send('POST', '/api/leads/analyze-isrc', { isrc, ...options });
  }

  analyzeBulk(isrcs: string[], options: { include_youtube: boolean; force_refresh: boolean }): Promise<BulkJob> {
    return this.client.send('POST', '/api/leads/analyze-bulk', { isrcs, ...options });
  }

  /** A CSV or TXT file with ISRCs in any column or line, in the form field `file`. */
  uploadIsrcs(file: File, options: { include_youtube: boolean; force_refresh: boolean }): Promise<BulkJob> {
    const form = new FormData();
    form.set('file', file);
    for (const [name, value] of Object.entries(options)) form.set(name, String(value));
    return this.client.send('POST', '/api/leads/upload-isrcs', form);
  }

  list(query: Record<string, string | number>, signal?: AbortSignal): Promise<Listing<Lead>> {
    return this.get(`/api/leads?${toQuery(query)}`, signal);
  }

  lead(id: string, signal?: AbortSignal): Promise<LeadDetail> {
    return this.get(`/api/leads/artists/${encodeURIComponent(id)}`, signal);
  }

  updateOutreach(id: string, change: { status: OutreachStatus; notes: string }): Promise<LeadDetail> {
    return this.client.send('PUT', `/api/leads/artists/${encodeURIComponent(id)}/outreach`, change);
  }

  refreshYoutube(id: string): Promise<LeadDetail> {
    return this.client.send('POST', `/api/leads/artists/${encodeURIComponent(id)}/youtube/refresh`);
  }

  stats(signal?: AbortSignal): Promise<LeadStats> {
    return this.get('/api/leads/dashboard/stats', signal);
  }

  async status(signal?: AbortSignal): Promise<SourceStatus[]> {
    return (await this.get<{ sources: SourceStatus[] }>('/api/leads/status', signal)).sources;
  }

  youtubeOpportunities(query: { kind?: string; page: number; page_size: number }, signal?: AbortSignal): Promise<Listing<YoutubeOpportunityLead>> {
    return this.get(`/api/leads/youtube/opportunities?${toQuery(query)}`, signal);
  }

  youtubeStats(signal?: AbortSignal): Promise<YoutubeStats> {
    return this.get('/api/leads/youtube/stats', signal);
  }

  /** The leads matching `filters` as a file of `format` (the name the API offers, dated). */
  export(filters: Record<string, string>, format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
    return this.client.download('POST', '/api/leads/export', { filters, format, include_youtube: true }, `encore-leads.${format === 'excel' ? 'xlsx' : format}`);
  }

  private get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.client.send('GET', path, undefined, { signal });
  }
}

export const leadsApi = new LeadsApi();

import type { LeadTier, OutreachStatus } from './leads.js';
import type { Listing } from '../../api/catalog-types.js';
import { api, toQuery, type EncoreApi } from '../../api/client.js';
import type { Schema } from '../../api/schema.js';

export type { LeadTier, OutreachStatus };

/** One scored factor of a score component, on the component's raw scale. */
export type ScoreItem = Schema<'ScoreItemDto'>;

export type ScoreComponent = Schema<'ScoreComponentDto'>;

export type ScoreComponentName = 'independence' | 'opportunity' | 'geography';

export type LeadScore = Schema<'LeadScoreDto'>;

export type YoutubeOpportunity = Schema<'YoutubeOpportunityDto'>;

export type Contact = Schema<'ContactDto'>;

/** What one source answered during an analysis. */
export type SourceOutcome = Schema<'SourceOutcomeDto'>;

/** A fact the score used: found (with its value) or unknown (the score's "not known" rule applied). */
export type ScoringInput = Schema<'ScoringInputDto'>;

// The document describes these parts as loose objects (the server builds them inline): the fields the app reads.
/** POST /api/leads/analyze-isrc */
export type LeadAnalysis = Omit<Schema<'LeadAnalysisDto'>, 'recording' | 'artist' | 'release' | 'label' | 'youtube'> & {
  recording: { title: string | null; length_ms: number | null; first_release_date: string | null } | null;
  artist: { name: string; country: string | null; area: string | null; genres: string[] } | null;
  release: { title: string | null; date: string | null; country: string | null } | null;
  label: { names: string[]; distributor: string | null; independence_class: string; reason: string };
  youtube: { has_channel: boolean; channel_id?: string | null; title?: string | null; subscribers?: number | null } | null;
};

/** The answer to queueing a bulk analysis (JSON list or uploaded file). */
export type BulkJob = Schema<'BulkJobDto'>;

/** GET /api/leads: a lead as listed. */
export type Lead = Schema<'LeadDto'>;

export type LeadRecording = Schema<'LeadRecordingDto'>;

export type OutreachEvent = Schema<'OutreachEventDto'>;

// The document describes breakdown as a loose object (stored JSON, whose shape grew over time): the fields the app reads.
/** GET /api/leads/artists/:id */
export type LeadDetail = Omit<Schema<'LeadDetailDto'>, 'breakdown'> & {
  breakdown: Partial<Record<ScoreComponentName, ScoreComponent>> & { reasons?: string[] };
};

/** GET /api/leads/dashboard/stats */
export type LeadStats = Schema<'LeadDashboardDto'>;

export type Quota = Schema<'QuotaDto'>;

/** GET /api/leads/status: one source's health. */
export type SourceStatus = Schema<'SourceStatusDto'>;

/** GET /api/leads/youtube/opportunities */
export type YoutubeOpportunityLead = Schema<'YoutubeOpportunityLeadDto'>;

/** GET /api/leads/youtube/stats */
export type YoutubeStats = Schema<'YoutubeStatsDto'>;

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
    return this.client.download(
      'POST',
      '/api/leads/export',
      { filters, format, include_youtube: true },
      `encore-leads.${format === 'excel' ? 'xlsx' : format}`,
    );
  }

  private get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.client.send('GET', path, undefined, { signal });
  }
}

export const leadsApi = new LeadsApi();

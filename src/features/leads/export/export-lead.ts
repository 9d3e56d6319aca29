/**
 * What a lead-list export is made from: one `ExportLead` per lead, in rank order (the query's
 * order; rank 1 first), and an `ExportSummary` of the whole list. The exports are pure functions of
 * these, so the controller's query is the only part that touches the database.
 *
 * Codes are the API's: regions `nz`, `au`, `pacific`, `other`, `unknown` (the default geography
 * targets' ids; custom targets add their own);
 * independence `self_released`, `small_distributor`, `indie_label`, `major`, `unknown`; outreach
 * `new`, `contacted`, `responded`, `converted`, `declined`.
 */
import { LEAD_TIERS, type LeadTier } from '../scoring/score-lead.js';
import { round } from '../scoring/facts.js';

export { LEAD_TIERS };

/** The regions every summary counts, zero or not, in the order they are shown. */
export const LEAD_REGIONS = ['nz', 'au', 'pacific', 'other', 'unknown'] as const;

export interface ExportYoutube {
  /** Null when YouTube was searched and no channel found. */
  channel_id: string | null;
  subscribers: number | null;
  views: number | null;
  recent_uploads_90d: number | null;
  /** Opportunity kinds: no_presence, underperforming, inconsistent_uploads, high_growth_emerging. */
  opportunities: string[];
}

export interface ExportLead {
  artist_id: string;
  artist_name: string;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  region: string;
  tier: LeadTier;
  /** 0–100. */
  total_score: number;
  independence_score: number;
  opportunity_score: number;
  geography_score: number;
  /** The independence class. */
  independence: string;
  label_name: string | null;
  distributor_name: string | null;
  genres: string[];
  spotify_followers: number | null;
  spotify_popularity: number | null;
  lastfm_listeners: number | null;
  /** Null when YouTube was not checked. */
  youtube: ExportYoutube | null;
  outreach_status: string;
  contacts: Array<{ kind: string; value: string }>;
  isrcs: string[];
  reasons: string[];
  scored_at: Date;
  /** An invented lead of Encore's demo data. */
  demo: boolean;
}

/** What an export includes besides the core columns. */
export interface ExportOptions {
  /** The leads' YouTube figures (channel, subscribers, views, recent uploads, opportunities). */
  includeYoutube: boolean;
}

export interface YoutubeCoverage {
  /** Checked, and a channel found. */
  with_channel: number;
  /** Checked, and no channel found. */
  without_channel: number;
  not_checked: number;
}

export interface ExportSummary {
  generated_at: Date;
  /** What the list was filtered by (shown in the report); empty for every lead. */
  filters: Record<string, string | number>;
  total: number;
  by_tier: Record<LeadTier, number>;
  /** Every region of `LEAD_REGIONS` (zero included), then any other region found. */
  by_region: Record<string, number>;
  /** Mean total score, 2 decimals; null for an empty list. */
  average_score: number | null;
  youtube_coverage: YoutubeCoverage;
}

/** The summary of a lead list, as of `now`. */
export function summarize(leads: readonly ExportLead[], filters: Record<string, string | number>, now: Date): ExportSummary {
  const byTier: Record<LeadTier, number> = { A: 0, B: 0, C: 0, D: 0 };
  const byRegion: Record<string, number> = Object.fromEntries(LEAD_REGIONS.map((region) => [region, 0]));
  const coverage: YoutubeCoverage = { with_channel: 0, without_channel: 0, not_checked: 0 };
  let scoreSum = 0;
  for (const lead of leads) {
    byTier[lead.tier] += 1;
    byRegion[lead.region] = (byRegion[lead.region] ?? 0) + 1;
    if (lead.youtube === null) coverage.not_checked += 1;
    else if (lead.youtube.channel_id === null) coverage.without_channel += 1;
    else coverage.with_channel += 1;
    scoreSum += lead.total_score;
  }
  return {
    generated_at: now,
    filters: { ...filters },
    total: leads.length,
    by_tier: byTier,
    by_region: byRegion,
    average_score: leads.length === 0 ? null : round(scoreSum / leads.length, 2),
    youtube_coverage: coverage,
  };
}

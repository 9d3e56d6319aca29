/** Wording, filters and parsing of the Leads pages (no DOM, no API calls: unit-tested). */
import type { Tone } from '../analytics/analytics.js';
import { formatDate } from '../../lib/format.js';

/** Best first. */
export const LEAD_TIERS = ['A', 'B', 'C', 'D'] as const;
export type LeadTier = (typeof LEAD_TIERS)[number];

/** A green → D grey, the badge and chart colours of a tier. */
export const TIER_TONES: Record<LeadTier, Tone> = { A: 'strong', B: 'up', C: 'hot', D: 'flat' };

export function isTier(value: string): value is LeadTier {
  return (LEAD_TIERS as readonly string[]).includes(value);
}

/** The default geography targets' regions; a label's own regions show by their id. */
const REGION_NAMES: Record<string, string> = {
  nz: 'New Zealand',
  au: 'Australia',
  pacific: 'Pacific Islands',
  other: 'Other countries',
  unknown: 'Country unknown',
};

export function regionName(region: string): string {
  return REGION_NAMES[region] ?? region;
}

/** The regions the filter offers before the dashboard's figures name the label's own. */
export const DEFAULT_REGIONS = Object.keys(REGION_NAMES);

const INDEPENDENCE_NAMES: Record<string, string> = {
  self_released: 'Self-released',
  small_distributor: 'Small distributor',
  indie_label: 'Indie label',
  major: 'Major',
  unknown: 'Unknown',
};

export function independenceName(independence: string): string {
  return INDEPENDENCE_NAMES[independence] ?? sentence(independence);
}

export const OUTREACH_STATUSES = [
  { id: 'new', label: 'New' },
  { id: 'contacted', label: 'Contacted' },
  { id: 'responded', label: 'Responded' },
  { id: 'converted', label: 'Converted' },
  { id: 'declined', label: 'Declined' },
] as const;
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number]['id'];

export function outreachName(status: string): string {
  return OUTREACH_STATUSES.find((entry) => entry.id === status)?.label ?? sentence(status);
}

export const YOUTUBE_OPPORTUNITY_KINDS = [
  { id: 'no_presence', label: 'Not on YouTube' },
  { id: 'underperforming', label: 'Underperforming channel' },
  { id: 'inconsistent_uploads', label: 'Inconsistent uploads' },
  { id: 'high_growth_emerging', label: 'Fast-growing emerging channel' },
] as const;

export function opportunityName(kind: string): string {
  return YOUTUBE_OPPORTUNITY_KINDS.find((entry) => entry.id === kind)?.label ?? sentence(kind);
}

const SOURCE_NAMES: Record<string, string> = { musicbrainz: 'MusicBrainz', spotify: 'Spotify', lastfm: 'Last.fm', youtube: 'YouTube' };

export function sourceName(source: string): string {
  return SOURCE_NAMES[source] ?? sentence(source);
}

/** How a source's answer to one analysis reads, and its badge's tone. */
export const SOURCE_OUTCOMES: Record<string, { label: string; tone: Tone }> = {
  answered: { label: 'Answered', tone: 'strong' },
  not_found: { label: 'Not found', tone: 'flat' },
  skipped: { label: 'Skipped', tone: 'flat' },
  failed: { label: 'Failed', tone: 'down' },
};

const SCORING_INPUT_NAMES: Record<string, string> = {
  label: 'Label',
  country: 'Country',
  platforms: 'Platforms',
  release_count: 'Releases',
  has_publisher: 'Publisher',
  latest_release_date: 'Latest release',
  spotify_followers: 'Spotify followers',
  lastfm_listeners: 'Last.fm listeners',
  youtube: 'YouTube',
};

/** A scoring input's name for people: `release_count` → "Releases". */
export function scoringInputName(fact: string): string {
  return SCORING_INPUT_NAMES[fact] ?? fact.replace(/_/g, ' ');
}

const FACTOR_NAMES: Record<string, string> = {
  label_class: 'Label',
  region: 'Region',
  missing_platforms: 'Missing platforms',
  basic_distribution: 'Basic distribution',
  no_publishing: 'No publishing',
  growing_streams: 'Growing streams',
  recent_activity: 'Recent activity',
  youtube: 'YouTube',
};

export function factorName(factor: string): string {
  return FACTOR_NAMES[factor] ?? sentence(factor);
}

const CONTACT_KINDS: Record<string, string> = {
  twitter: 'X (Twitter)',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  soundcloud: 'SoundCloud',
  apple_music: 'Apple Music',
};

/** "instagram" → "Instagram", "apple_music" → "Apple Music". */
export function contactKindName(kind: string): string {
  return CONTACT_KINDS[kind] ?? sentence(kind);
}

/** "self_released" → "Self released": a code the page has no words for yet. */
function sentence(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Points as the breakdown shows them: 40 → "40", 18.824 → "18.8". */
export function formatPoints(points: number): string {
  return String(Number(points.toFixed(1)));
}

/** A release date as MusicBrainz gives it: a whole day reads "17 May 2024"; a year or a month ("2024", "2024-05") as it is. */
export function formatReleaseDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(date) ? formatDate(date) : date;
}

/** A component's share of its maximum, 0–100, for a bar's width. */
export function pointsShare(points: number, max: number): number {
  return max > 0 ? Math.max(0, Math.min(100, (points / max) * 100)) : 0;
}

/**
 * The ISRCs of a pasted list: one per line or separated by commas, semicolons or spaces; each
 * once (case and hyphens aside), in order. The API validates each and names any bad one.
 */
export function splitIsrcList(text: string): { isrcs: string[]; duplicates: number } {
  const isrcs: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const token of text.split(/[\s,;]+/)) {
    if (!token) continue;
    const key = token.toUpperCase().replace(/[-\u2010-\u2015\u2212]/g, '');
    if (seen.has(key)) duplicates += 1;
    else {
      seen.add(key);
      isrcs.push(token);
    }
  }
  return { isrcs, duplicates };
}

export const LEAD_ORDERINGS = ['total_score', 'artist_name', 'scored_at', 'spotify_followers', 'youtube_subscribers'] as const;
export const DEFAULT_ORDERING = '-total_score';
export const YOUTUBE_FILTERS = [
  { id: 'has_channel', label: 'Has a channel' },
  { id: 'no_channel', label: 'No channel' },
] as const;

/** The lead list's filters, sorting and page, as kept in the address. */
export interface LeadListState {
  tiers: LeadTier[];
  region: string;
  /** As typed: "" for none. */
  minScore: string;
  youtube: string;
  outreach: string;
  search: string;
  ordering: string;
  page: number;
}

/** The list's state from the address's query: anything unknown there is left out. */
export function leadListFromQuery(query: URLSearchParams): LeadListState {
  const minScore = query.get('min_score') ?? '';
  const ordering = query.get('ordering') ?? '';
  const orderingOk = (LEAD_ORDERINGS as readonly string[]).includes(ordering.replace(/^-/, ''));
  const youtube = query.get('youtube_filter') ?? '';
  const outreach = query.get('outreach_status') ?? '';
  return {
    tiers: LEAD_TIERS.filter((tier) => (query.get('tier') ?? '').toUpperCase().split(',').includes(tier)),
    region: query.get('region') ?? '',
    minScore: minScore.trim() !== '' && Number(minScore) >= 0 && Number(minScore) <= 100 ? minScore.trim() : '',
    youtube: YOUTUBE_FILTERS.some((entry) => entry.id === youtube) ? youtube : '',
    outreach: OUTREACH_STATUSES.some((entry) => entry.id === outreach) ? outreach : '',
    search: query.get('search') ?? '',
    ordering: orderingOk ? ordering : DEFAULT_ORDERING,
    page: Math.max(1, Math.floor(Number(query.get('page'))) || 1),
  };
}

/** The filters as the API takes them (GET /api/leads, POST /api/leads/export): set ones only. */
export function leadFilters(state: LeadListState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.tiers.length > 0) filters['tier'] = state.tiers.join(',');
  if (state.region) filters['region'] = state.region;
  if (state.minScore) filters['min_score'] = state.minScore;
  if (state.youtube) filters['youtube_filter'] = state.youtube;
  if (state.outreach) filters['outreach_status'] = state.outreach;
  if (state.search.trim()) filters['search'] = state.search.trim();
  return filters;
}

/** The address's query of the list: the filters, then sorting and page when not the defaults. */
export function leadListQuery(state: LeadListState): Record<string, string> {
  return {
    ...leadFilters(state),
    ...(state.ordering !== DEFAULT_ORDERING && { ordering: state.ordering }),
    ...(state.page > 1 && { page: String(state.page) }),
  };
}

/** The tiers with `tier` added or taken out, best first. */
export function toggleTier(tiers: readonly LeadTier[], tier: LeadTier): LeadTier[] {
  return LEAD_TIERS.filter((entry) => (entry === tier ? !tiers.includes(tier) : tiers.includes(entry)));
}

/** Where a contact leads: an email address to mailto:, a web address as it is; anything else is shown as text (null). */
export function contactHref(contact: { kind: string; value: string }): string | null {
  const value = contact.value.trim();
  if (/^mailto:/i.test(value)) return value;
  if (contact.kind === 'email' || /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  return /^https?:\/\/\S+$/i.test(value) ? value : null;
}

/** A bulk analysis's progress (GET /api/jobs/:id of a leads-bulk job). */
export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
  pending: number;
  failures: Array<{ isrc: string; error: string }>;
}

/** The job's states after which it changes no more. */
export function jobSettled(state: string): boolean {
  return state === 'completed' || state === 'failed' || state === 'cancelled';
}

/** How much of a bulk analysis is finished (done or failed), 0–100, whole. */
export function progressPercent(progress: Pick<BulkProgress, 'total' | 'done' | 'failed'>): number {
  return progress.total > 0 ? Math.round(((progress.done + progress.failed) / progress.total) * 100) : 0;
}

/** A share of a whole as a whole percentage, "—" without a whole: 3 of 4 → "75%". */
export function formatShareOf(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

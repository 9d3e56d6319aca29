/**
 * What the lead score is computed from (`LeadFacts`), the shape of a scored component, and the
 * small helpers the scoring functions share. Plain data: the sources (MusicBrainz, Spotify,
 * Last.fm, YouTube) fill `LeadFacts`; nothing here reads a database or the clock.
 *
 * Conventions: `null` or an absent field means "not known" (the source was not asked or did not
 * answer), which is never read as zero or as "missing". Dates are `Date`s or ISO 8601 strings;
 * MusicBrainz's partial dates (`2024`, `2024-05`) are read as the last day of the period.
 */
import { round } from '../../../platform/common/stats.js';

/** The numeric helpers of the fan-analytics algorithms serve here too. */
export { clamp, round } from '../../../platform/common/stats.js';

/** Everything known about one artist and their recording, as plain data. */
export interface LeadFacts {
  /** The artist's name (MusicBrainz artist credit or Spotify artist). */
  artistName?: string | null;
  /**
   * The label(s) of the release(s) found: MusicBrainz label-info names (its special label
   * `[no label]` included) or Spotify's album label. Several labels: the least independent decides.
   */
  label?: string | readonly string[] | null;
  /** The distributor, when a source names one (MusicBrainz "distributed by" relation, or a known distributor in the ℗ line). */
  distributor?: string | null;
  /** The artist's country: ISO 3166-1 alpha-2 (`NZ`) or an ISO 3166-2 subdivision (`NZ-AUK`), from the MusicBrainz area. */
  country?: string | null;
  /**
   * Platforms the artist was found on (contacts and sources): `spotify`, `apple_music`, `youtube`,
   * `instagram`, `tiktok`, `bandcamp`, `soundcloud`, `facebook`, ... (case and spaces/hyphens do not
   * matter: "Apple Music" = `apple_music`). `[]` means "looked, found none"; null means not known.
   */
  platforms?: readonly string[] | null;
  /** A publisher found in MusicBrainz work/recording relations: true, false (looked, none), null (not known). */
  hasPublisher?: boolean | null;
  spotifyFollowers?: number | null;
  /** Spotify followers at the previous snapshot (e.g. the last analysis), for growth. */
  spotifyFollowersPrevious?: number | null;
  /** Spotify artist popularity, 0–100. */
  spotifyPopularity?: number | null;
  spotifyPopularityPrevious?: number | null;
  lastfmListeners?: number | null;
  lastfmListenersPrevious?: number | null;
  /** Date of the artist's latest release. */
  latestReleaseDate?: string | Date | null;
  /** How many releases the artist has (MusicBrainz release groups). */
  releaseCount?: number | null;
  /** What the YouTube search found; null or absent: YouTube was not checked. */
  youtube?: YoutubeFacts | null;
}

/** The YouTube summary of an artist (YouTube Data API: channel search, statistics, recent uploads). */
export interface YoutubeFacts {
  /** false: searched, no channel of the artist found. */
  hasChannel: boolean;
  subscribers?: number | null;
  /** Subscribers at the previous snapshot, for growth. */
  subscribersPrevious?: number | null;
  /** Total channel views. */
  views?: number | null;
  viewsPrevious?: number | null;
  videoCount?: number | null;
  /** Uploads in the 90 days before `now`. */
  recentUploads90d?: number | null;
  lastUploadAt?: string | Date | null;
  /** When the channel was created (its `publishedAt`). */
  channelCreatedAt?: string | Date | null;
}

/** One scored factor of a component, on the component's raw scale. */
export interface ScoreItem {
  factor: string;
  points: number;
  max: number;
  /** The factor in words, e.g. "Not on YouTube despite 12,000 Spotify followers". */
  reason: string;
}

/**
 * A component of the lead score: `raw_points` out of `raw_max` on its own scale (the sum of its
 * items), scaled to `points` out of `max`, its share of the 0–100 total.
 */
export interface ComponentScore {
  points: number;
  max: number;
  raw_points: number;
  raw_max: number;
  items: ScoreItem[];
}

export const DAY_MS = 86_400_000;

/** A known, finite number, or null. */
export function known(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Relative change `(current − previous) / max(previous, 1)`; null unless both are known. */
export function growth(previous: number | null | undefined, current: number | null | undefined): number | null {
  const before = known(previous);
  const after = known(current);
  return before === null || after === null ? null : (after - before) / Math.max(before, 1);
}

/**
 * A fact's date as a `Date` (UTC): a `Date`, or an ISO string: `YYYY`, `YYYY-MM` (MusicBrainz
 * partial dates: the last day of the period), `YYYY-MM-DD` or a full timestamp. Null when absent
 * or unreadable.
 */
export function factDate(value: string | Date | null | undefined): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const partial = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (partial) {
    const year = Number(partial[1]);
    const month = partial[2] === undefined ? 12 : Number(partial[2]);
    if (month < 1 || month > 12) return null;
    return new Date(Date.UTC(year, month, 0)); // day 0 of the next month = the last day of this one
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `YYYY-MM-DD` of a date (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from `date` to `now` (negative when `date` is later). */
export function daysBefore(date: Date, now: Date): number {
  return Math.floor((now.getTime() - date.getTime()) / DAY_MS);
}

/** A count for people: `12,000`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A ratio as a percentage for people: 0.04 → `4 %`, 0.004 → `0.4 %`. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  return `${Math.abs(percent) < 1 && percent !== 0 ? round(percent, 1) : Math.round(percent)} %`;
}

/** The larger known streaming following: Spotify followers or Last.fm listeners, named. */
export function streamingFollowing(facts: Pick<LeadFacts, 'spotifyFollowers' | 'lastfmListeners'>): { count: number; what: string } | null {
  const spotify = known(facts.spotifyFollowers);
  const lastfm = known(facts.lastfmListeners);
  if (spotify === null && lastfm === null) return null;
  if (lastfm === null || (spotify !== null && spotify >= lastfm)) return { count: spotify!, what: 'Spotify followers' };
  return { count: lastfm, what: 'Last.fm listeners' };
}

/**
 * Release score, 0–100: how a catalog song did in its first week, against the catalog at large
 * and against the artist's own earlier releases.
 *
 * First week: from the release date (00:00 UTC) to 7 days later. `plays` are the song_plays and
 * `likes` the song_likes of that window. For a song released less than 7 days ago, what exists
 * is used, and the plays are projected to a full week linearly:
 *
 *   days_observed   = min(7, max(1, days since the release date's midnight))
 *   projected_plays = plays × 7 / days_observed
 *
 * (at least one day, so a release scored on its first morning is not multiplied by 30). Listening
 * is usually front-loaded, so the projection flatters a young release: its score is provisional,
 * and the weekly job scores it again until its first week is over.
 *
 *   score = 100 × (0.5 × P + 0.3 × R + 0.2 × L)
 *
 * - P, plays (log-scaled) = min(1, log10(1 + projected_plays) / 4): 10 plays 0.26, 100 plays
 *   0.50, 1,000 plays 0.75, 10,000 or more 1. Each tenfold audience adds a quarter.
 * - R, relative to the artist = min(1, relative_to_artist / 2), where relative_to_artist =
 *   projected_plays / max(median, 1) and median is the median first-week plays of the artist's
 *   earlier releases (released on an earlier day, first week over); half its usual plays 0.25, par
 *   0.5, twice or more 1. A first release (no earlier one) has relative_to_artist null and
 *   R = 0.5, neither better nor worse than usual. A median of 0 counts as 1.
 * - L, like rate = min(1, (likes / max(plays, 1)) / 0.10): likes per play of the same window
 *   (both observed, so no projection); 10 % or more of plays turning into a like is full marks.
 *
 * Rounding: relative_to_artist to 4 decimals, the score to 1 decimal (computed from unrounded parts).
 *
 * Example: 100 first-week plays, 5 likes, earlier releases' median 50: P = log10(101) / 4 = 0.5011,
 * R = min(1, 2 / 2) = 1, L = 0.05 / 0.1 = 0.5 → 100 × (0.2505 + 0.3 + 0.1) = 65.1.
 */

export const FIRST_WEEK_DAYS = 7;
/** Weight of each part of the score. */
export const RELEASE_SCORE_WEIGHTS = { plays: 0.5, relative: 0.3, like_rate: 0.2 } as const;
/** log10 of the first-week plays that get full marks (10,000). */
export const FULL_MARKS_LOG10_PLAYS = 4;
/** relative_to_artist that gets full marks: twice the artist's usual first week. */
export const FULL_MARKS_RELATIVE = 2;
/** Likes per play that get full marks. */
export const FULL_MARKS_LIKE_RATE = 0.1;
/** R of a first release. */
export const NEUTRAL_RELATIVE = 0.5;

const DAY_MS = 86_400_000;

export interface ReleaseScoreInput {
  /** Plays in the first week so far. */
  plays: number;
  /** Likes in the first week so far. */
  likes: number;
  /** Days of the first week observed (1–7; see firstWeekDaysObserved). */
  daysObserved: number;
  /** Median first-week plays of the artist's earlier releases; null for a first release. */
  artistMedianPlays: number | null;
}

export interface ReleaseScore {
  projected_plays: number;
  relative_to_artist: number | null;
  like_rate: number;
  /** Each part 0–1 before weighting. */
  parts: { plays: number; relative: number; like_rate: number };
  score: number;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** Days of a release's first week that have passed at `now`: between 1 and 7 (fractions kept). */
export function firstWeekDaysObserved(releaseDate: string, now: Date): number {
  const elapsed = (now.getTime() - Date.parse(`${releaseDate}T00:00:00Z`)) / DAY_MS;
  return Math.min(FIRST_WEEK_DAYS, Math.max(1, elapsed));
}

/** Whether a release's first week is over at `now`. */
export function firstWeekOver(releaseDate: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${releaseDate}T00:00:00Z`) + FIRST_WEEK_DAYS * DAY_MS;
}

/** The median of `values`, the mean of the middle two for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The release score of one song (see the module comment). */
export function releaseScore(input: ReleaseScoreInput): ReleaseScore {
  const { plays, likes, daysObserved, artistMedianPlays } = input;
  if (![plays, likes, daysObserved].every(Number.isFinite) || plays < 0 || likes < 0) throw new RangeError('plays and likes must be counts of 0 or more');
  const days = Math.min(FIRST_WEEK_DAYS, Math.max(1, daysObserved));
  const projected = (plays * FIRST_WEEK_DAYS) / days;
  const relative = artistMedianPlays === null ? null : projected / Math.max(artistMedianPlays, 1);
  const likeRate = likes / Math.max(plays, 1);
  const parts = {
    plays: clamp01(Math.log10(1 + projected) / FULL_MARKS_LOG10_PLAYS),
    relative: relative === null ? NEUTRAL_RELATIVE : clamp01(relative / FULL_MARKS_RELATIVE),
    like_rate: clamp01(likeRate / FULL_MARKS_LIKE_RATE),
  };
  const total = RELEASE_SCORE_WEIGHTS.plays * parts.plays + RELEASE_SCORE_WEIGHTS.relative * parts.relative + RELEASE_SCORE_WEIGHTS.like_rate * parts.like_rate;
  return {
    projected_plays: round(projected, 2),
    relative_to_artist: relative === null ? null : round(relative, 4),
    like_rate: round(likeRate, 4),
    parts: { plays: round(parts.plays, 4), relative: round(parts.relative, 4), like_rate: round(parts.like_rate, 4) },
    score: round(100 * total, 1),
  };
}

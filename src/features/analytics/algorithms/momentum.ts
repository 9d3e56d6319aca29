/**
 * Momentum Index, 0–10: how fast an artist's audience is moving right now.
 *
 *   index = 0.35 × velocity + 0.30 × acceleration + 0.20 × consistency + 0.15 × viral_potential
 *
 * each component scored 0–10, linearly between its bounds and clamped (F = followers, n days):
 *
 * - velocity (raw, % per week) = (g_last + g_prev) / 2, the mean weekly follower growth of the
 *   last two weeks, where g_last = 100 × (F[n−1] − F[b]) / max(F[b], 1) is the growth of the last
 *   7 days (b = max(0, n − 8)) and g_prev = 100 × (F[b] − F[a]) / max(F[a], 1) that of the 7 days
 *   before (a = max(0, n − 15)); days before the series start count as no growth. Two weeks
 *   rather than one, so an artist whose breakout is consolidating (a fourfold climb whose last
 *   week is calm) still reads as fast. Bounds −2 % → 0, +8 % → 10: flat scores 2, +2 %/week 4,
 *   losing 2 %/week or more 0, and +8 %/week (a pace that more than doubles the audience in
 *   90 days) or more 10.
 * - acceleration (raw, percentage points) = g_last − g_prev. Bounds −5 pp → 0, +5 pp → 10: an
 *   unchanged pace scores 5.
 * - consistency (raw, share 0–1) = of the window's days that have an earlier day in the series,
 *   the share whose followers are at least those of 7 days before (F[i] ≥ F[max(0, i − 7)]).
 *   Score = 10 × share. A week's lookback rather than day-over-day keeps day-to-day noise of a
 *   growing artist from reading as inconsistency; a flat audience counts as held (10). No such
 *   day (a one-day series): 0.
 * - viral_potential (raw, z-score) = the largest engagement z-score of the window's days, each
 *   against its trailing 14 days as in spike detection (viral-spikes.ts: population std, floored
 *   at max(1, 5 % of the mean), needs 7 days of history); 0 when no day of the window has that
 *   history. Bounds z 2 → 0 (the spike threshold: no spike, no viral potential), z 7 → 10.
 *
 * The window (default 28 days) is the last `windowDays` days of the series; velocity,
 * acceleration and the trailing statistics may look before it. Rounding: raw values to 4
 * decimals, component scores and the index to 2 (the index is computed from unrounded scores);
 * the status is read from the rounded index: declining [0, 3), stable [3, 5), growing [5, 7),
 * rapid_growth [7, 9), viral [9, 10]. An empty series gives index and status null.
 *
 * Edge cases: one day → velocity 0 (2), acceleration 0 (5), consistency 0, viral_potential 0,
 * index 2.2 (declining: no evidence of growth). A flat series → 2, 5, 10, 0: index 4.2 (stable).
 * Zero followers count as one in the growth rates.
 */
import { type DailyTotals, dailyEngagement } from './daily-totals.js';
import { type ComponentSpec, type ScoreComponent, emptyComponents, relativeChange, round, scoreComponents } from '../../../platform/common/stats.js';
import { SPIKE_DEFAULTS, trailingStats } from './viral-spikes.js';

export const MOMENTUM_WINDOW_DAYS = 28;
/** Weight and [low → 0, high → 10] bounds of each component. */
export const MOMENTUM_COMPONENTS = {
  velocity: { weight: 0.35, low: -2, high: 8 },
  acceleration: { weight: 0.3, low: -5, high: 5 },
  consistency: { weight: 0.2, low: 0, high: 1 },
  viral_potential: { weight: 0.15, low: 2, high: 7 },
} as const satisfies Record<string, ComponentSpec>;
/** Days a weekly growth spans, and the lookback of consistency. */
export const WEEK_DAYS = 7;

export type MomentumComponentName = keyof typeof MOMENTUM_COMPONENTS;
export type MomentumStatus = 'declining' | 'stable' | 'growing' | 'rapid_growth' | 'viral';

/** Lowest index of each status, highest first. */
export const MOMENTUM_STATUS_FLOORS: ReadonlyArray<readonly [MomentumStatus, number]> = [
  ['viral', 9],
  ['rapid_growth', 7],
  ['growing', 5],
  ['stable', 3],
  ['declining', Number.NEGATIVE_INFINITY],
];

export interface MomentumOptions {
  /** Days the consistency and viral potential look at; default 28. */
  windowDays?: number;
}

export interface MomentumResult {
  /** 0–10, 2 decimals; null for an empty series. */
  index: number | null;
  status: MomentumStatus | null;
  window_days: number;
  components: Record<MomentumComponentName, ScoreComponent>;
}

/** The status of a momentum index: declining [0,3), stable [3,5), growing [5,7), rapid_growth [7,9), viral [9,10]. */
export function momentumStatus(index: number): MomentumStatus {
  for (const [status, floor] of MOMENTUM_STATUS_FLOORS) if (index >= floor) return status;
  return 'declining';
}

/** Follower growth in % over the 7 days ending at `end`: 100 × (F[end] − F[max(0, end − 7)]) / max(F[max(0, end − 7)], 1). */
export function weeklyGrowthPct(followers: readonly number[], end: number): number {
  return 100 * relativeChange(followers[Math.max(0, end - WEEK_DAYS)]!, followers[end]!);
}

/** The Momentum Index of the series' last day (see the module comment). */
export function momentumIndex(series: readonly DailyTotals[], options: MomentumOptions = {}): MomentumResult {
  const windowDays = options.windowDays ?? MOMENTUM_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive integer; got ${windowDays}`);
  const n = series.length;
  if (n === 0) return { index: null, status: null, window_days: windowDays, components: emptyComponents(MOMENTUM_COMPONENTS) };

  const followers = series.map((day) => day.followers);
  const last = n - 1;
  const growthLast = weeklyGrowthPct(followers, last);
  const growthPrev = weeklyGrowthPct(followers, Math.max(0, last - WEEK_DAYS));
  const velocity = (growthLast + growthPrev) / 2;
  const acceleration = growthLast - growthPrev;

  const windowStart = Math.max(0, n - windowDays);
  let compared = 0;
  let held = 0;
  for (let i = Math.max(1, windowStart); i < n; i++) {
    compared++;
    if (followers[i]! >= followers[Math.max(0, i - WEEK_DAYS)]!) held++;
  }
  const consistency = compared > 0 ? held / compared : 0;

  // Trailing statistics of a day depend only on the 14 days before it, so the tail suffices.
  const tailStart = Math.max(0, windowStart - SPIKE_DEFAULTS.windowDays);
  const stats = trailingStats(series.slice(tailStart).map(dailyEngagement)).slice(windowStart - tailStart);
  let viralPotential: number | null = null;
  for (const day of stats) if (day && (viralPotential === null || day.z > viralPotential)) viralPotential = day.z;
  viralPotential ??= 0;

  const raws: Record<MomentumComponentName, number> = { velocity, acceleration, consistency, viral_potential: viralPotential };
  const { total, components } = scoreComponents(MOMENTUM_COMPONENTS, raws, 10, { raw: 4, score: 2 });
  const index = round(total, 2);
  return { index, status: momentumStatus(index), window_days: windowDays, components };
}

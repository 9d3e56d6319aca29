/**
 * Fan Value Score, 0–100: how valuable an artist's audience is over a window (default the last
 * 30 days of the series).
 *
 *   score = 0.40 × engagement + 0.30 × growth + 0.20 × reach + 0.10 × conversion
 *
 * each component scored 0–100, linearly between its bounds and clamped (F = followers):
 *
 * - engagement (raw: daily engagement per follower) = Σ (likes + comments + shares + saves) /
 *   (max(mean F, 1) × days). Bounds 0 → 0, 0.05 → 100: 0.5–2 % of followers engaging a day is
 *   typical across platforms, 5 % or more is exceptional.
 * - growth (raw: fraction) = (F_last − F_first) / max(F_first, 1) over the window. Bounds
 *   −0.10 → 0, +0.30 → 100: flat scores 25, a steady +1 to +3 %/week (about +4 to +13 % a month)
 *   35–58, losing 10 % a month 0, and +30 % a month or more (a breakout pace) 100. The bounds are
 *   those of the window, whatever its length.
 * - reach (raw: audience = F_last + monthly listeners_last) scored on log10(max(audience, 1))
 *   between 2 (100 people → 0) and 7 (10,000,000 → 100): each tenfold audience adds 20 points,
 *   from a local act to a global star.
 * - conversion (raw: fraction) = Σ (saves + playlist adds) / Σ streams; 0 when nothing was
 *   streamed. Bounds 0 → 0, 0.10 → 100: 2–5 % of streams turning into a save or playlist add is
 *   typical, 10 % is a very strong save rate.
 *
 * Rounding: raw values to 6 decimals, component scores and the score to 1 decimal (the score is
 * computed from unrounded component scores).
 *
 * Edge cases: an empty series gives score null and every component raw/score null (not a fake
 * 0). One day: growth 0 (no earlier day), scoring 25. Zero followers count as one: engagement is
 * then per single follower (so clamps to 100 as soon as there is any) and growth from 0 is
 * measured from 1 (0 → 5 followers is +500 %, 100). `days_with_data` is the number of series days
 * inside the window (fewer than `window_days` for a short series).
 */
import { type DailyTotals, engagementRate } from './daily-totals.js';
import { type ComponentSpec, type ScoreComponent, emptyComponents, relativeChange, round, scoreComponents } from '../../../platform/common/stats.js';

export const FVS_WINDOW_DAYS = 30;
/** Weight and [low → 0, high → 100] bounds of each component (reach: of log10 audience). */
export const FVS_COMPONENTS = {
  engagement: { weight: 0.4, low: 0, high: 0.05 },
  growth: { weight: 0.3, low: -0.1, high: 0.3 },
  reach: { weight: 0.2, low: 2, high: 7, measure: (audience: number) => Math.log10(Math.max(audience, 1)) },
  conversion: { weight: 0.1, low: 0, high: 0.1 },
} as const satisfies Record<string, ComponentSpec>;

export type FvsComponentName = keyof typeof FVS_COMPONENTS;

export interface FanValueScoreOptions {
  /** The last `windowDays` days of the series are scored; default 30. */
  windowDays?: number;
}

export interface FanValueScore {
  /** 0–100, 1 decimal; null for an empty series. */
  score: number | null;
  window_days: number;
  days_with_data: number;
  components: Record<FvsComponentName, ScoreComponent>;
}

/** The Fan Value Score of the last `windowDays` days of `series` (see the module comment). */
export function fanValueScore(series: readonly DailyTotals[], options: FanValueScoreOptions = {}): FanValueScore {
  const windowDays = options.windowDays ?? FVS_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive integer; got ${windowDays}`);
  const window = series.slice(Math.max(0, series.length - windowDays));
  if (window.length === 0) return { score: null, window_days: windowDays, days_with_data: 0, components: emptyComponents(FVS_COMPONENTS) };

  const first = window[0]!;
  const last = window[window.length - 1]!;
  let streams = 0;
  let conversions = 0;
  for (const day of window) {
    streams += day.streams;
    conversions += day.saves + day.playlistAdds;
  }
  const raws: Record<FvsComponentName, number> = {
    engagement: engagementRate(window),
    growth: relativeChange(first.followers, last.followers),
    reach: last.followers + last.monthlyListeners,
    conversion: streams > 0 ? conversions / streams : 0,
  };
  const { total, components } = scoreComponents(FVS_COMPONENTS, raws, 100, { raw: 6, score: 1 });
  return { score: round(total, 1), window_days: windowDays, days_with_data: window.length, components };
}

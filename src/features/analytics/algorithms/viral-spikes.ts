/**
 * Viral spike detection: a day whose value stands far above the days just before it.
 *
 * For day i, the history is the `windowDays` points before it (the day itself excluded; fewer at
 * the start of the series). Once at least `minHistoryDays` points of history exist:
 *
 *   trailing_mean = mean(history)
 *   trailing_std  = max(populationStd(history), 1, 0.05 × |trailing_mean|)     (the std floor)
 *   z_score       = (value − trailing_mean) / trailing_std
 *
 * and the day is a spike when z_score > threshold, i.e. value > trailing_mean + threshold ×
 * trailing_std (strictly). The standard deviation is the population one (divides by n). The floor
 * keeps a flat history (std 0) from turning every tiny wobble into an infinite z-score: with the
 * default threshold 2, a flat history of 100 a day flags a day above 110 (100 + 2 × 5), never
 * a day equal to it. Points are one a day, contiguous and ascending (as the service passes them).
 */
import { type DailyTotals, dailyEngagement } from './daily-totals.js';
import { mean, populationStd, round } from '../../../platform/common/stats.js';

export interface ValuePoint {
  date: string;
  value: number;
}

export interface ViralSpikeOptions {
  /** Days of history before a day that its mean and std are taken over; default 14. */
  windowDays?: number;
  /** A day is a spike above mean + threshold × std; default 2. */
  threshold?: number;
  /** Days of history needed before a day can be judged; default 7. */
  minHistoryDays?: number;
}

export interface ViralSpike {
  date: string;
  value: number;
  /** Mean of the history, rounded to 2 decimals. */
  trailing_mean: number;
  /** The std used (after the floor), rounded to 2 decimals. */
  trailing_std: number;
  /** Rounded to 2 decimals (detection uses the unrounded value). */
  z_score: number;
}

export const SPIKE_DEFAULTS = { windowDays: 14, threshold: 2, minHistoryDays: 7 } as const;
/** The std floor: at least 1 and at least 5 % of the trailing mean. */
export const STD_FLOOR_ABSOLUTE = 1;
export const STD_FLOOR_RELATIVE = 0.05;

export interface TrailingStats {
  mean: number;
  /** After the floor. */
  std: number;
  z: number;
}

/**
 * The trailing statistics of every point (unrounded): null where fewer than `minHistoryDays`
 * points precede it. Shared by spike detection, the momentum index and the breakout features.
 */
export function trailingStats(values: readonly number[], options: Pick<ViralSpikeOptions, 'windowDays' | 'minHistoryDays'> = {}): Array<TrailingStats | null> {
  const windowDays = options.windowDays ?? SPIKE_DEFAULTS.windowDays;
  const minHistoryDays = options.minHistoryDays ?? SPIKE_DEFAULTS.minHistoryDays;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive integer; got ${windowDays}`);
  if (!Number.isInteger(minHistoryDays) || minHistoryDays < 1) throw new RangeError(`minHistoryDays must be a positive integer; got ${minHistoryDays}`);
  return values.map((value, index) => {
    const history = values.slice(Math.max(0, index - windowDays), index);
    if (history.length < minHistoryDays) return null;
    const average = mean(history);
    const std = Math.max(populationStd(history), STD_FLOOR_ABSOLUTE, STD_FLOOR_RELATIVE * Math.abs(average));
    return { mean: average, std, z: (value - average) / std };
  });
}

/** The days of `points` whose value is a spike against their trailing history (see the module comment). */
export function detectViralSpikes(points: readonly ValuePoint[], options: ViralSpikeOptions = {}): ViralSpike[] {
  const threshold = options.threshold ?? SPIKE_DEFAULTS.threshold;
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be a number; got ${threshold}`);
  const stats = trailingStats(
    points.map((point) => point.value),
    options,
  );
  const spikes: ViralSpike[] = [];
  points.forEach((point, index) => {
    const day = stats[index];
    if (!day || !(day.z > threshold)) return;
    spikes.push({ date: point.date, value: point.value, trailing_mean: round(day.mean, 2), trailing_std: round(day.std, 2), z_score: round(day.z, 2) });
  });
  return spikes;
}

/** The per-day engagement series (likes + comments + shares + saves) that spikes are detected on. */
export function engagementPoints(series: readonly DailyTotals[]): ValuePoint[] {
  return series.map((day) => ({ date: day.date, value: dailyEngagement(day) }));
}

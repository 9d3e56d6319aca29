/**
 * Breakout prediction: will an artist's audience (followers) grow by `factor` (default 2×)
 * within `horizonDays` (default 90)?
 *
 * Features at a day (breakoutFeatures), from the 42 days up to it only (the momentum window of
 * 28 days plus the 14 days its trailing statistics look back), so they are the same whether the
 * caller loads 120 days or two years; null before 28 days of history (BREAKOUT_MIN_HISTORY_DAYS):
 *
 *   momentum_index           the Momentum Index (momentum.ts), 0–10
 *   velocity_pct             momentum velocity raw, % per week, clipped to [−50, 100]
 *   acceleration_pp          momentum acceleration raw, percentage points, clipped to [−50, 50]
 *   consistency              momentum consistency raw, share 0–1
 *   max_engagement_z         momentum viral-potential raw (largest engagement z-score of the
 *                            28 days), clipped to [−10, 20]
 *   log10_followers          log10(max(followers, 1)) on the day, 4 decimals
 *   engagement_per_follower  daily engagement per follower over the 28 days (as in the Fan Value
 *                            Score: Σ engagement / (max(mean followers, 1) × days)), 6 decimals
 *
 * The clips keep one extreme day from swamping the hand-set logistic model; trees do not mind.
 *
 * Label (breakoutLabel): 1 when the highest follower count of the `horizonDays` days after the
 * day reaches `factor` × max(followers on the day, 1), else 0; null when those days run past the
 * end of the series.
 *
 * Logistic score (logisticBreakoutScore), with hand-set coefficients written around a reference
 * artist R (steady +2 %/week, 100,000 followers):
 *
 *   logit = −2 + Σ b_i × (x_i − R_i),   probability = 1 / (1 + e^−logit)
 *
 *   feature                  b_i     R_i
 *   momentum_index           0.5     5
 *   velocity_pct             0.35    2
 *   acceleration_pp          0.03    0
 *   consistency              1       1
 *   max_engagement_z         0.1     2
 *   log10_followers          −0.3    5
 *   engagement_per_follower  10      0.02
 *
 * i.e. p = 1 / (1 + e^−(b0 + Σ b_i x_i)) with b0 = −2 − Σ b_i R_i = −5.1. The reference artist
 * scores 1 / (1 + e²) ≈ 0.119; each contribution b_i (x_i − R_i) says how far a feature moves the
 * log-odds from there (the velocity dominates: +8 %/week, a pace that doubles an audience in
 * 90 days, adds 2.1). Labels: high ≥ 0.6, medium ≥ 0.3, low below.
 *
 * Random forest (trainBreakoutForest): src/ml's forest, 50 trees, seed 42, leaves of at least 5
 * samples, balanced class weights (breakouts are rare), grown in this thread (no worker
 * threads); used when hasEnoughLabelledHistory: at least 200 labelled samples and at least 20 of
 * each class.
 */
import { type RandomForestModel, predictProbabilities } from '../../../ml/forest.js';
import { trainRandomForest } from '../../../ml/random-forest.js';
import { type DailyTotals, engagementRate } from './daily-totals.js';
import { MOMENTUM_WINDOW_DAYS, momentumIndex } from './momentum.js';
import { clamp, round } from '../../../platform/common/stats.js';
import { SPIKE_DEFAULTS } from './viral-spikes.js';

export const BREAKOUT_FEATURE_NAMES = [
  'momentum_index',
  'velocity_pct',
  'acceleration_pp',
  'consistency',
  'max_engagement_z',
  'log10_followers',
  'engagement_per_follower',
] as const;
export type BreakoutFeatureName = (typeof BREAKOUT_FEATURE_NAMES)[number];

/** Days of history (up to and including the day) a day needs for features. */
export const BREAKOUT_MIN_HISTORY_DAYS = MOMENTUM_WINDOW_DAYS;
/** Days the features look at: the momentum window plus its trailing statistics' lookback. */
export const BREAKOUT_FEATURE_DAYS = MOMENTUM_WINDOW_DAYS + SPIKE_DEFAULTS.windowDays;
export const BREAKOUT_DEFAULTS = { horizonDays: 90, factor: 2, stepDays: 7 } as const;

/** Coefficient b_i and reference value R_i of each feature; the reference artist's log-odds. */
export const BREAKOUT_LOGISTIC = {
  referenceLogit: -2,
  coefficients: {
    momentum_index: { coefficient: 0.5, reference: 5 },
    velocity_pct: { coefficient: 0.35, reference: 2 },
    acceleration_pp: { coefficient: 0.03, reference: 0 },
    consistency: { coefficient: 1, reference: 1 },
    max_engagement_z: { coefficient: 0.1, reference: 2 },
    log10_followers: { coefficient: -0.3, reference: 5 },
    engagement_per_follower: { coefficient: 10, reference: 0.02 },
  },
} as const satisfies { referenceLogit: number; coefficients: Record<BreakoutFeatureName, { coefficient: number; reference: number }> };

/** The plain-form intercept b0 = referenceLogit − Σ b_i R_i (−5.1). */
export const BREAKOUT_INTERCEPT = BREAKOUT_FEATURE_NAMES.reduce<number>(
  (b0, name) => b0 - BREAKOUT_LOGISTIC.coefficients[name].coefficient * BREAKOUT_LOGISTIC.coefficients[name].reference,
  BREAKOUT_LOGISTIC.referenceLogit,
);

/** high from this probability up. */
export const BREAKOUT_HIGH = 0.6;
/** medium from this probability up (below high). */
export const BREAKOUT_MEDIUM = 0.3;
/** Labelled samples the forest needs, and of each class. */
export const FOREST_MIN_SAMPLES = 200;
export const FOREST_MIN_PER_CLASS = 20;
export const BREAKOUT_FOREST_OPTIONS = { nEstimators: 50, seed: 42, minSamplesLeaf: 5 } as const;

export interface BreakoutLabelOptions {
  /** Days ahead the audience must grow within; default 90. */
  horizonDays?: number;
  /** How many times the audience must grow; default 2. */
  factor?: number;
}

export interface BreakoutTrainingOptions extends BreakoutLabelOptions {
  /** Days between samples of one series; default 7. */
  stepDays?: number;
}

export interface BreakoutTrainingSet {
  /** Rows of BREAKOUT_FEATURE_NAMES values. */
  features: number[][];
  /** 1 = broke out, 0 = did not, one per row. */
  labels: number[];
}

export interface BreakoutContribution {
  feature: BreakoutFeatureName;
  value: number;
  /** b_i × (value − R_i), 4 decimals. */
  contribution: number;
}

export interface LogisticBreakoutScore {
  /** 4 decimals. */
  probability: number;
  contributions: BreakoutContribution[];
}

export type BreakoutLevel = 'high' | 'medium' | 'low';

function checkIndex(series: readonly DailyTotals[], endIndex: number): void {
  if (!Number.isInteger(endIndex) || endIndex < 0 || endIndex >= series.length) {
    throw new RangeError(`endIndex must be an integer in 0..${series.length - 1}; got ${endIndex}`);
  }
}

/** The BREAKOUT_FEATURE_NAMES values on day `endIndex`, from days up to it only; null before 28 days of history. */
export function breakoutFeatures(series: readonly DailyTotals[], endIndex: number): number[] | null {
  checkIndex(series, endIndex);
  if (endIndex + 1 < BREAKOUT_MIN_HISTORY_DAYS) return null;
  const history = series.slice(Math.max(0, endIndex + 1 - BREAKOUT_FEATURE_DAYS), endIndex + 1);
  const { index, components } = momentumIndex(history, { windowDays: MOMENTUM_WINDOW_DAYS });
  return [
    index!,
    clamp(components.velocity.raw!, -50, 100),
    clamp(components.acceleration.raw!, -50, 50),
    components.consistency.raw!,
    clamp(components.viral_potential.raw!, -10, 20),
    round(Math.log10(Math.max(series[endIndex]!.followers, 1)), 4),
    round(engagementRate(history.slice(-MOMENTUM_WINDOW_DAYS)), 6),
  ];
}

/** 1 when the followers reach factor × max(followers on endIndex, 1) within horizonDays after it, else 0; null when the horizon runs past the series. */
export function breakoutLabel(series: readonly DailyTotals[], endIndex: number, options: BreakoutLabelOptions = {}): 0 | 1 | null {
  checkIndex(series, endIndex);
  const horizonDays = options.horizonDays ?? BREAKOUT_DEFAULTS.horizonDays;
  const factor = options.factor ?? BREAKOUT_DEFAULTS.factor;
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError(`horizonDays must be a positive integer; got ${horizonDays}`);
  if (endIndex + horizonDays > series.length - 1) return null;
  const target = factor * Math.max(series[endIndex]!.followers, 1);
  for (let i = endIndex + 1; i <= endIndex + horizonDays; i++) if (series[i]!.followers >= target) return 1;
  return 0;
}

/**
 * Labelled samples of every series: days 27, 27 + stepDays, ... (the first with features) while
 * the label's horizon fits in the series.
 */
export function breakoutTrainingSet(seriesList: ReadonlyArray<readonly DailyTotals[]>, options: BreakoutTrainingOptions = {}): BreakoutTrainingSet {
  const stepDays = options.stepDays ?? BREAKOUT_DEFAULTS.stepDays;
  if (!Number.isInteger(stepDays) || stepDays < 1) throw new RangeError(`stepDays must be a positive integer; got ${stepDays}`);
  const set: BreakoutTrainingSet = { features: [], labels: [] };
  for (const series of seriesList) {
    for (let endIndex = BREAKOUT_MIN_HISTORY_DAYS - 1; endIndex < series.length; endIndex += stepDays) {
      const label = breakoutLabel(series, endIndex, options);
      if (label === null) break;
      set.features.push(breakoutFeatures(series, endIndex)!);
      set.labels.push(label);
    }
  }
  return set;
}

/** The hand-set logistic model's probability and each feature's contribution to its log-odds (see the module comment). */
export function logisticBreakoutScore(features: readonly number[]): LogisticBreakoutScore {
  if (features.length !== BREAKOUT_FEATURE_NAMES.length) throw new RangeError(`expected ${BREAKOUT_FEATURE_NAMES.length} features; got ${features.length}`);
  let logit: number = BREAKOUT_LOGISTIC.referenceLogit;
  const contributions = BREAKOUT_FEATURE_NAMES.map((feature, i) => {
    const { coefficient, reference } = BREAKOUT_LOGISTIC.coefficients[feature];
    const value = features[i]!;
    const contribution = coefficient * (value - reference);
    logit += contribution;
    return { feature, value, contribution: round(contribution, 4) };
  });
  return { probability: round(1 / (1 + Math.exp(-logit)), 4), contributions };
}

/** high (≥ 0.6), medium (≥ 0.3) or low. */
export function breakoutLabelOf(probability: number): BreakoutLevel {
  if (probability >= BREAKOUT_HIGH) return 'high';
  if (probability >= BREAKOUT_MEDIUM) return 'medium';
  return 'low';
}

/**
 * The `n` (default 3) contributions that moved the log-odds most from the reference artist's,
 * either way: largest |contribution| first (ties in feature order), zero contributions left out.
 */
export function topDrivers(contributions: readonly BreakoutContribution[], n = 3): BreakoutContribution[] {
  return contributions
    .map((driver, order) => ({ driver, order }))
    .filter(({ driver }) => driver.contribution !== 0)
    .sort((a, b) => Math.abs(b.driver.contribution) - Math.abs(a.driver.contribution) || a.order - b.order)
    .slice(0, n)
    .map(({ driver }) => driver);
}

/** Whether a training set is enough for the forest: ≥ 200 samples and ≥ 20 of each class. */
export function hasEnoughLabelledHistory(set: BreakoutTrainingSet): boolean {
  const positives = set.labels.filter((label) => label === 1).length;
  const negatives = set.labels.length - positives;
  return set.labels.length >= FOREST_MIN_SAMPLES && positives >= FOREST_MIN_PER_CLASS && negatives >= FOREST_MIN_PER_CLASS;
}

/** A random forest on the training set (50 trees, seed 42, min leaf 5, balanced classes, in this thread); deterministic. */
export async function trainBreakoutForest(set: BreakoutTrainingSet): Promise<RandomForestModel> {
  const rows = set.labels.length;
  if (rows === 0) throw new RangeError('no breakout training samples');
  const x = new Float32Array(rows * BREAKOUT_FEATURE_NAMES.length);
  set.features.forEach((row, index) => x.set(row, index * BREAKOUT_FEATURE_NAMES.length));
  const y = Int32Array.from(set.labels);
  return trainRandomForest(x, y, { classes: [0, 1], ...BREAKOUT_FOREST_OPTIONS, classWeight: 'balanced', workers: 1 });
}

/** The forest's probability of a breakout (class 1) for one feature row, 4 decimals. */
export function forestBreakoutProbability(model: RandomForestModel, features: readonly number[]): number {
  const probabilities = predictProbabilities(model, features, 1);
  const positive = model.classes.indexOf(1);
  return positive < 0 ? 0 : round(probabilities[positive]!, 4);
}

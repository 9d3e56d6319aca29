import { describe, expect, it } from 'vitest';
import {
  BREAKOUT_FEATURE_NAMES,
  BREAKOUT_INTERCEPT,
  type BreakoutContribution,
  breakoutFeatures,
  breakoutLabel,
  breakoutLabelOf,
  breakoutTrainingSet,
  forestBreakoutProbability,
  hasEnoughLabelledHistory,
  logisticBreakoutScore,
  topDrivers,
  trainBreakoutForest,
} from '../../../../src/features/analytics/algorithms/breakout.js';
import { Random } from '../../../../src/ml/random.js';
import { makeSeries, shapeSeries } from './synthetic-series.js';

/** The logistic model's reference artist: momentum 5, +2 %/week, pace unchanged, consistency 1, z 2, 100,000 followers, 2 % engagement. */
const REFERENCE = [5, 2, 0, 1, 2, 5, 0.02];

describe('breakoutFeatures', () => {
  it('needs 28 days of history', () => {
    const days = makeSeries(28, () => ({ followers: 1000 }));
    expect(breakoutFeatures(days, 26)).toBeNull();
    expect(breakoutFeatures(days, 27)).toHaveLength(BREAKOUT_FEATURE_NAMES.length);
  });

  it('computes the momentum-derived features of a flat series by hand', () => {
    // 28 days, 1000 followers, 20 likes a day: momentum 4.2 (flat), velocity 0, acceleration 0,
    // consistency 1, max engagement z 0, log10 1000 = 3, engagement 20 / 1000 = 0.02 per follower a day
    const days = makeSeries(28, () => ({ followers: 1000, likes: 20 }));
    expect(breakoutFeatures(days, 27)).toEqual([4.2, 0, 0, 1, 0, 3, 0.02]);
  });

  it('uses only the 42 days up to the day: neither later days nor older history change them', () => {
    const series = shapeSeries('viral');
    const features = breakoutFeatures(series, 80);
    expect(breakoutFeatures(series.slice(0, 81), 80)).toEqual(features);
    expect(breakoutFeatures(series.slice(39), 41)).toEqual(features);
  });

  it('clips the velocity of a breakout to 100 % per week', () => {
    // followers double every day for the last 10 days: velocity (12,700 % + 12,700 %) / 2 → clipped to 100
    const doubling = makeSeries(40, (i) => ({ followers: i < 30 ? 100 : 100 * 2 ** (i - 29) }));
    expect(breakoutFeatures(doubling, 39)![1]).toBe(100);
  });
});

describe('breakoutLabel', () => {
  // followers 1000 on days 0–49, 2000 from day 50 to 99
  const days = makeSeries(100, (i) => ({ followers: i < 50 ? 1000 : 2000 }));

  it('is 1 when the followers reach factor × the day’s within the horizon', () => {
    // day 0 + 60 days reaches day 50: 2000 ≥ 2 × 1000
    expect(breakoutLabel(days, 0, { horizonDays: 60, factor: 2 })).toBe(1);
  });

  it('is 0 when the growth comes after the horizon or falls short of the factor', () => {
    // days 1–49 stay at 1000; 2000 < 3 × 1000
    expect(breakoutLabel(days, 0, { horizonDays: 49 })).toBe(0);
    expect(breakoutLabel(days, 0, { horizonDays: 60, factor: 3 })).toBe(0);
  });

  it('is null when the horizon runs past the end of the series', () => {
    // 50 + 49 = 99, the last day: labelled; 50 + 50 = 100: past it
    expect(breakoutLabel(days, 50, { horizonDays: 49 })).toBe(0);
    expect(breakoutLabel(days, 50, { horizonDays: 50 })).toBeNull();
    // the default horizon of 90 days: 9 + 90 = 99 fits, 10 + 90 = 100 does not
    expect(breakoutLabel(days, 9)).toBe(1);
    expect(breakoutLabel(days, 10)).toBeNull();
  });

  it('counts zero followers on the day as one', () => {
    // 0 followers, then 2: 2 ≥ 2 × max(0, 1)
    expect(
      breakoutLabel(
        makeSeries(3, (i) => ({ followers: i === 0 ? 0 : 2 })),
        0,
        { horizonDays: 2 },
      ),
    ).toBe(1);
  });
});

describe('breakoutTrainingSet', () => {
  it('samples every stepDays from day 27 while the horizon fits, labelling each', () => {
    // 150 days, followers 1000 until day 129, 2000 from day 130; horizon 90, step 7:
    // samples at days 27, 34, 41, 48, 55 (55 + 90 = 145 ≤ 149; 62 + 90 = 152 > 149);
    // the doubling on day 130 is within 90 days of day e when e ≥ 40 → labels 0, 0, 1, 1, 1
    const series = makeSeries(150, (i) => ({ followers: i < 130 ? 1000 : 2000, likes: 10 }));
    const set = breakoutTrainingSet([series, makeSeries(100, () => ({ followers: 5 }))], { horizonDays: 90, factor: 2, stepDays: 7 });
    expect(set.labels).toEqual([0, 0, 1, 1, 1]);
    expect(set.features).toEqual([27, 34, 41, 48, 55].map((day) => breakoutFeatures(series, day)));
  });
});

describe('logisticBreakoutScore', () => {
  it('gives the reference artist 1 / (1 + e²) with no contributions', () => {
    // logit = −2 + Σ b_i × 0 = −2 → 1 / (1 + 7.389056) = 0.119203 → 0.1192
    const score = logisticBreakoutScore(REFERENCE);
    expect(score.probability).toBe(0.1192);
    expect(score.contributions.map((c) => c.contribution)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('adds each b_i × (x_i − R_i) to the log-odds (hand-computed flat artist)', () => {
    // the flat series' features [4.2, 0, 0, 1, 0, 3, 0.02]:
    // momentum 0.5 × (4.2 − 5) = −0.4; velocity 0.35 × (0 − 2) = −0.7; acceleration 0; consistency 0;
    // z 0.1 × (0 − 2) = −0.2; log10 followers −0.3 × (3 − 5) = +0.6; engagement 0
    // logit = −2 − 0.4 − 0.7 − 0.2 + 0.6 = −2.7 → 1 / (1 + e^2.7) = 1 / 15.8797 = 0.062974 → 0.063
    const score = logisticBreakoutScore([4.2, 0, 0, 1, 0, 3, 0.02]);
    expect(score.probability).toBe(0.063);
    expect(score.contributions).toEqual([
      { feature: 'momentum_index', value: 4.2, contribution: -0.4 },
      { feature: 'velocity_pct', value: 0, contribution: -0.7 },
      { feature: 'acceleration_pp', value: 0, contribution: 0 },
      { feature: 'consistency', value: 1, contribution: 0 },
      { feature: 'max_engagement_z', value: 0, contribution: -0.2 },
      { feature: 'log10_followers', value: 3, contribution: 0.6 },
      { feature: 'engagement_per_follower', value: 0.02, contribution: 0 },
    ]);
  });

  it('is the plain logistic form with intercept b0 = −2 − Σ b_i R_i = −5.1', () => {
    // Σ b_i R_i = 2.5 + 0.7 + 0 + 1 + 0.2 − 1.5 + 0.2 = 3.1
    expect(BREAKOUT_INTERCEPT).toBeCloseTo(-5.1, 12);
  });

  it('gives a viral artist with strong momentum at least 0.8 and steady, plateau and declining artists low', () => {
    const probability = (shape: Parameters<typeof shapeSeries>[0]) => {
      const series = shapeSeries(shape);
      return logisticBreakoutScore(breakoutFeatures(series, series.length - 1)!).probability;
    };
    expect(probability('viral')).toBeGreaterThanOrEqual(0.8);
    for (const shape of ['steady', 'plateau', 'declining'] as const) expect(breakoutLabelOf(probability(shape))).toBe('low');
  });

  it('rejects a feature row of the wrong length', () => {
    expect(() => logisticBreakoutScore([1, 2])).toThrow(RangeError);
  });
});

describe('breakoutLabelOf', () => {
  it('is high from 0.6, medium from 0.3, low below', () => {
    expect([1, 0.6, 0.5999, 0.3, 0.2999, 0].map(breakoutLabelOf)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });
});

describe('topDrivers', () => {
  it('gives the largest contributions either way, leaving out zeros', () => {
    const contributions: BreakoutContribution[] = [
      { feature: 'momentum_index', value: 4.2, contribution: -0.4 },
      { feature: 'velocity_pct', value: 0, contribution: -0.7 },
      { feature: 'acceleration_pp', value: 0, contribution: 0 },
      { feature: 'log10_followers', value: 3, contribution: 0.6 },
    ];
    expect(topDrivers(contributions, 2).map((d) => d.feature)).toEqual(['velocity_pct', 'log10_followers']);
    expect(topDrivers(contributions).map((d) => d.feature)).toEqual(['velocity_pct', 'log10_followers', 'momentum_index']);
    expect(topDrivers(contributions, 10)).toHaveLength(3);
  });
});

describe('hasEnoughLabelledHistory', () => {
  const set = (positives: number, negatives: number) => ({
    features: [],
    labels: [...Array<number>(positives).fill(1), ...Array<number>(negatives).fill(0)],
  });

  it('needs at least 200 samples and 20 of each class', () => {
    expect(hasEnoughLabelledHistory(set(20, 180))).toBe(true);
    expect(hasEnoughLabelledHistory(set(20, 179))).toBe(false);
    expect(hasEnoughLabelledHistory(set(19, 300))).toBe(false);
    expect(hasEnoughLabelledHistory(set(300, 19))).toBe(false);
  });
});

describe('trainBreakoutForest', () => {
  it('predicts a clearly positive sample higher than a clearly negative one', async () => {
    // 120 rows: breakouts have high momentum, velocity and z; the others low; with noise
    const random = new Random(3);
    const jitter = (value: number) => value * (0.8 + 0.4 * random.next());
    const features: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 120; i++) {
      const positive = i % 4 === 0;
      features.push(
        positive
          ? [jitter(8), jitter(25), jitter(5), 1, jitter(12), jitter(4), jitter(0.05)]
          : [jitter(4), jitter(1.5), jitter(0.5), 0.8, jitter(1), jitter(5), jitter(0.03)],
      );
      labels.push(positive ? 1 : 0);
    }
    const model = await trainBreakoutForest({ features, labels });
    expect(model.trees).toHaveLength(50);
    const high = forestBreakoutProbability(model, [8.5, 30, 6, 1, 15, 4, 0.06]);
    const low = forestBreakoutProbability(model, [3.5, 1, 0, 0.7, 0.5, 5.2, 0.02]);
    expect(high).toBeGreaterThan(low);
    expect(high).toBeGreaterThan(0.5);
  });
});

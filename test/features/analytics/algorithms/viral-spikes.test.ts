import { describe, expect, it } from 'vitest';
import { detectViralSpikes, engagementPoints, trailingStats } from '../../../../src/features/analytics/algorithms/viral-spikes.js';
import { makeSeries } from './synthetic-series.js';

/** Points on consecutive days from 2026-01-01. */
const points = (values: number[]) => values.map((value, index) => ({ date: `2026-01-${String(index + 1).padStart(2, '0')}`, value }));
const flat = (value: number, days: number) => Array.from({ length: days }, () => value);

describe('detectViralSpikes', () => {
  it('finds nothing in no data', () => {
    expect(detectViralSpikes([])).toEqual([]);
  });

  it('never flags a flat series on itself', () => {
    expect(detectViralSpikes(points(flat(100, 30)))).toEqual([]);
  });

  it('flags a jump above a flat history, with the std floored at 5 % of the mean', () => {
    // history 7 × 100: mean 100, std 0 → floor max(1, 0.05 × 100) = 5; z = (111 − 100) / 5 = 2.2 > 2
    expect(detectViralSpikes(points([...flat(100, 7), 111]))).toEqual([{ date: '2026-01-08', value: 111, trailing_mean: 100, trailing_std: 5, z_score: 2.2 }]);
  });

  it('does not flag a day exactly at mean + threshold × std (strictly above only)', () => {
    // z = (110 − 100) / 5 = 2, not > 2
    expect(detectViralSpikes(points([...flat(100, 7), 110]))).toEqual([]);
  });

  it('floors the std at 1 for small counts', () => {
    // history 7 × 10: std 0, 5 % of 10 = 0.5 → floor 1; z = (13 − 10) / 1 = 3
    expect(detectViralSpikes(points([...flat(10, 7), 13]))).toEqual([{ date: '2026-01-08', value: 13, trailing_mean: 10, trailing_std: 1, z_score: 3 }]);
  });

  it('uses the population std of a varied history', () => {
    // history 10,20 × 4: mean 15, every deviation 5 → population std 5 (above the floor 1);
    // 26: z = (26 − 15) / 5 = 2.2 → spike; 25: z = 2 → not
    const history = [10, 20, 10, 20, 10, 20, 10, 20];
    expect(detectViralSpikes(points([...history, 26]))).toEqual([{ date: '2026-01-09', value: 26, trailing_mean: 15, trailing_std: 5, z_score: 2.2 }]);
    expect(detectViralSpikes(points([...history, 25]))).toEqual([]);
  });

  it('does not judge a day with fewer than minHistoryDays days before it', () => {
    // the jump on the 7th day has 6 days of history (< 7)
    expect(detectViralSpikes(points([...flat(100, 6), 500]))).toEqual([]);
    expect(detectViralSpikes(points([...flat(100, 6), 500]), { minHistoryDays: 6 })).toHaveLength(1);
  });

  it('looks back windowDays days only', () => {
    // 1000, then 14 × 100, then 111. windowDays 14: the 1000 is out of the history → z 2.2, spike.
    // windowDays 15: mean (1000 + 1400) / 15 = 160, the std ≈ 217 → z < 0, no spike.
    const values = [1000, ...flat(100, 14), 111];
    expect(detectViralSpikes(points(values)).map((spike) => spike.value)).toEqual([111]);
    expect(detectViralSpikes(points(values), { windowDays: 15 })).toEqual([]);
  });

  it('takes the threshold option', () => {
    // z 2.2 is not above 3
    expect(detectViralSpikes(points([...flat(100, 7), 111]), { threshold: 3 })).toEqual([]);
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => detectViralSpikes(points([1]), { windowDays: 0 })).toThrow(RangeError);
  });
});

describe('trailingStats', () => {
  it('is null until minHistoryDays days of history exist, and excludes the day itself', () => {
    const stats = trailingStats([...flat(100, 7), 111]);
    expect(stats.slice(0, 7)).toEqual(flat(0, 7).map(() => null));
    // the 111 is not in its own history: mean 100, not (700 + 111) / 8
    expect(stats[7]).toEqual({ mean: 100, std: 5, z: 2.2 });
  });
});

describe('engagementPoints', () => {
  it('gives each day likes + comments + shares + saves', () => {
    const series = makeSeries(2, (i) => ({ likes: 10 * (i + 1), comments: 1, shares: 2, saves: 3, streams: 999, views: 999 }));
    // day 1: 10 + 1 + 2 + 3 = 16; day 2: 20 + 1 + 2 + 3 = 26
    expect(engagementPoints(series)).toEqual([
      { date: '2026-01-01', value: 16 },
      { date: '2026-01-02', value: 26 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { dailyEngagement, engagementRate } from '../../../../src/features/analytics/algorithms/daily-totals.js';
import { clamp, linearScore, mean, populationStd, relativeChange, round } from '../../../../src/features/analytics/algorithms/stats.js';
import { makeSeries } from './synthetic-series.js';

describe('stats helpers', () => {
  it('mean of no values is 0', () => {
    expect(mean([])).toBe(0);
  });

  it('mean averages the values', () => {
    // (1 + 2 + 3 + 6) / 4 = 3
    expect(mean([1, 2, 3, 6])).toBe(3);
  });

  it('populationStd divides by n, not n − 1', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 8 = 4; √4 = 2 (n − 1 would give 2.14)
    expect(populationStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('populationStd of no values or one value is 0', () => {
    expect(populationStd([])).toBe(0);
    expect(populationStd([7])).toBe(0);
  });

  it('clamp limits a value to its bounds', () => {
    expect([clamp(-1, 0, 10), clamp(5, 0, 10), clamp(11, 0, 10)]).toEqual([0, 5, 10]);
  });

  it('linearScore maps low → 0 and high → scale, linear between, clamped outside', () => {
    // (5 − 0) / (10 − 0) × 100 = 50; −5 and 15 fall outside and clamp
    expect([linearScore(-5, 0, 10, 100), linearScore(5, 0, 10, 100), linearScore(15, 0, 10, 100)]).toEqual([0, 50, 100]);
    // negative lower bound: (0 − (−2)) / (8 − (−2)) × 10 = 2
    expect(linearScore(0, -2, 8, 10)).toBe(2);
  });

  it('relativeChange counts a zero start as one', () => {
    // (110 − 100) / 100 = 0.1; (5 − 0) / max(0, 1) = 5
    expect(relativeChange(100, 110)).toBeCloseTo(0.1, 12);
    expect(relativeChange(0, 5)).toBe(5);
    expect(relativeChange(0, 0)).toBe(0);
  });

  it('round rounds half away from zero and never returns −0', () => {
    expect(round(2.345, 2)).toBe(2.35);
    expect(round(-2.345, 2)).toBe(-2.35);
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
  });
});

describe('daily totals', () => {
  it('engagement of a day is likes + comments + shares + saves (not streams, views or playlist adds)', () => {
    const [day] = makeSeries(1, () => ({ likes: 1, comments: 2, shares: 3, saves: 4, streams: 100, views: 100, playlistAdds: 100 }));
    // 1 + 2 + 3 + 4 = 10
    expect(dailyEngagement(day!)).toBe(10);
  });

  it('engagementRate is total engagement per mean follower per day', () => {
    // followers 900, 1000, 1100 → mean 1000; engagement 10 + 20 + 30 = 60; 60 / (1000 × 3) = 0.02
    const days = makeSeries(3, (i) => ({ followers: 900 + 100 * i, likes: 10 * (i + 1) }));
    expect(engagementRate(days)).toBeCloseTo(0.02, 12);
  });

  it('engagementRate counts zero followers as one, and no days as 0', () => {
    // 2 days of 3 likes, no followers: 6 / (max(0, 1) × 2) = 3
    expect(engagementRate(makeSeries(2, () => ({ likes: 3 })))).toBe(3);
    expect(engagementRate([])).toBe(0);
  });
});

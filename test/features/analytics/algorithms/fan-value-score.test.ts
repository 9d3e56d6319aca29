import { describe, expect, it } from 'vitest';
import { fanValueScore } from '../../../../src/features/analytics/algorithms/fan-value-score.js';
import { makeSeries } from './synthetic-series.js';

describe('fanValueScore', () => {
  it('weights engagement 40 %, growth 30 %, reach 20 %, conversion 10 % (a hand-computed window)', () => {
    // followers 1000, 1100, 1200 (mean 1100); 22 likes a day; 1000 streams, 50 playlist adds
    const days = makeSeries(3, (i) => ({
      followers: 1000 + 100 * i,
      monthlyListeners: i === 2 ? 8800 : 5000,
      likes: 22,
      streams: i === 0 ? 1000 : 0,
      playlistAdds: i === 2 ? 50 : 0,
    }));
    // engagement = 66 / (1100 × 3) = 0.02 → 0.02 / 0.05 × 100 = 40
    // growth = (1200 − 1000) / 1000 = 0.2 → (0.2 + 0.1) / 0.4 × 100 = 75
    // reach = 1200 + 8800 = 10,000 → log10 = 4 → (4 − 2) / 5 × 100 = 40
    // conversion = 50 / 1000 = 0.05 → 0.05 / 0.1 × 100 = 50
    // score = 0.4 × 40 + 0.3 × 75 + 0.2 × 40 + 0.1 × 50 = 16 + 22.5 + 8 + 5 = 51.5
    expect(fanValueScore(days)).toEqual({
      score: 51.5,
      window_days: 30,
      days_with_data: 3,
      components: {
        engagement: { raw: 0.02, score: 40, weight: 0.4 },
        growth: { raw: 0.2, score: 75, weight: 0.3 },
        reach: { raw: 10_000, score: 40, weight: 0.2 },
        conversion: { raw: 0.05, score: 50, weight: 0.1 },
      },
    });
  });

  it('scores only the last windowDays days', () => {
    // 5 days whose first two (followers 1) would change growth and engagement; window 3 leaves days 3–5:
    // followers 1000, 1100, 1200 and 22 likes a day → engagement 0.02 and growth 0.2 as above
    const days = makeSeries(5, (i) => (i < 2 ? { followers: 1, likes: 500 } : { followers: 1000 + 100 * (i - 2), likes: 22 }));
    const fvs = fanValueScore(days, { windowDays: 3 });
    expect([fvs.window_days, fvs.days_with_data, fvs.components.engagement.raw, fvs.components.growth.raw]).toEqual([3, 3, 0.02, 0.2]);
  });

  it('gives a null score and null components for no data, not a fake 0', () => {
    expect(fanValueScore([])).toEqual({
      score: null,
      window_days: 30,
      days_with_data: 0,
      components: {
        engagement: { raw: null, score: null, weight: 0.4 },
        growth: { raw: null, score: null, weight: 0.3 },
        reach: { raw: null, score: null, weight: 0.2 },
        conversion: { raw: null, score: null, weight: 0.1 },
      },
    });
  });

  it('scores one day with growth 0 (no earlier day)', () => {
    const day = makeSeries(1, () => ({ followers: 1000, monthlyListeners: 9000, likes: 20, streams: 200, playlistAdds: 10 }));
    // engagement 20 / (1000 × 1) = 0.02 → 40; growth 0 → (0 + 0.1) / 0.4 × 100 = 25;
    // reach 10,000 → 40; conversion 10 / 200 = 0.05 → 50
    // score = 16 + 7.5 + 8 + 5 = 36.5
    const fvs = fanValueScore(day);
    expect([fvs.score, fvs.components.growth.raw, fvs.components.growth.score]).toEqual([36.5, 0, 25]);
  });

  it('scores a flat series without activity from growth and reach only', () => {
    const days = makeSeries(30, () => ({ followers: 1000 }));
    // engagement 0 → 0; growth 0 → 25; reach 1000 → log10 3 → (3 − 2) / 5 × 100 = 20;
    // conversion: nothing streamed → 0. score = 0.3 × 25 + 0.2 × 20 = 7.5 + 4 = 11.5
    const fvs = fanValueScore(days);
    expect([fvs.score, fvs.components.conversion.raw, fvs.components.reach.score]).toEqual([11.5, 0, 20]);
  });

  it('counts zero followers as one follower', () => {
    const days = makeSeries(2, () => ({ likes: 1 }));
    // engagement 2 / (max(0, 1) × 2) = 1 → clamps to 100; growth (0 − 0) / max(0, 1) = 0 → 25;
    // reach max(0, 1) → log10 0 → 0; conversion 0. score = 40 + 7.5 = 47.5
    const fvs = fanValueScore(days);
    expect([fvs.score, fvs.components.engagement.raw, fvs.components.growth.raw, fvs.components.reach.score]).toEqual([47.5, 1, 0, 0]);
  });

  it('measures growth from zero followers as growth from one', () => {
    const days = makeSeries(2, (i) => ({ followers: 5 * i }));
    // (5 − 0) / max(0, 1) = 5 → far above 0.3 → 100
    const { growth } = fanValueScore(days).components;
    expect([growth.raw, growth.score]).toEqual([5, 100]);
  });

  it('clamps each component to 0–100', () => {
    // followers 1000 → 800: growth −0.2 < −0.1 → 0; audience 10^8 > 10^7 → 100
    const days = makeSeries(2, (i) => ({ followers: 1000 - 200 * i, monthlyListeners: 100_000_000 - 800 }));
    const { growth, reach } = fanValueScore(days).components;
    expect([growth.raw, growth.score, reach.raw, reach.score]).toEqual([-0.2, 0, 100_000_000, 100]);
  });

  it('rounds the score and component scores to 1 decimal and raw values to 6', () => {
    const days = makeSeries(1, () => ({ followers: 3000, likes: 100 }));
    // engagement 100 / 3000 = 0.0333… → raw 0.033333, score 66.666… → 66.7;
    // growth 25; reach log10 3000 = 3.4771 → 29.54… → 29.5; score = 26.666… + 7.5 + 5.908… = 40.07… → 40.1
    const fvs = fanValueScore(days);
    expect([fvs.components.engagement.raw, fvs.components.engagement.score, fvs.components.reach.score, fvs.score]).toEqual([0.033333, 66.7, 29.5, 40.1]);
  });
});

import { describe, expect, it } from 'vitest';
import { momentumIndex, momentumStatus } from '../../../../src/features/analytics/algorithms/momentum.js';
import { makeSeries, shapeSeries } from './synthetic-series.js';

describe('momentumIndex', () => {
  it('weights velocity 35 %, acceleration 30 %, consistency 20 %, viral potential 15 % (a hand-computed series)', () => {
    // 15 days: followers 1000 for days 0–13, 1060 on day 14; engagement 100 likes a day.
    const days = makeSeries(15, (i) => ({ followers: i === 14 ? 1060 : 1000, likes: 100 }));
    // g_last = F[7] → F[14] = (1060 − 1000) / 1000 = +6 %; g_prev = F[0] → F[7] = 0 %
    // velocity = (6 + 0) / 2 = 3 %/week → (3 + 2) / 10 × 10 = 5
    // acceleration = 6 − 0 = 6 pp → above +5 → 10
    // consistency: days 1–14 all ≥ their level 7 days before → 14/14 = 1 → 10
    // viral potential: flat engagement → every z = 0 → (0 − 2) / 5 → clamps to 0
    // index = 0.35 × 5 + 0.3 × 10 + 0.2 × 10 + 0.15 × 0 = 1.75 + 3 + 2 = 6.75 → growing
    expect(momentumIndex(days)).toEqual({
      index: 6.75,
      status: 'growing',
      window_days: 28,
      components: {
        velocity: { raw: 3, score: 5, weight: 0.35 },
        acceleration: { raw: 6, score: 10, weight: 0.3 },
        consistency: { raw: 1, score: 10, weight: 0.2 },
        viral_potential: { raw: 0, score: 0, weight: 0.15 },
      },
    });
  });

  it('reads a slowing pace as negative acceleration', () => {
    // followers 1000 on days 0–6, 1100 on days 7–14: g_prev = +10 %, g_last = 0 %
    // velocity 5 %/week → (5 + 2) / 10 × 10 = 7; acceleration −10 pp → 0; consistency 14/14 → 10; viral 0
    // index = 0.35 × 7 + 0 + 2 + 0 = 4.45 → stable
    const m = momentumIndex(makeSeries(15, (i) => ({ followers: i < 7 ? 1000 : 1100 })));
    expect([m.components.velocity.raw, m.components.acceleration.raw, m.index, m.status]).toEqual([5, -10, 4.45, 'stable']);
  });

  it('measures consistency as the share of window days at or above their level 7 days before', () => {
    // followers 100 on days 0–7, 90 on days 8–9. Days 1–7 compare with day 0 (100 ≥ 100: held);
    // day 8: 90 < F[1] = 100; day 9: 90 < F[2] = 100 → 7/9 = 0.7778
    const days = makeSeries(10, (i) => ({ followers: i < 8 ? 100 : 90 }));
    expect(momentumIndex(days).components.consistency).toEqual({ raw: 0.7778, score: 7.78, weight: 0.2 });
    // a 2-day window holds days 8 and 9 only: 0/2
    expect(momentumIndex(days, { windowDays: 2 }).components.consistency.raw).toBe(0);
  });

  it('scores viral potential from the largest engagement z-score in the window', () => {
    // 20 days of 100 likes, then 140: history std 0 → floor 5; z = 40 / 5 = 8 → above 7 → 10
    const spike = makeSeries(21, (i) => ({ followers: 1000, likes: i === 20 ? 140 : 100 }));
    expect(momentumIndex(spike).components.viral_potential).toEqual({ raw: 8, score: 10, weight: 0.15 });
    // 120 instead: z = 20 / 5 = 4 → (4 − 2) / (7 − 2) × 10 = 4
    const bump = makeSeries(21, (i) => ({ followers: 1000, likes: i === 20 ? 120 : 100 }));
    expect(momentumIndex(bump).components.viral_potential).toEqual({ raw: 4, score: 4, weight: 0.15 });
  });

  it('gives null index and status for no data', () => {
    expect(momentumIndex([])).toEqual({
      index: null,
      status: null,
      window_days: 28,
      components: {
        velocity: { raw: null, score: null, weight: 0.35 },
        acceleration: { raw: null, score: null, weight: 0.3 },
        consistency: { raw: null, score: null, weight: 0.2 },
        viral_potential: { raw: null, score: null, weight: 0.15 },
      },
    });
  });

  it('scores one day as declining for lack of evidence of growth', () => {
    // velocity 0 → 2, acceleration 0 → 5, consistency (no earlier day) 0, viral (no history) 0
    // index = 0.35 × 2 + 0.3 × 5 = 0.7 + 1.5 = 2.2
    const m = momentumIndex(makeSeries(1, () => ({ followers: 1000, likes: 50 })));
    expect([m.index, m.status, m.components.consistency.raw, m.components.viral_potential.raw]).toEqual([2.2, 'declining', 0, 0]);
  });

  it('scores a flat series as stable', () => {
    // velocity 0 → 2, acceleration 0 → 5, consistency 1 (flat counts as held) → 10, viral 0
    // index = 0.7 + 1.5 + 2 = 4.2
    const m = momentumIndex(makeSeries(60, () => ({ followers: 5000, likes: 100 })));
    expect([m.index, m.status]).toEqual([4.2, 'stable']);
  });

  it('counts zero followers as one in the growth rates', () => {
    // followers 0 on days 0–6, 3 on day 7: g_last = (3 − 0) / max(0, 1) = +300 %, g_prev = 0
    // velocity 150 → 10; acceleration 300 → 10; consistency 7/7 → 10; viral 0
    // index = 3.5 + 3 + 2 = 8.5
    const m = momentumIndex(makeSeries(8, (i) => ({ followers: i === 7 ? 3 : 0 })));
    expect([m.components.velocity.raw, m.components.acceleration.raw, m.index]).toEqual([150, 300, 8.5]);
  });

  it('ranks a viral breakout above steady, plateau and declining artists; declining is declining and a plateau at most stable', () => {
    const index = (shape: Parameters<typeof shapeSeries>[0]) => momentumIndex(shapeSeries(shape));
    const [viral, steady, plateau, declining] = [index('viral'), index('steady'), index('plateau'), index('declining')];
    expect(viral.index!).toBeGreaterThan(Math.max(steady.index!, plateau.index!, declining.index!));
    expect(declining.index!).toBeLessThan(3);
    expect(declining.status).toBe('declining');
    expect(plateau.index!).toBeLessThan(5);
    expect(['declining', 'stable']).toContain(plateau.status);
  });
});

describe('momentumStatus', () => {
  it('maps the index onto declining [0,3), stable [3,5), growing [5,7), rapid_growth [7,9), viral [9,10]', () => {
    const cases: Array<[number, string]> = [
      [0, 'declining'],
      [2.99, 'declining'],
      [3, 'stable'],
      [4.99, 'stable'],
      [5, 'growing'],
      [6.99, 'growing'],
      [7, 'rapid_growth'],
      [8.99, 'rapid_growth'],
      [9, 'viral'],
      [10, 'viral'],
    ];
    expect(cases.map(([index]) => [index, momentumStatus(index)])).toEqual(cases);
  });
});

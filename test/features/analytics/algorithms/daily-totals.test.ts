import { describe, expect, it } from 'vitest';
import { dailyEngagement, engagementRate } from '../../../../src/features/analytics/algorithms/daily-totals.js';
import { makeSeries } from './synthetic-series.js';

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

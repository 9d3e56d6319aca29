import { describe, expect, it } from 'vitest';
import { firstWeekDaysObserved, firstWeekOver, median, releaseScore } from '../../../../src/features/analytics/releases/release-score.js';

describe('releaseScore', () => {
  it('matches the documented example', () => {
    // P = log10(101)/4 = 0.50108, R = min(1, (100/50)/2) = 1, L = (5/100)/0.1 = 0.5
    // 100 × (0.5 × 0.50108 + 0.3 × 1 + 0.2 × 0.5) = 65.054
    expect(releaseScore({ plays: 100, likes: 5, daysObserved: 7, artistMedianPlays: 50 })).toEqual({
      projected_plays: 100,
      relative_to_artist: 2,
      like_rate: 0.05,
      parts: { plays: 0.5011, relative: 1, like_rate: 0.5 },
      score: 65.1,
    });
  });

  it('gives a first release the neutral relative part', () => {
    // P = log10(1000)/4 = 0.75, R = 0.5, L = min(1, 0.2/0.1) = 1 → 100 × (0.375 + 0.15 + 0.2) = 72.5
    expect(releaseScore({ plays: 999, likes: 200, daysObserved: 7, artistMedianPlays: null })).toMatchObject({ relative_to_artist: null, score: 72.5 });
  });

  it('projects a young release to a full week', () => {
    // 30 plays in 3 days → 70 projected; P = log10(71)/4 = 0.46282; relative 70/140 = 0.5 → R = 0.25; L = (3/30)/0.1 = 1
    // 100 × (0.23141 + 0.075 + 0.2) = 50.641
    expect(releaseScore({ plays: 30, likes: 3, daysObserved: 3, artistMedianPlays: 140 })).toMatchObject({
      projected_plays: 70,
      relative_to_artist: 0.5,
      like_rate: 0.1,
      score: 50.6,
    });
  });

  it('scores nothing as 0 plus the neutral part, and caps every part', () => {
    expect(releaseScore({ plays: 0, likes: 0, daysObserved: 7, artistMedianPlays: null }).score).toBe(15);
    expect(releaseScore({ plays: 0, likes: 0, daysObserved: 7, artistMedianPlays: 0 })).toMatchObject({ relative_to_artist: 0, score: 0 });
    expect(releaseScore({ plays: 1_000_000, likes: 1_000_000, daysObserved: 7, artistMedianPlays: 10 }).score).toBe(100);
    // A median of 0 counts as 1: 8 plays are 8 times par.
    expect(releaseScore({ plays: 8, likes: 0, daysObserved: 7, artistMedianPlays: 0 }).relative_to_artist).toBe(8);
    expect(() => releaseScore({ plays: -1, likes: 0, daysObserved: 7, artistMedianPlays: null })).toThrow(RangeError);
  });
});

describe('first week', () => {
  it('counts the days observed from the release date, between 1 and 7', () => {
    expect(firstWeekDaysObserved('2026-11-20', new Date('2026-11-23T06:00:00Z'))).toBe(3.25);
    expect(firstWeekDaysObserved('2026-11-23', new Date('2026-11-23T06:00:00Z'))).toBe(1);
    expect(firstWeekDaysObserved('2026-10-01', new Date('2026-11-23T06:00:00Z'))).toBe(7);
    expect(firstWeekOver('2026-11-16', new Date('2026-11-23T00:00:00Z'))).toBe(true);
    expect(firstWeekOver('2026-11-17', new Date('2026-11-23T23:59:59Z'))).toBe(false);
  });

  it('takes the median, the mean of the middle two for an even count', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 4, 6])).toBe(5);
  });
});

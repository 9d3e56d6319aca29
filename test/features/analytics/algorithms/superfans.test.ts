import { describe, expect, it } from 'vitest';
import {
  type FanActivity,
  depthScore,
  fanDepth,
  frequencyScore,
  recencyDays,
  recencyScore,
  segmentFans,
  segmentOf,
  summarizeSegments,
} from '../../../../src/features/analytics/algorithms/superfans.js';

const AS_OF = new Date('2026-03-31T12:00:00Z');
const daysAgo = (days: number) => new Date(AS_OF.getTime() - days * 86_400_000);
const fan = (fanId: string, activity: Partial<FanActivity>): FanActivity => ({
  fanId,
  lastEventAt: AS_OF,
  activeDays: 0,
  events: 0,
  streams: 0,
  saves: 0,
  shares: 0,
  purchases: 0,
  ...activity,
});

describe('fan scores', () => {
  it('depth weighs streams 1, saves 3, shares 5, purchases 20', () => {
    // 10 + 3 × 2 + 5 × 1 + 20 × 1 = 41
    expect(fanDepth({ streams: 10, saves: 2, shares: 1, purchases: 1 })).toBe(41);
  });

  it('recency scores 5 up to 7 days, 4 up to 14, 3 up to 30, 2 up to 60, else 1', () => {
    expect([0, 7, 8, 14, 15, 30, 31, 60, 61].map(recencyScore)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1]);
  });

  it('frequency scores 5 from 20 active days, 4 from 10, 3 from 5, 2 from 2, else 1', () => {
    expect([25, 20, 19, 10, 9, 5, 4, 2, 1, 0].map(frequencyScore)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('depth scores 5 from 500, 4 from 200, 3 from 50, 2 from 10, else 1', () => {
    expect([500, 499, 200, 199, 50, 49, 10, 9, 0].map(depthScore)).toEqual([5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('recency counts whole days, never below 0', () => {
    // 6 days 23 h 59 min 59 s → 6
    expect(recencyDays(new Date(AS_OF.getTime() - 7 * 86_400_000 + 1000), AS_OF)).toBe(6);
    expect(recencyDays('2026-03-24T12:00:00Z', AS_OF)).toBe(7);
    expect(recencyDays('2026-04-02T00:00:00Z', AS_OF)).toBe(0);
    expect(() => recencyDays('yesterday', AS_OF)).toThrow(RangeError);
  });
});

describe('segmentOf', () => {
  it('makes a superfan of recency, frequency and depth all ≥ 4', () => {
    expect([segmentOf(4, 4, 4), segmentOf(5, 5, 3), segmentOf(3, 5, 5)]).toEqual(['superfan', 'engaged', 'engaged']);
  });

  it('makes every fan silent for over 30 days (recency ≤ 2) dormant, however deep', () => {
    expect([segmentOf(2, 5, 5), segmentOf(1, 1, 1)]).toEqual(['dormant', 'dormant']);
  });

  it('makes a recent fan engaged with frequency or depth ≥ 3, casual otherwise', () => {
    expect([segmentOf(3, 3, 1), segmentOf(5, 1, 3), segmentOf(5, 2, 2), segmentOf(3, 1, 1)]).toEqual(['engaged', 'engaged', 'casual', 'casual']);
  });

  it('puts every combination of scores in exactly one of the four segments', () => {
    const counts = { superfan: 0, engaged: 0, casual: 0, dormant: 0 };
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) counts[segmentOf(r, f, m)]++;
    // superfan: 2 × 2 × 2 = 8; dormant: 2 × 25 = 50; casual: 3 × 2 × 2 = 12; engaged: 125 − 70 = 55
    expect(counts).toEqual({ superfan: 8, engaged: 55, casual: 12, dormant: 50 });
  });
});

describe('segmentFans', () => {
  it('scores each fan and names its segment', () => {
    const rows = segmentFans(
      [
        // 3 days ago → 5; 12 active days → 4; 150 + 3 × 10 + 5 × 4 + 20 × 1 = 220 → 4: superfan
        fan('a', { lastEventAt: daysAgo(3), activeDays: 12, events: 15, streams: 150, saves: 10, shares: 4, purchases: 1 }),
        // 45 days ago → 2: dormant
        fan('b', { lastEventAt: daysAgo(45).toISOString(), activeDays: 1, events: 1, streams: 2 }),
      ],
      AS_OF,
    );
    expect(rows).toEqual([
      {
        fan_id: 'a',
        recency_days: 3,
        active_days: 12,
        events: 15,
        depth: 220,
        recency_score: 5,
        frequency_score: 4,
        depth_score: 4,
        rfm: '544',
        segment: 'superfan',
      },
      {
        fan_id: 'b',
        recency_days: 45,
        active_days: 1,
        events: 1,
        depth: 2,
        recency_score: 2,
        frequency_score: 1,
        depth_score: 1,
        rfm: '211',
        segment: 'dormant',
      },
    ]);
  });
});

describe('summarizeSegments', () => {
  it('counts zero fans in every segment for no input', () => {
    expect(summarizeSegments([])).toEqual({
      total_fans: 0,
      segments: { superfan: { count: 0, share: 0 }, engaged: { count: 0, share: 0 }, casual: { count: 0, share: 0 }, dormant: { count: 0, share: 0 } },
      top_superfans: [],
    });
  });

  it('counts each segment with its share and lists the deepest superfans first', () => {
    const superfan = (id: string, streams: number, activeDays: number) => fan(id, { lastEventAt: daysAgo(1), activeDays, streams });
    const rows = segmentFans(
      [
        superfan('s1', 300, 10),
        superfan('s2', 600, 10),
        superfan('s3', 300, 20), // same depth as s1, more active days → before it
        superfan('s0', 300, 10), // same as s1 → by fan id
        fan('e', { lastEventAt: daysAgo(20), activeDays: 6, streams: 5 }),
        fan('c', { lastEventAt: daysAgo(2), activeDays: 1, streams: 1 }),
      ],
      AS_OF,
    );
    const summary = summarizeSegments(rows, 3);
    // 6 fans: 4 superfans (0.6667), 1 engaged (0.1667), 1 casual (0.1667), 0 dormant
    expect(summary.total_fans).toBe(6);
    expect(summary.segments).toEqual({
      superfan: { count: 4, share: 0.6667 },
      engaged: { count: 1, share: 0.1667 },
      casual: { count: 1, share: 0.1667 },
      dormant: { count: 0, share: 0 },
    });
    expect(summary.top_superfans.map((row) => row.fan_id)).toEqual(['s2', 's3', 's0']);
  });
});

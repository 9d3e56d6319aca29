import { describe, expect, it } from 'vitest';
import { toDailyTotals, type StoredMetricRow } from '../../../../src/features/analytics/series/daily-series.js';

const row = (platform: string, date: string, values: Partial<StoredMetricRow> = {}): StoredMetricRow => ({
  platform,
  date,
  followers: null,
  monthlyListeners: null,
  streams: 0,
  likes: 0,
  comments: 0,
  shares: 0,
  saves: 0,
  playlistAdds: 0,
  views: 0,
  ...values,
});

describe('toDailyTotals', () => {
  it('is empty when nothing is stored up to the last day', () => {
    expect(toDailyTotals([row('spotify', '2026-03-05', { followers: 5 })], '2026-03-01', '2026-03-04')).toEqual([]);
  });

  it("sums platforms per day and carries each platform's followers over days without them", () => {
    const series = toDailyTotals(
      [
        row('spotify', '2026-03-01', { followers: 100, streams: 10 }),
        row('instagram', '2026-03-01', { followers: 50, likes: 4 }),
        row('spotify', '2026-03-03', { followers: 110, streams: 12 }),
      ],
      '2026-03-01',
      '2026-03-03',
    );
    expect(series.map((day) => [day.date, day.followers, day.streams, day.likes])).toEqual([
      ['2026-03-01', 150, 10, 4],
      ['2026-03-02', 150, 0, 0], // a day without rows: levels carried, counts 0
      ['2026-03-03', 160, 12, 0],
    ]);
  });

  it('starts at the first stored day when data starts after the window opens', () => {
    const series = toDailyTotals([row('spotify', '2026-03-03', { followers: 7 })], '2026-03-01', '2026-03-04');
    expect(series.map((day) => day.date)).toEqual(['2026-03-03', '2026-03-04']);
  });

  it('seeds levels from rows before the window without counting their streams', () => {
    const series = toDailyTotals([row('youtube', '2026-02-20', { followers: 40, monthlyListeners: 9, streams: 99 })], '2026-03-01', '2026-03-02');
    expect(series).toEqual([
      { date: '2026-03-01', followers: 40, monthlyListeners: 9, streams: 0, likes: 0, comments: 0, shares: 0, saves: 0, playlistAdds: 0, views: 0 },
      { date: '2026-03-02', followers: 40, monthlyListeners: 9, streams: 0, likes: 0, comments: 0, shares: 0, saves: 0, playlistAdds: 0, views: 0 },
    ]);
  });
});

import type { DailyTotals } from '../algorithms/daily-totals.js';
import { addDays } from '../ingestion/metric-rows.js';

/** A stored artist_metrics_daily row, as the series needs it: levels may be missing on a day. */
export interface StoredMetricRow extends Omit<DailyTotals, 'followers' | 'monthlyListeners'> {
  platform: string;
  followers: number | null;
  monthlyListeners: number | null;
}

const COUNTS = ['streams', 'likes', 'comments', 'shares', 'saves', 'playlistAdds', 'views'] as const;

/**
 * One artist's totals per day from `from` to `to`, across platforms: levels (followers, monthly
 * listeners) are each platform's last known value carried forward over days without one, counts
 * are summed and 0 on days without a row. Rows before `from` only seed the levels. The series
 * starts at `from`, or at the first stored day when the data starts later (days before an
 * artist's data exists are unknown, not zero); it is empty when nothing is stored up to `to`.
 */
export function toDailyTotals(rows: StoredMetricRow[], from: string, to: string): DailyTotals[] {
  const sorted = rows.filter((row) => row.date <= to).sort((a, b) => a.date.localeCompare(b.date));
  if (sorted.length === 0) return [];
  const followers = new Map<string, number>();
  const listeners = new Map<string, number>();
  const sum = (levels: Map<string, number>) => [...levels.values()].reduce((total, value) => total + value, 0);
  const series: DailyTotals[] = [];
  let next = 0;
  for (let day = sorted[0]!.date < from ? from : sorted[0]!.date; day <= to; day = addDays(day, 1)) {
    const totals: DailyTotals = {
      date: day,
      followers: 0,
      monthlyListeners: 0,
      streams: 0,
      likes: 0,
      comments: 0,
      shares: 0,
      saves: 0,
      playlistAdds: 0,
      views: 0,
    };
    for (; next < sorted.length && sorted[next]!.date <= day; next++) {
      const row = sorted[next]!;
      if (row.followers !== null) followers.set(row.platform, row.followers);
      if (row.monthlyListeners !== null) listeners.set(row.platform, row.monthlyListeners);
      // Counts of days before the series (seed rows) are not the series' own.
      if (row.date === day) for (const count of COUNTS) totals[count] += row[count];
    }
    totals.followers = sum(followers);
    totals.monthlyListeners = sum(listeners);
    series.push(totals);
  }
  return series;
}

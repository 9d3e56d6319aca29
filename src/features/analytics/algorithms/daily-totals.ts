import { mean } from '../../../platform/common/stats.js';

/** One artist's totals across platforms for one UTC day; the series the service passes is contiguous (missing days filled: levels carried forward, counts 0) and ascending by date. */
export interface DailyTotals {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Level at the end of the day (sum over platforms). */
  followers: number;
  /** Level at the end of the day (sum over platforms). */
  monthlyListeners: number;
  // Counts during the day (sums over platforms):
  streams: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  playlistAdds: number;
  views: number;
}

/** Engagement of a day: likes + comments + shares + saves. */
export function dailyEngagement(day: DailyTotals): number {
  return day.likes + day.comments + day.shares + day.saves;
}

/**
 * Daily engagement per follower over `days`:
 * `Σ engagement / (max(mean followers, 1) × days)`; 0 for no days. Zero followers count as one,
 * so an artist without followers gets its raw engagement count rather than a division by zero.
 */
export function engagementRate(days: readonly DailyTotals[]): number {
  if (days.length === 0) return 0;
  let engagement = 0;
  for (const day of days) engagement += dailyEngagement(day);
  const followers = Math.max(mean(days.map((day) => day.followers)), 1);
  return engagement / (followers * days.length);
}

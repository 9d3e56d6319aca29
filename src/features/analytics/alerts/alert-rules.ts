/** Spikes older than this (days) are history, not news: the 3-hourly job alerts on the last two weeks only (a first import of old data would otherwise alert on every past spike). */
export const RECENT_SPIKE_DAYS = 14;
export const VIRAL_MOMENTUM_THRESHOLD = 9;
export const BREAKOUT_ALERT_PROBABILITY = 0.8;

/**
 * ISO 8601 week of a day (e.g. 2026-W48): momentum and breakout alerts are keyed by week, so an
 * artist who stays viral gets one alert a week rather than one every six hours.
 */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the week's Thursday decides its year
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** high when the day is far outside the usual range (z ≥ 4), medium otherwise. */
export const spikeSeverity = (zScore: number) => (zScore >= 4 ? 'high' : 'medium');

import { isoWeek } from '../alerts/alert-rules.js';
import { addDays, utcDay } from '../ingestion/metric-rows.js';

/** An ISO week, Monday to Sunday (UTC days, YYYY-MM-DD), and its name (2026-W49). */
export interface ReleaseWeek {
  week: string;
  start: string;
  end: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week that holds this UTC day. */
export function weekOfDay(day: string): ReleaseWeek {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const start = addDays(day, -weekday);
  return { week: isoWeek(start), start, end: addDays(start, 6) };
}

/**
 * The week a `week=` parameter names: an ISO week (2026-W49) or any day in it (2026-12-02);
 * absent, the week of `now`. Null when it names no real week or day.
 */
export function parseReleaseWeek(value: string | undefined, now = new Date()): ReleaseWeek | null {
  if (value === undefined || value === '') return weekOfDay(utcDay(now));
  if (DAY.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) || utcDay(parsed) !== value ? null : weekOfDay(value);
  }
  const match = ISO_WEEK.exec(value);
  if (!match) return null;
  // Week 1 holds 4 January; its Monday plus (n - 1) weeks.
  const week = Number(match[2]);
  const start = addDays(weekOfDay(`${match[1]}-01-04`).start, (week - 1) * 7);
  const named = weekOfDay(start);
  return week >= 1 && named.week === value ? named : null;
}

/** Whether a release date falls in the week: only a day-precise date can (a year or month says too little). */
export function releasedInWeek(releaseDate: string | null, precision: string | null, week: ReleaseWeek): boolean {
  return precision === 'day' && releaseDate !== null && DAY.test(releaseDate) && releaseDate >= week.start && releaseDate <= week.end;
}

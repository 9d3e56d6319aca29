import type { DailyMetricDto } from '../dto/metrics.dto.js';

/** The stored count columns and the JSON/CSV field each comes from. */
export const METRIC_FIELDS = {
  followers: 'followers',
  monthly_listeners: 'monthly_listeners',
  popularity: 'popularity',
  streams: 'streams',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saves',
  playlist_adds: 'playlist_adds',
  views: 'views',
} as const satisfies Record<string, keyof DailyMetricDto>;

const DAY_MS = 86_400_000;
/** Platforms did not exist before this; earlier days are typos. */
const EARLIEST_DAY = '2000-01-01';

/** Today as YYYY-MM-DD in UTC. */
export const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/**
 * What is wrong with a batch's days beyond each row's own format: impossible dates, days in
 * the future or before 2000, and the same platform-day twice (which row would win?). `label`
 * names a row in the messages (metrics[3], or a CSV line).
 */
export function dayProblems(rows: Array<Pick<DailyMetricDto, 'platform' | 'date'>>, label: (index: number) => string, today = utcDay()): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const parsed = new Date(`${row.date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || utcDay(parsed) !== row.date) problems.push(`${label(index)}.date: ${row.date} is not a calendar day`);
    else if (row.date > today) problems.push(`${label(index)}.date: ${row.date} is in the future`);
    else if (row.date < EARLIEST_DAY) problems.push(`${label(index)}.date: ${row.date} is before ${EARLIEST_DAY}`);
    const key = `${row.platform}/${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${label(index)}: ${row.platform} on ${row.date} is also in ${label(first)}`);
    else seen.set(key, index);
  });
  return problems;
}

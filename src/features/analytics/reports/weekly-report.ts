/**
 * The weekly report an artist's team gets by mail, built from plain numbers (the service gathers
 * them): the last complete ISO week (Monday–Sunday) against the week before.
 *
 * - followers: the level at the end of each week (the sum over platforms, carried forward over
 *   days without a value, as in every analytics series);
 * - streams and engagement (likes + comments + shares + saves): the sums over each week's days;
 * - the change is current − previous, with the percentage when the previous week's value is above
 *   0; a week before the artist's data starts is "no data", not zero;
 * - then the latest Fan Value Score (30 days), Momentum Index and status (28 days), breakout
 *   probability and label, the superfan count (90 days), and the alerts created during the week.
 */
import { type DailyTotals, dailyEngagement } from '../algorithms/daily-totals.js';
import { isoWeek } from '../alerts/alert-rules.js';
import { addDays, utcDay } from '../ingestion/metric-rows.js';

/** A report's week and the week it is compared with ('YYYY-MM-DD', inclusive). */
export interface ReportWeek {
  /** ISO week of the reported week, e.g. 2026-W47. */
  week: string;
  start: string;
  end: string;
  previousStart: string;
  previousEnd: string;
}

/** This week's value and the week before's (null: no data that week). */
export interface WeekComparison {
  current: number;
  previous: number | null;
}

export interface WeekOverWeek {
  followers: WeekComparison;
  streams: WeekComparison;
  engagement: WeekComparison;
}

export interface ReportAlert {
  type: string;
  severity: string;
  message: string;
}

export interface WeeklyReportInput extends WeekOverWeek {
  artistName: string;
  week: ReportWeek;
  /** 0–100, or null without data. */
  fanValueScore: number | null;
  /** 0–10 and its status (declining … viral), or null without data. */
  momentum: { index: number | null; status: string | null };
  /** 0–1 and its label (low, medium, high), or null without enough history. */
  breakout: { probability: number | null; label: string | null };
  superfans: number;
  alerts: ReportAlert[];
}

export interface WeeklyReport {
  subject: string;
  text: string;
  html: string;
}

/** The last complete ISO week (Monday–Sunday, UTC) before `now`, and the week before it. */
export function lastCompleteWeek(now: Date): ReportWeek {
  const today = utcDay(now);
  const weekday = (now.getUTCDay() + 6) % 7; // Monday 0
  const end = addDays(today, -weekday - 1);
  const start = addDays(end, -6);
  const previousEnd = addDays(start, -1);
  return { week: isoWeek(start), start, end, previousStart: addDays(previousEnd, -6), previousEnd };
}

/**
 * Followers, streams and engagement of `week` against the week before, from a daily series (as
 * ArtistSeriesService gives it: contiguous, levels carried forward) covering both weeks or part of
 * them. Null when the series has no day of the reported week.
 */
export function weekOverWeek(series: readonly DailyTotals[], week: ReportWeek): WeekOverWeek | null {
  const current = series.filter((day) => day.date >= week.start && day.date <= week.end);
  const previous = series.filter((day) => day.date >= week.previousStart && day.date <= week.previousEnd);
  if (current.length === 0) return null;
  const sum = (days: DailyTotals[], value: (day: DailyTotals) => number) => days.reduce((total, day) => total + value(day), 0);
  const compare = (value: (day: DailyTotals) => number): WeekComparison => ({
    current: sum(current, value),
    previous: previous.length > 0 ? sum(previous, value) : null,
  });
  return {
    followers: { current: current.at(-1)!.followers, previous: previous.at(-1)?.followers ?? null },
    streams: compare((day) => day.streams),
    engagement: compare(dailyEngagement),
  };
}

/** One line in subjects: names with line breaks or runs of spaces are tidied. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function weeklyReportSubject(artistName: string, week: string): string {
  return `Encore weekly report: ${oneLine(artistName)}, ${week}`;
}

/** The outbox key of one report: each artist's week goes to each address once, however often the job runs. */
export const weeklyReportKey = (artistId: string, week: string, to: string) => `weekly-report:${artistId}:${week}:${to.toLowerCase()}`;

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `-${text}` : text);

/** "+1,234, +11.1 %", "-20, -2.0 %", "no change", "+5" (from 0), or "no data for the week before". */
export function formatChange({ current, previous }: WeekComparison): string {
  if (previous === null) return 'no data for the week before';
  const difference = current - previous;
  if (difference === 0) return 'no change';
  const absolute = signed(difference, integer(Math.abs(difference)));
  if (previous <= 0) return absolute;
  const percent = (100 * difference) / previous;
  return `${absolute}, ${signed(percent, Math.abs(percent).toFixed(1))} %`;
}

const ALERT_NAMES: Record<string, string> = { viral_spike: 'Viral spike', viral_momentum: 'Viral momentum', breakout: 'Breakout' };
const alertName = (type: string) => ALERT_NAMES[type] ?? type;

/** The rows of the report's table, as label, value and (for the weekly numbers) change. */
function reportRows(input: WeeklyReportInput): Array<[string, string, string | null]> {
  const { momentum, breakout } = input;
  return [
    ['Followers', integer(input.followers.current), formatChange(input.followers)],
    ['Streams', integer(input.streams.current), formatChange(input.streams)],
    ['Engagement (likes, comments, shares, saves)', integer(input.engagement.current), formatChange(input.engagement)],
    ['Fan Value Score (30 days)', input.fanValueScore === null ? 'not enough data' : `${input.fanValueScore.toFixed(1)} / 100`, null],
    [
      'Momentum Index (28 days)',
      momentum.index === null ? 'not enough data' : `${momentum.index.toFixed(2)} / 10${momentum.status ? `, ${momentum.status.replace(/_/g, ' ')}` : ''}`,
      null,
    ],
    [
      'Breakout probability (90 days)',
      breakout.probability === null ? 'not enough history' : `${Math.round(breakout.probability * 100)} %${breakout.label ? ` (${breakout.label})` : ''}`,
      null,
    ],
    ['Superfans (90 days)', integer(input.superfans), null],
  ];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** The report's subject, plain text and HTML (see the module comment). */
export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { week } = input;
  const name = oneLine(input.artistName);
  const period = `Week ${week.week}, Monday ${week.start} to Sunday ${week.end}, compared with the week before (${week.previousStart} to ${week.previousEnd}).`;
  const rows = reportRows(input);
  const alertLines = input.alerts.map((alert) => `${alertName(alert.type)} (${alert.severity}): ${alert.message}`);
  const footer = `You get this report because you are on ${name}'s team in Encore.`;

  const text = [
    `Encore weekly report: ${name}`,
    period,
    '',
    ...rows.map(([label, value, change]) => `${label}: ${value}${change ? ` (${change})` : ''}`),
    '',
    alertLines.length === 0 ? 'New alerts this week: none.' : `New alerts this week (${alertLines.length}):`,
    ...alertLines.map((line) => `- ${line}`),
    '',
    footer,
    '',
  ].join('\n');

  const cell = 'style="padding:4px 12px 4px 0;text-align:left;vertical-align:top"';
  const html = [
    '<!DOCTYPE html>',
    '<html><body style="font-family:Helvetica,Arial,sans-serif;color:#1d1d1f;line-height:1.4">',
    `<h1 style="font-size:20px;margin:0 0 8px">Weekly report: ${escapeHtml(name)}</h1>`,
    `<p style="margin:0 0 16px;color:#555">${escapeHtml(period)}</p>`,
    '<table style="border-collapse:collapse">',
    ...rows.map(
      ([label, value, change]) =>
        `<tr><th ${cell}>${escapeHtml(label)}</th><td ${cell}><strong>${escapeHtml(value)}</strong></td><td ${cell}>${change ? escapeHtml(change) : ''}</td></tr>`,
    ),
    '</table>',
    `<h2 style="font-size:16px;margin:20px 0 8px">New alerts this week${alertLines.length > 0 ? ` (${alertLines.length})` : ''}</h2>`,
    alertLines.length === 0
      ? '<p style="margin:0">None.</p>'
      : `<ul style="margin:0;padding-left:20px">${alertLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    `<p style="margin:20px 0 0;color:#777;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  return { subject: weeklyReportSubject(name, week.week), text, html };
}

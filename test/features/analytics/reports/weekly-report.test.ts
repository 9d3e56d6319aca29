import { describe, expect, it } from 'vitest';
import type { DailyTotals } from '../../../../src/features/analytics/algorithms/daily-totals.js';
import {
  buildWeeklyReport,
  escapeHtml,
  formatChange,
  lastCompleteWeek,
  weekOverWeek,
  type WeeklyReportInput,
} from '../../../../src/features/analytics/reports/weekly-report.js';

const day = (date: string, followers: number, streams = 0, likes = 0, comments = 0, shares = 0, saves = 0): DailyTotals => ({
  date,
  followers,
  monthlyListeners: 0,
  streams,
  likes,
  comments,
  shares,
  saves,
  playlistAdds: 0,
  views: 0,
});

const WEEK = { week: '2026-W47', start: '2026-11-16', end: '2026-11-22', previousStart: '2026-11-09', previousEnd: '2026-11-15' };

const input = (overrides: Partial<WeeklyReportInput> = {}): WeeklyReportInput => ({
  artistName: 'Marama Bay',
  week: WEEK,
  followers: { current: 12_345, previous: 11_111 },
  streams: { current: 45_678, previous: 40_000 },
  engagement: { current: 3_210, previous: 3_330 },
  fanValueScore: 62.43,
  momentum: { index: 7.25, status: 'rapid_growth' },
  breakout: { probability: 0.423, label: 'medium' },
  superfans: 37,
  alerts: [],
  ...overrides,
});

describe('lastCompleteWeek', () => {
  it('is the Monday-to-Sunday week before the run, whatever the weekday', () => {
    expect(lastCompleteWeek(new Date('2026-11-23T08:00:00Z'))).toEqual(WEEK); // a Monday
    expect(lastCompleteWeek(new Date('2026-11-29T23:59:59Z'))).toEqual(WEEK); // the Sunday after
    expect(lastCompleteWeek(new Date('2026-11-22T12:00:00Z')).week).toBe('2026-W46'); // the Sunday itself: that week is not over
  });

  it('names ISO weeks across a year end', () => {
    expect(lastCompleteWeek(new Date('2027-01-04T08:00:00Z'))).toMatchObject({ week: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
  });
});

describe('weekOverWeek', () => {
  const twoWeeks = Array.from({ length: 14 }, (_, i) => day(`2026-11-${String(9 + i).padStart(2, '0')}`, 1000 + 10 * i, 100 + i, 5, 1, 1, 1));

  it('takes followers at the end of each week and sums streams and engagement', () => {
    // This week: days 7..13 → followers 1130; streams Σ(100+i) = 700 + 70 = 770; engagement 8 a day.
    // Week before: days 0..6 → followers 1060; streams 700 + 21 = 721.
    expect(weekOverWeek(twoWeeks, WEEK)).toEqual({
      followers: { current: 1130, previous: 1060 },
      streams: { current: 770, previous: 721 },
      engagement: { current: 56, previous: 56 },
    });
  });

  it('has no week before when the data starts this week, and nothing without this week', () => {
    expect(weekOverWeek(twoWeeks.slice(10), WEEK)).toMatchObject({
      followers: { current: 1130, previous: null },
      streams: { current: 110 + 111 + 112 + 113, previous: null },
    });
    expect(weekOverWeek(twoWeeks.slice(0, 7), WEEK)).toBeNull();
    expect(weekOverWeek([], WEEK)).toBeNull();
  });
});

describe('formatChange', () => {
  it('gives the difference and the percentage of the week before', () => {
    expect(formatChange({ current: 12_345, previous: 11_111 })).toBe('+1,234, +11.1 %');
    expect(formatChange({ current: 3_210, previous: 3_330 })).toBe('-120, -3.6 %');
    expect(formatChange({ current: 5, previous: 5 })).toBe('no change');
    expect(formatChange({ current: 5, previous: 0 })).toBe('+5');
    expect(formatChange({ current: 5, previous: null })).toBe('no data for the week before');
  });
});

describe('buildWeeklyReport', () => {
  it('writes every number into the text', () => {
    const report = buildWeeklyReport(input());
    expect(report.subject).toBe('Encore weekly report: Marama Bay, 2026-W47');
    expect(report.text).toContain('Week 2026-W47, Monday 2026-11-16 to Sunday 2026-11-22, compared with the week before (2026-11-09 to 2026-11-15).');
    expect(report.text).toContain('Followers: 12,345 (+1,234, +11.1 %)');
    expect(report.text).toContain('Streams: 45,678 (+5,678, +14.2 %)');
    expect(report.text).toContain('Engagement (likes, comments, shares, saves): 3,210 (-120, -3.6 %)');
    expect(report.text).toContain('Fan Value Score (30 days): 62.4 / 100');
    expect(report.text).toContain('Momentum Index (28 days): 7.25 / 10, rapid growth');
    expect(report.text).toContain('Breakout probability (90 days): 42 % (medium)');
    expect(report.text).toContain('Superfans (90 days): 37');
    expect(report.text).toContain('New alerts this week: none.');
    expect(report.html).toContain('<strong>12,345</strong>');
    expect(report.html).toContain('+1,234, +11.1 %');
  });

  it('lists the alerts and says when a score has no data', () => {
    const report = buildWeeklyReport(
      input({
        fanValueScore: null,
        momentum: { index: null, status: null },
        breakout: { probability: null, label: null },
        alerts: [{ type: 'viral_spike', severity: 'high', message: 'Engagement on 2026-11-18 reached 9,000.' }],
      }),
    );
    expect(report.text).toContain('Fan Value Score (30 days): not enough data');
    expect(report.text).toContain('Momentum Index (28 days): not enough data');
    expect(report.text).toContain('Breakout probability (90 days): not enough history');
    expect(report.text).toContain('New alerts this week (1):\n- Viral spike (high): Engagement on 2026-11-18 reached 9,000.');
    expect(report.html).toContain('<li>Viral spike (high): Engagement on 2026-11-18 reached 9,000.</li>');
  });

  it('escapes the artist name in the HTML and keeps the subject on one line', () => {
    const report = buildWeeklyReport(input({ artistName: '<script>alert("x")</script> & Co\n' }));
    expect(report.html).not.toContain('<script>');
    expect(report.html).toContain('Weekly report: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</h1>');
    expect(report.subject).toBe('Encore weekly report: <script>alert("x")</script> & Co, 2026-W47');
    expect(report.text).toContain('Encore weekly report: <script>alert("x")</script> & Co\n');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

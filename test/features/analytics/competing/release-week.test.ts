import { describe, expect, it } from 'vitest';
import { parseReleaseWeek, releasedInWeek, weekOfDay } from '../../../../src/features/analytics/competing/release-week.js';

describe('the ISO week of competing releases', () => {
  it('runs Monday to Sunday around any day of it', () => {
    expect(weekOfDay('2026-12-06')).toEqual({ week: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
    expect(weekOfDay('2026-11-30')).toEqual({ week: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
  });

  it('names the week across a new year by its Thursday', () => {
    expect(weekOfDay('2027-01-01')).toEqual({ week: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(weekOfDay('2025-12-31')).toEqual({ week: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
  });

  it('reads week= as an ISO week or a day, this week when absent', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(parseReleaseWeek(undefined, now)).toEqual({ week: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
    expect(parseReleaseWeek('2026-W49')).toEqual({ week: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
    expect(parseReleaseWeek('2026-W01')).toEqual({ week: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    expect(parseReleaseWeek('2026-12-03')).toEqual({ week: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
  });

  it('refuses weeks and days that do not exist', () => {
    for (const bad of ['2026-W00', '2026-W54', '2025-W53', '2026-02-30', '2026-13-01', 'last week', '2026-12-3', '49'])
      expect(parseReleaseWeek(bad), bad).toBeNull();
    expect(parseReleaseWeek('2026-W53')).toEqual({ week: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
  });

  it('counts only day-precise release dates inside the week', () => {
    const week = weekOfDay('2026-12-02');
    expect(releasedInWeek('2026-11-30', 'day', week)).toBe(true);
    expect(releasedInWeek('2026-12-06', 'day', week)).toBe(true);
    expect(releasedInWeek('2026-11-29', 'day', week)).toBe(false);
    expect(releasedInWeek('2026-12-07', 'day', week)).toBe(false);
    expect(releasedInWeek('2026-12', 'month', week)).toBe(false);
    expect(releasedInWeek('2026', 'year', week)).toBe(false);
    expect(releasedInWeek(null, null, week)).toBe(false);
  });
});

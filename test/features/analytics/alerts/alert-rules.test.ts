import { describe, expect, it } from 'vitest';
import { isoWeek, spikeSeverity } from '../../../../src/features/analytics/alerts/alert-rules.js';

describe('isoWeek', () => {
  it.each([
    ['2026-11-23', '2026-W48'], // a Monday
    ['2026-11-29', '2026-W48'], // its Sunday
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday whose Thursday is in 2025
  ])('puts %s in %s', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });
});

describe('spikeSeverity', () => {
  it('is high from four standard deviations', () => {
    expect([spikeSeverity(2.1), spikeSeverity(3.99), spikeSeverity(4)]).toEqual(['medium', 'medium', 'high']);
  });
});

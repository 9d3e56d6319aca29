import { describe, expect, it } from 'vitest';
import { addDays, dayProblems } from '../../../../src/features/analytics/ingestion/metric-rows.js';

const label = (index: number) => `metrics[${index}]`;

describe('dayProblems', () => {
  it('accepts distinct platform-days up to today', () => {
    expect(
      dayProblems(
        [
          { platform: 'spotify', date: '2026-03-01' },
          { platform: 'tiktok', date: '2026-03-01' },
        ],
        label,
        '2026-03-01',
      ),
    ).toEqual([]);
  });

  it('names impossible, future and pre-2000 days', () => {
    expect(
      dayProblems(
        [
          { platform: 'spotify', date: '2026-02-29' },
          { platform: 'spotify', date: '2026-03-02' },
          { platform: 'spotify', date: '1999-12-31' },
        ],
        label,
        '2026-03-01',
      ),
    ).toEqual([
      'metrics[0].date: 2026-02-29 is not a calendar day',
      'metrics[1].date: 2026-03-02 is in the future',
      'metrics[2].date: 1999-12-31 is before 2000-01-01',
    ]);
  });

  it('names a platform-day sent twice by both rows', () => {
    expect(
      dayProblems(
        [
          { platform: 'youtube', date: '2026-01-01' },
          { platform: 'youtube', date: '2026-01-01' },
        ],
        label,
        '2026-03-01',
      ),
    ).toEqual(['metrics[1]: youtube on 2026-01-01 is also in metrics[0]']);
  });
});

describe('addDays', () => {
  it('crosses month and leap-year ends in UTC', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

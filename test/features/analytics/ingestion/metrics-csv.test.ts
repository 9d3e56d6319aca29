import { CsvUploadError } from '../../../../src/platform/common/csv-upload.js';
import { describe, expect, it } from 'vitest';
import { parseMetricsCsv } from '../../../../src/features/analytics/ingestion/metrics-csv.js';

const csv = (text: string) => Buffer.from(text);

describe('parseMetricsCsv', () => {
  it('reads any column order and case, leaving empty cells out', () => {
    expect(parseMetricsCsv(csv('Date,PLATFORM,Monthly Listeners,streams\n2026-03-01,Spotify,,120\n'))).toEqual([
      { date: '2026-03-01', platform: 'spotify', streams: 120 },
    ]);
  });

  it('keeps a cell that is not a whole number as text, for validation to name', () => {
    expect(parseMetricsCsv(csv('platform,date,views\ntiktok,2026-03-01,1.5k\n'))).toEqual([{ platform: 'tiktok', date: '2026-03-01', views: '1.5k' }]);
  });

  it.each([
    ['', /^file: the CSV is empty/],
    ['platform,followers\nspotify,3\n', /^file: the header lacks the column\(s\) date$/],
    ['platform,date,fans\n', /^file: unknown column\(s\) fans;/],
    ['platform,date\n', /^file: the CSV has a header but no rows$/],
  ])('refuses %j', (text, message) => {
    expect(() => parseMetricsCsv(csv(text))).toThrow(message);
  });

  it('refuses binary content', () => {
    expect(() => parseMetricsCsv(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]))).toThrow(CsvUploadError);
  });
});

import { CsvUploadError } from '../../../src/platform/common/csv-upload.js';
import { describe, expect, it } from 'vitest';
import { parseBatchCsv } from '../../../src/features/hit-prediction/batch-csv.js';

const HEADER = 'duration_ms,danceability,energy,valence,acousticness,instrumentalness,explicit,loudness,tempo,mode';
const csv = (...lines: string[]) => Buffer.from(lines.join('\n'));

describe('parseBatchCsv', () => {
  it('reads each line as the ten features, numbers as numbers', () => {
    expect(parseBatchCsv(csv(HEADER, '210000,0.8,0.7,0.6,0.1,0,True,-5.5,120,1'), 10).rows).toEqual([
      {
        duration_ms: 210000,
        danceability: 0.8,
        energy: 0.7,
        valence: 0.6,
        acousticness: 0.1,
        instrumentalness: 0,
        explicit: 'true',
        loudness: -5.5,
        tempo: 120,
        mode: 1,
      },
    ]);
  });

  it('finds the columns in any order and case, ignoring the others', () => {
    const { rows } = parseBatchCsv(
      csv('Title,MODE,tempo,loudness,explicit,instrumentalness,acousticness,valence,energy,danceability,Duration_MS', 'x,0,99,-7,0,0.5,0.4,0.3,0.2,0.1,1000'),
      10,
    );
    expect(rows[0]).toMatchObject({ mode: 0, tempo: 99, duration_ms: 1000, danceability: 0.1 });
    expect(rows[0]).not.toHaveProperty('title');
  });

  it('leaves empty cells undefined and text as text, for the row validation to name', () => {
    expect(parseBatchCsv(csv(HEADER, ',0.8,high,0.6,0.1,0,0,-5,120,1'), 10).rows[0]).toMatchObject({ duration_ms: undefined, energy: 'high' });
  });

  it('strips a byte-order mark and reads quoted cells', () => {
    expect(parseBatchCsv(Buffer.from(`\uFEFF${HEADER}\n"210000","0.8",0.7,0.6,0.1,0,0,-5,120,1`), 10).rows[0]).toMatchObject({
      duration_ms: 210000,
      danceability: 0.8,
    });
  });

  it('refuses more rows than allowed', () => {
    expect(() => parseBatchCsv(csv(HEADER, ...Array.from({ length: 3 }, () => '1,0,0,0,0,0,0,0,0,0')), 2)).toThrow('more than 2 songs');
  });

  it('accepts exactly as many rows as allowed', () => {
    expect(parseBatchCsv(csv(HEADER, ...Array.from({ length: 2 }, () => '1,0,0,0,0,0,0,0,0,0')), 2).rows).toHaveLength(2);
  });

  it('refuses invalid UTF-8', () => {
    expect(() => parseBatchCsv(Buffer.from([0xff, 0xfe, 0x41]), 10)).toThrow(CsvUploadError);
  });

  it('refuses a header without songs', () => {
    expect(() => parseBatchCsv(csv(HEADER), 10)).toThrow('a header but no songs');
  });
});

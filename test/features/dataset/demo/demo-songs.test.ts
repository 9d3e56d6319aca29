import { describe, expect, it } from 'vitest';
import { DEMO_COLUMNS, type DemoColumn, demoSongCsvLines } from '../../../../src/features/dataset/demo/demo-songs.js';

/** Splits one CSV line (RFC 4180: quoted fields, `""` inside quotes; no line breaks in fields). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error(`unterminated quote in: ${line}`);
        field += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        field += '"';
        i++;
      }
      if (i < line.length && line[i] !== ',') throw new Error(`text after a closing quote in: ${line}`);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      field = line.slice(i, end);
      if (field.includes('"')) throw new Error(`bare quote in: ${line}`);
      i = end;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

type Row = Record<DemoColumn, string>;

function generate(count: number, seed?: number): string[] {
  return [...demoSongCsvLines(seed === undefined ? { count } : { count, seed })];
}

function parse(lines: string[]): Row[] {
  return lines.slice(1).map((line) => {
    const fields = splitCsvLine(line);
    if (fields.length !== DEMO_COLUMNS.length) throw new Error(`${fields.length} fields instead of ${DEMO_COLUMNS.length} in: ${line}`);
    return Object.fromEntries(fields.map((field, i) => [DEMO_COLUMNS[i], field])) as Row;
  });
}

function numbers(rows: Row[], column: DemoColumn): number[] {
  return rows.map((row) => Number(row[column]));
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Pearson correlation of two columns over the rows. */
function pearson(rows: Row[], columnA: DemoColumn, columnB: DemoColumn): number {
  const meanA = mean(numbers(rows, columnA));
  const meanB = mean(numbers(rows, columnB));
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (const row of rows) {
    const a = Number(row[columnA]) - meanA;
    const b = Number(row[columnB]) - meanB;
    ab += a * b;
    aa += a ** 2;
    bb += b ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

const LINES = generate(10_000);
const ROWS = parse(LINES);

describe('demoSongCsvLines', () => {
  it('starts with the Kaggle header and yields one line per song', () => {
    expect(LINES[0]).toBe(DEMO_COLUMNS.join(','));
    expect(LINES[0]).toBe(
      'track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre',
    );
    expect(LINES).toHaveLength(10_001);
    expect(generate(0)).toEqual([DEMO_COLUMNS.join(',')]);
  });

  it('gives identical output for the same seed (42 by default) and different output for another seed', () => {
    expect(generate(2_000, 7)).toEqual(generate(2_000, 7));
    expect(generate(2_000)).toEqual(generate(2_000, 42));
    expect(generate(2_000, 7).join('\n')).not.toBe(generate(2_000, 8).join('\n'));
  });

  it('rejects a count or seed that is not an integer', () => {
    expect(() => demoSongCsvLines({ count: -1 })).toThrow(RangeError);
    expect(() => demoSongCsvLines({ count: 1.5 })).toThrow(RangeError);
    expect(() => demoSongCsvLines({ count: 10, seed: Number.NaN })).toThrow(RangeError);
  });

  it('writes lines that split into the 20 columns, quoting fields with commas or quotes', () => {
    expect(LINES.filter((line) => splitCsvLine(line).length !== 20)).toEqual([]);
    const names = ROWS.flatMap((row) => [row.album_name, row.track_name]);
    expect(names.some((name) => name.includes(','))).toBe(true);
    expect(names.some((name) => name.includes('"'))).toBe(true);
  });

  it('keeps every value within the Spotify ranges', () => {
    const problems: string[] = [];
    const check = (ok: boolean, row: Row, column: DemoColumn) => {
      if (!ok) problems.push(`${row.track_id} ${column}=${row[column]}`);
    };
    const isIntegerIn = (text: string, min: number, max: number) => /^-?\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
    const isNumberIn = (text: string, min: number, max: number) => /^-?\d+(\.\d+)?$/.test(text) && Number(text) >= min && Number(text) <= max;
    for (const row of ROWS) {
      check(isIntegerIn(row.popularity, 0, 100), row, 'popularity');
      check(isIntegerIn(row.duration_ms, 30_000, 900_000), row, 'duration_ms');
      check(row.explicit === 'True' || row.explicit === 'False', row, 'explicit');
      for (const column of ['danceability', 'energy', 'speechiness', 'acousticness', 'instrumentalness', 'liveness', 'valence'] as const) {
        check(isNumberIn(row[column], 0, 1), row, column);
      }
      check(isNumberIn(row.loudness, -50, 0), row, 'loudness');
      check(isNumberIn(row.tempo, 60, 200), row, 'tempo');
      check(isIntegerIn(row.key, 0, 11), row, 'key');
      check(row.mode === '0' || row.mode === '1', row, 'mode');
      check(['1', '3', '4', '5'].includes(row.time_signature), row, 'time_signature');
      for (const column of ['artists', 'album_name', 'track_name'] as const) check(row[column].length > 0, row, column);
    }
    expect(problems).toEqual([]);
    expect(new Set(ROWS.map((row) => row.track_genre)).size).toBe(12);
  });

  it('has realistic distributions: mostly 4/4, mostly major, instrumentalness mostly near 0, typical durations', () => {
    const share = (values: number[], test: (value: number) => boolean) => values.filter(test).length / values.length;
    expect(share(numbers(ROWS, 'time_signature'), (value) => value === 4)).toBeGreaterThan(0.8);
    expect(share(numbers(ROWS, 'mode'), (value) => value === 1)).toBeGreaterThan(0.55);
    const instrumentalness = numbers(ROWS, 'instrumentalness');
    expect(share(instrumentalness, (value) => value < 0.01)).toBeGreaterThan(0.6);
    expect(share(instrumentalness, (value) => value > 0.5)).toBeGreaterThan(0.05);
    expect(share(numbers(ROWS, 'speechiness'), (value) => value >= 0.03 && value <= 0.1)).toBeGreaterThan(0.6);
    expect(share(numbers(ROWS, 'liveness'), (value) => value >= 0.05 && value <= 0.3)).toBeGreaterThan(0.7);
    expect(share(numbers(ROWS, 'duration_ms'), (value) => value >= 150_000 && value <= 300_000)).toBeGreaterThan(0.6);
  });

  it('makes track ids of 22 base62 characters, unique within a run', () => {
    const ids = ROWS.map((row) => row.track_id);
    expect(ids.filter((id) => !/^[0-9A-Za-z]{22}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels between 30 % and 55 % of songs as hits (popularity >= 50)', () => {
    const hits = numbers(ROWS, 'popularity').filter((popularity) => popularity >= 50).length;
    expect(hits / ROWS.length).toBeGreaterThan(0.3);
    expect(hits / ROWS.length).toBeLessThan(0.55);
  });

  it('correlates energy with loudness and against acousticness', () => {
    expect(pearson(ROWS, 'energy', 'loudness')).toBeGreaterThan(0.5);
    expect(pearson(ROWS, 'energy', 'acousticness')).toBeLessThan(-0.3);
  });

  it('makes danceable songs more popular than the rest', () => {
    const popularityWhere = (test: (danceability: number) => boolean) =>
      mean(ROWS.filter((row) => test(Number(row.danceability))).map((row) => Number(row.popularity)));
    expect(popularityWhere((danceability) => danceability > 0.7)).toBeGreaterThan(popularityWhere((danceability) => danceability < 0.4));
  });

  it('features genre traits: speechy hip-hop, acoustic classical, explicit hip-hop', () => {
    const meanOf = (genre: string, column: DemoColumn) =>
      mean(
        numbers(
          ROWS.filter((row) => row.track_genre === genre),
          column,
        ),
      );
    expect(meanOf('hip-hop', 'speechiness')).toBeGreaterThan(meanOf('classical', 'speechiness'));
    expect(meanOf('classical', 'acousticness')).toBeGreaterThan(meanOf('metal', 'acousticness'));
    expect(meanOf('metal', 'energy')).toBeGreaterThan(meanOf('classical', 'energy'));
    const explicitShare = (genre: string) => mean(ROWS.filter((row) => row.track_genre === genre).map((row) => (row.explicit === 'True' ? 1 : 0)));
    expect(explicitShare('hip-hop')).toBeGreaterThan(explicitShare('classical'));
  });

  it('joins a second artist with ";" on some songs, and artists have several songs', () => {
    expect(ROWS.some((row) => row.artists.includes(';'))).toBe(true);
    const songsPerArtist = new Map<string, number>();
    for (const row of ROWS) {
      for (const artist of row.artists.split(';')) songsPerArtist.set(artist, (songsPerArtist.get(artist) ?? 0) + 1);
    }
    expect(songsPerArtist.size).toBeGreaterThan(50);
    expect(ROWS.length / songsPerArtist.size).toBeGreaterThan(3);
  });

  it('includes names with accented letters', () => {
    const accented = /[À-ÖØ-öø-ÿ]/;
    expect(ROWS.some((row) => accented.test(row.artists))).toBe(true);
    expect(ROWS.some((row) => accented.test(row.track_name) || accented.test(row.album_name))).toBe(true);
  });
});

import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openSongCsv, type SongCsvRow } from '../../../../src/features/dataset/import/song-csv-reader.js';
import { hitPredictorFixtures } from '../../../support/sample-data.js';

const THRESHOLD = 50;
const [header, ...rows] = readFileSync(hitPredictorFixtures[1]!, 'utf8').trimEnd().split('\n');
/** A fixture row with its title cell replaced by `title` (raw CSV text). */
const withTitle = (row: string, title: string) => row.replace(/^[^,]*/, title);

async function readAll(name: string, chunks: AsyncIterable<Buffer | string>): Promise<SongCsvRow[]> {
  const csv = await openSongCsv(name, chunks, THRESHOLD);
  const read: SongCsvRow[] = [];
  for await (const row of csv.rows) read.push(row);
  return read;
}
const readText = (text: string) => readAll('songs.csv', Readable.from([text]));
const problems = (read: SongCsvRow[]) => read.filter((row) => row.error).map((row) => `${row.line}: ${row.error!.message}`);

describe('openSongCsv', () => {
  it('reads every row of the CRLF and the LF fixture, quoted titles and E-notation included', async () => {
    const crlf = await readAll('crlf.csv', createReadStream(hitPredictorFixtures[0]!));
    const lf = await readAll('lf.csv', createReadStream(hitPredictorFixtures[1]!));
    expect([crlf.length, lf.length]).toEqual([23, 18]);
    expect(problems([...crlf, ...lf])).toEqual([]);
    expect(crlf.find((row) => row.song?.trackId === 'EncoreFixtureTrack0009')?.song).toMatchObject({ instrumentalness: 1.74e-6, decade: 1970 });
    expect(lf.find((row) => row.song?.trackId === 'EncoreFixtureTrack0025')?.song?.trackName).toBe('Say "When", Darling');
  });

  it('reads a file mixing CRLF and LF line ends one row per line', async () => {
    const read = await readText(`${header}\r\n${rows[0]}\r\n${rows[1]}\n${rows[2]}\r\n`);
    expect(problems(read)).toEqual([]);
    expect(read.map((row) => row.song?.trackId)).toEqual(['EncoreFixtureTrack0023', 'EncoreFixtureTrack0024', 'EncoreFixtureTrack0025']);
  });

  it('reports a row with an unclosed quote by its line and reads the rows after it', async () => {
    const read = await readText([header, rows[0], withTitle(rows[1]!, '"Open, Never Closed'), rows[2], rows[3]].join('\n'));
    expect(problems(read)).toEqual(['3: field 1 opens a quote that the line never closes']);
    expect(read.filter((row) => row.song).map((row) => row.line)).toEqual([2, 4, 5]);
  });

  it('reports a row with more or fewer fields than the header as a bad row', async () => {
    const read = await readText(
      [header, withTitle(rows[0]!, 'Two, Titles'), rows[1], `${rows[2]},extra`, rows[3]!.slice(0, rows[3]!.lastIndexOf(','))].join('\n'),
    );
    expect(problems(read)).toEqual(['2: 21 fields where the header has 20', '4: 21 fields where the header has 20', '5: 19 fields where the header has 20']);
    expect(read.filter((row) => row.song)).toHaveLength(1);
  });

  it('reports a row with a NUL character in a field, which PostgreSQL text cannot store, naming the field', async () => {
    const read = await readText([header, withTitle(rows[0]!, 'Null\0Title'), rows[1]].join('\n'));
    expect(problems(read)).toEqual(['2: field 1 holds a NUL character']);
    expect(read[1]!.song).toBeDefined();
  });

  it('skips blank lines, counting them in the line numbers', async () => {
    const read = await readText(`\n${header}\n\n${rows[0]}\n   \n${rows[1]}\n`);
    expect(read.map((row) => [row.line, row.song?.trackId])).toEqual([
      [4, 'EncoreFixtureTrack0023'],
      [6, 'EncoreFixtureTrack0024'],
    ]);
  });

  it('names the file when it has no header, an unknown one, or one with an open quote', async () => {
    await expect(readText('\n\n')).rejects.toThrow('songs.csv is empty: no header row');
    await expect(readText('name,band\nx,y\n')).rejects.toThrow(/^songs\.csv: Unrecognised CSV header: name,band/);
    await expect(readText('"track,artist\n')).rejects.toThrow('songs.csv: header: field 1 opens a quote that the line never closes');
  });
});

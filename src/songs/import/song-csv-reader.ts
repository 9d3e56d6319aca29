import { detectFormat, parseSongRow, RowError, type CsvLayout } from './csv-formats.js';
import { readLines, splitCsvLine } from './csv-lines.js';
import type { SongRecord } from './song-record.js';

/** A data row of a song CSV: the song, or why the row is bad. */
export type SongCsvRow = { line: number; song: SongRecord; error?: never } | { line: number; song?: never; error: RowError };

export interface SongCsv {
  layout: CsvLayout;
  /** The data rows after the header; blank lines are left out. */
  rows: AsyncGenerator<SongCsvRow>;
}

/**
 * Opens a song CSV: reads its header and names its format (a file without one fails, naming
 * the file), then gives its rows one line at a time. A bad row is reported and never stops the
 * reading; a row with more or fewer fields than the header is a bad row.
 */
export async function openSongCsv(name: string, chunks: AsyncIterable<Buffer | string>, hitPopularityThreshold: number): Promise<SongCsv> {
  const lines = readLines(chunks);
  let header = await lines.next();
  while (!header.done && header.value.text.trim() === '') header = await lines.next();
  if (header.done) throw new Error(`${name} is empty: no header row`);
  let layout: CsvLayout;
  let columns: number;
  try {
    const cells = splitCsvLine(header.value.text);
    columns = cells.length;
    layout = detectFormat(cells);
  } catch (error) {
    (error as Error).message = `${name}: ${error instanceof RowError ? 'header: ' : ''}${(error as Error).message}`;
    throw error;
  }

  async function* rows(): AsyncGenerator<SongCsvRow> {
    for await (const { line, text } of lines) {
      if (text.trim() === '') continue;
      try {
        const fields = splitCsvLine(text);
        if (fields.length !== columns) throw new RowError(`${fields.length} fields where the header has ${columns}`);
        yield { line, song: parseSongRow(layout, fields, hitPopularityThreshold) };
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        yield { line, error };
      }
    }
  }
  return { layout, rows: rows() };
}

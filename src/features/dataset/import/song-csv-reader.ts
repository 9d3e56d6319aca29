import { detectFormat, parseSongRow, RowError, type CsvLayout } from './csv-formats.js';
import { readLineBatches, splitCsvLine, type NumberedLine } from './csv-lines.js';
import type { SongRecord } from './song-record.js';

/** A data row of a song CSV: the song, or why the row is bad. */
export type SongCsvRow = { line: number; song: SongRecord; error?: never } | { line: number; song?: never; error: RowError };

export interface SongCsv {
  layout: CsvLayout;
  /** The data rows after the header; blank lines are left out. Read this or rowBatches, not both. */
  rows: AsyncGenerator<SongCsvRow>;
  /**
   * The same rows, those of each chunk of the stream together (no promise per row), each parsed
   * as it is taken: parsed all at once, a chunk's songs stayed alive while an import waited for a
   * batch's write, long enough for V8 to promote them, and scavenges took 2.5–3.5 s of a
   * million-row import instead of 0.5–0.8 s (docs/benchmarks.md).
   */
  rowBatches: AsyncGenerator<Iterable<SongCsvRow>>;
}

/**
 * Opens a song CSV: reads its header and names its format (a file without one fails, naming
 * the file), then gives its rows one line at a time. A bad row is reported and never stops the
 * reading; a row with more or fewer fields than the header is a bad row.
 */
export async function openSongCsv(name: string, chunks: AsyncIterable<Buffer | string>, hitPopularityThreshold: number): Promise<SongCsv> {
  const batches = readLineBatches(chunks);
  // The lines of the batch the header came from that follow it.
  let afterHeader: NumberedLine[] = [];
  let header: NumberedLine | undefined;
  while (!header) {
    const next = await batches.next();
    if (next.done) throw new Error(`${name} is empty: no header row`);
    const at = next.value.findIndex((line) => line.text.trim() !== '');
    if (at >= 0) {
      header = next.value[at]!;
      afterHeader = next.value.slice(at + 1);
    }
  }
  let layout: CsvLayout;
  let columns: number;
  try {
    const cells = splitCsvLine(header.text);
    columns = cells.length;
    layout = detectFormat(cells);
  } catch (error) {
    (error as Error).message = `${name}: ${error instanceof RowError ? 'header: ' : ''}${(error as Error).message}`;
    throw error;
  }

  const parse = (line: number, text: string): SongCsvRow => {
    try {
      const fields = splitCsvLine(text);
      if (fields.length !== columns) throw new RowError(`${fields.length} fields where the header has ${columns}`);
      // PostgreSQL's text cannot hold it: the row's COPY would fail the whole batch.
      if (text.includes('\0')) throw new RowError(`field ${fields.findIndex((field) => field.includes('\0')) + 1} holds a NUL character`);
      return { line, song: parseSongRow(layout, fields, hitPopularityThreshold) };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      return { line, error };
    }
  };
  function* parseEach(lines: NumberedLine[]): Generator<SongCsvRow> {
    for (const { line, text } of lines) if (text.trim() !== '') yield parse(line, text);
  }
  async function* rowBatches(): AsyncGenerator<Iterable<SongCsvRow>> {
    if (afterHeader.length > 0) yield parseEach(afterHeader);
    afterHeader = [];
    for await (const lines of batches) yield parseEach(lines);
  }
  async function* rows(): AsyncGenerator<SongCsvRow> {
    for await (const batch of rowBatches()) yield* batch;
  }
  return { layout, rows: rows(), rowBatches: rowBatches() };
}

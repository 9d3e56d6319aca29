import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { detectFormat, parseSongRow, RowError, type CsvLayout, type SongCsvFormat } from './csv-formats.js';
import { mergeSongRows, type SongRecord } from './song-record.js';

/** Reads only a file's header and names its format, so a bad file fails before anything is imported. */
export async function detectFileFormat(path: string): Promise<SongCsvFormat> {
  const parser = createReadStream(path).pipe(parse({ bom: true, to_line: 1, relax_column_count: true }));
  for await (const header of parser as AsyncIterable<string[]>) {
    try {
      return detectFormat(header).format;
    } catch (error) {
      (error as Error).message = `${path}: ${(error as Error).message}`;
      throw error;
    } finally {
      parser.destroy();
    }
  }
  throw new Error(`${path} is empty: no header row`);
}

/**
 * Every good row of the files as songs, one per track (rows of a track merged as the import
 * does), for work that needs them in memory, such as training. Bad rows are left out.
 */
export async function readSongRecords(paths: string[], hitPopularityThreshold: number): Promise<SongRecord[]> {
  const songs = new Map<string, SongRecord>();
  for (const path of paths) {
    let layout: CsvLayout | undefined;
    for await (const record of createReadStream(path).pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true })) as AsyncIterable<string[]>) {
      if (!layout) {
        layout = detectFormat(record);
        continue;
      }
      let song: SongRecord;
      try {
        song = parseSongRow(layout, record, hitPopularityThreshold);
      } catch (error) {
        if (error instanceof RowError) continue;
        throw error;
      }
      const earlier = songs.get(song.trackId);
      songs.set(song.trackId, earlier ? mergeSongRows(earlier, song).merged : song);
    }
  }
  return [...songs.values()];
}

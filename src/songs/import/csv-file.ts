import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { detectFormat, type SongCsvFormat } from './csv-formats.js';

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

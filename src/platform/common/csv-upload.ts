import { parse } from 'csv-parse/sync';

/** An uploaded file that is not a usable CSV; the message names the problem (for a 400). */
export class CsvUploadError extends Error {}

/**
 * The records of an uploaded CSV: UTF-8 text (a byte-order mark, empty lines and spaces around
 * cells ignored), the header first. A line with too few or too many cells is kept, as that row's
 * problem rather than the file's. Reads at most `maxRows` lines past the header plus one, so the
 * caller can tell a file over its limit without parsing all of it.
 */
export function readCsvUpload(file: Buffer, maxRows: number): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new CsvUploadError('file: not a UTF-8 text (CSV) file');
  }
  if (text.includes('\0')) throw new CsvUploadError('file: not a text (CSV) file');
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, to: maxRows + 2 });
  } catch (error) {
    throw new CsvUploadError(`file: not readable as CSV (${(error as Error).message})`);
  }
}

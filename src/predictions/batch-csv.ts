import { parse } from 'csv-parse/sync';
import { DEFAULT_HIT_FEATURES } from '../hit-model/hit-features.js';

export class BatchCsvError extends Error {}

export interface BatchCsv {
  /** One object of the ten features per data line, values as numbers where they read as numbers. */
  rows: Array<Record<string, unknown>>;
  warnings: string[];
}

/** The hit-predictor files have no explicit column; their songs count as not explicit, as in training. */
const OPTIONAL_COLUMNS = new Set(['explicit']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a CSV of songs to predict: a header naming the ten features (any order, any case;
 * other columns such as a dataset's title or label are ignored), then one song per line.
 * A cell that is not a number stays text so that row's validation names it.
 */
export function parseBatchCsv(file: Buffer, maxRows: number): BatchCsv {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new BatchCsvError('file: not a UTF-8 text (CSV) file');
  }
  if (text.includes('\0')) throw new BatchCsvError('file: not a text (CSV) file');
  let records: string[][];
  try {
    // A short or long line is that row's problem, not the file's. Stops one line past the limit.
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, to: maxRows + 2 });
  } catch (error) {
    throw new BatchCsvError(`file: not readable as CSV (${(error as Error).message})`);
  }
  const [header, ...lines] = records;
  if (!header) throw new BatchCsvError('file: the CSV is empty; it needs a header naming the features and one line per song');
  const index = new Map(header.map((name, column) => [name.toLowerCase(), column]));
  const missing = DEFAULT_HIT_FEATURES.filter((feature) => !index.has(feature) && !OPTIONAL_COLUMNS.has(feature));
  if (missing.length > 0) throw new BatchCsvError(`file: the header lacks the column(s) ${missing.join(', ')}`);
  if (lines.length === 0) throw new BatchCsvError('file: the CSV has a header but no songs');
  if (lines.length > maxRows) throw new BatchCsvError(`file: more than ${maxRows.toLocaleString('en-US')} songs; split the file`);
  const warnings = [...OPTIONAL_COLUMNS].filter((column) => !index.has(column)).map((column) => `no ${column} column: every song counts as ${column} = 0`);
  const rows = lines.map((line) =>
    Object.fromEntries(
      DEFAULT_HIT_FEATURES.map((feature) => {
        const column = index.get(feature);
        return [feature, column === undefined ? 0 : cellValue(line[column])];
      }),
    ),
  );
  return { rows, warnings };
}

function cellValue(cell: string | undefined): unknown {
  if (cell === undefined || cell === '') return undefined;
  if (NUMBER.test(cell)) return Number(cell);
  return cell.toLowerCase();
}


import { CsvUploadError, readCsvUpload } from '../../platform/common/csv-upload.js';
import { DEFAULT_HIT_FEATURES } from './model/hit-features.js';

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
  const [header, ...lines] = readCsvUpload(file, maxRows);
  if (!header) throw new CsvUploadError('file: the CSV is empty; it needs a header naming the features and one line per song');
  const index = new Map(header.map((name, column) => [name.toLowerCase(), column]));
  const missing = DEFAULT_HIT_FEATURES.filter((feature) => !index.has(feature) && !OPTIONAL_COLUMNS.has(feature));
  if (missing.length > 0) throw new CsvUploadError(`file: the header lacks the column(s) ${missing.join(', ')}`);
  if (lines.length === 0) throw new CsvUploadError('file: the CSV has a header but no songs');
  if (lines.length > maxRows) throw new CsvUploadError(`file: more than ${maxRows.toLocaleString('en-US')} songs; split the file`);
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

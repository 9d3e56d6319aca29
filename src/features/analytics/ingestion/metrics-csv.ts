import { CsvUploadError, readCsvUpload } from '../../../platform/common/csv-upload.js';
import { MAX_METRIC_ROWS } from '../dto/metrics.dto.js';
import { METRIC_FIELDS } from './metric-rows.js';

const REQUIRED = ['platform', 'date'];
const KNOWN = new Set([...REQUIRED, ...Object.values(METRIC_FIELDS)]);
const WHOLE_NUMBER = /^[+-]?\d+$/;

/**
 * Reads the CSV form of a metrics batch: a header with `platform`, `date` and any of the metric
 * columns (the JSON field names, any order and case), then one platform-day per line. Empty cells
 * are left out (the stored value stays); a cell that is not a whole number stays text so that
 * line's validation names it. Unknown columns are refused rather than silently dropped: a typo
 * such as "follwers" would otherwise lose a column of data.
 */
export function parseMetricsCsv(file: Buffer): Array<Record<string, unknown>> {
  const [header, ...lines] = readCsvUpload(file, MAX_METRIC_ROWS);
  if (!header)
    throw new CsvUploadError('file: the CSV is empty; it needs a header (platform, date, followers, streams, ...) and one line per platform and day');
  const names = header.map((name) => name.toLowerCase().replace(/[\s-]+/g, '_'));
  const missing = REQUIRED.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new CsvUploadError(`file: the header lacks the column(s) ${missing.join(', ')}`);
  const unknown = names.filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) throw new CsvUploadError(`file: unknown column(s) ${unknown.join(', ')}; known columns are ${[...KNOWN].join(', ')}`);
  if (lines.length === 0) throw new CsvUploadError('file: the CSV has a header but no rows');
  if (lines.length > MAX_METRIC_ROWS) throw new CsvUploadError(`file: more than ${MAX_METRIC_ROWS.toLocaleString('en-US')} rows; split the file`);
  return lines.map((line) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, column) => {
      const cell = line[column];
      if (cell === undefined || cell === '') return;
      row[name] = REQUIRED.includes(name) ? cell.toLowerCase() : WHOLE_NUMBER.test(cell) ? Number(cell) : cell;
    });
    return row;
  });
}

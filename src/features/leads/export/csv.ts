/**
 * The lead list as CSV: RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted,
 * quotes doubled), UTF-8 with a byte-order mark so Excel reads accents (Kōwhai) instead of
 * guessing a code page. Columns: `lead-columns.ts`; unknown values are empty cells; dates ISO 8601
 * in UTC.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @,
 * tab or carriage return as a formula, so such a text cell gets a leading apostrophe — an artist
 * named "=HYPERLINK(…)" stays text. Number cells are written as numbers and never prefixed, so -3
 * stays a number.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportLead, ExportOptions } from './export-lead.js';
import { type CellValue, leadColumns } from './lead-columns.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell safe to open in a spreadsheet: prefixed with an apostrophe when it would run as a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The leads as a CSV file's bytes (see the module comment). */
export function renderCsv(leads: readonly ExportLead[], options: ExportOptions): Buffer {
  const columns = leadColumns(options);
  const rows = leads.map((lead, index) => columns.map((column) => csvCell(column.value(lead, index + 1))));
  const text = stringify([columns.map((column) => column.header), ...rows], {
    bom: true,
    record_delimiter: 'windows',
    // RFC 4180 quotes a field with any line break; csv-stringify alone quotes only the record delimiter (CRLF).
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}

function csvCell(value: CellValue): string | number | null {
  if (value === null || typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString();
  return guardFormula(value);
}

import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, renderExport } from '../../../../src/features/leads/export/export-formats.js';
import { summarize } from '../../../../src/features/leads/export/export-lead.js';
import { FILTERS, LEADS, NOW } from './export-fixtures.js';

describe('renderExport', () => {
  it('gives each format its content type, extension and body', async () => {
    const summary = summarize(LEADS, FILTERS, NOW);
    const rendered = await Promise.all(EXPORT_FORMATS.map((format) => renderExport(format, LEADS, summary, { includeYoutube: true })));
    expect(rendered.map(({ contentType, extension }) => [contentType, extension])).toEqual([
      ['text/csv; charset=utf-8', 'csv'],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
      ['application/json; charset=utf-8', 'json'],
      ['application/pdf', 'pdf'],
    ]);
    // The first bytes of each: a BOM, a zip (xlsx), JSON, a PDF.
    expect(rendered.map(({ body }) => body.subarray(0, 2).toString('latin1'))).toEqual(['\u00ef\u00bb', 'PK', '{\n', '%P']);
  });
});

describe('exportFileName', () => {
  it('names the file encore-leads-<UTC day>.<extension>', () => {
    expect(exportFileName('excel', NOW)).toBe('encore-leads-2026-11-23.xlsx');
    expect(exportFileName('csv', new Date('2026-11-23T23:30:00-05:00'))).toBe('encore-leads-2026-11-24.csv');
  });
});

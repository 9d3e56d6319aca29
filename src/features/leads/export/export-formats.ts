/**
 * One entry point for the lead-list download (`POST /api/leads/export`): the file of a format, its
 * content type and extension, and the name to offer it under. Each format lives in its own file:
 * `csv.ts`, `xlsx.ts`, `json.ts`, `pdf.ts`.
 */
import { isoDay } from '../scoring/facts.js';
import { renderCsv } from './csv.js';
import type { ExportLead, ExportOptions, ExportSummary } from './export-lead.js';
import { renderJson } from './json.js';

export const EXPORT_FORMATS = ['csv', 'excel', 'json', 'pdf'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RenderedExport {
  body: Buffer;
  contentType: string;
  /** Without the dot. */
  extension: string;
}

const FILE_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  excel: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
};

/**
 * The leads (in rank order) and their summary as a file of `format`. YouTube figures are in the
 * CSV, Excel and JSON leads only with `includeYoutube`; the report's table has no YouTube columns
 * and its summary always shows the YouTube coverage.
 */
export async function renderExport(
  format: ExportFormat,
  leads: readonly ExportLead[],
  summary: ExportSummary,
  options: ExportOptions,
): Promise<RenderedExport> {
  const body = await renderBody(format, leads, summary, options);
  return { body, ...FILE_TYPES[format] };
}

/** The download's file name, dated (UTC) with `now`: `encore-leads-2026-11-23.xlsx`. */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `encore-leads-${isoDay(now)}.${FILE_TYPES[format].extension}`;
}

// Excel and the PDF report load their libraries (exceljs; pdfkit and fontkit: about 0.4 s) when
// first asked for, not at every start of the app and the CLI.
async function renderBody(format: ExportFormat, leads: readonly ExportLead[], summary: ExportSummary, options: ExportOptions): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return renderCsv(leads, options);
    case 'excel':
      return (await import('./xlsx.js')).renderXlsx(leads, summary, options);
    case 'json':
      return renderJson(leads, summary, options);
    case 'pdf':
      return (await import('./pdf.js')).renderPdf(leads, summary);
  }
}

/**
 * The lead list as an Excel workbook (.xlsx, written by exceljs):
 *
 * - "Leads": the columns of `lead-columns.ts`, header bold, first row frozen, an autofilter over
 *   the table, numbers as numbers and dates as dates (with number formats; Excel has no time zones,
 *   so dates are UTC and their headers say so), each tier cell filled with its tier's colour.
 * - "Summary": generated at, the filters, totals, leads by tier and by region, YouTube coverage.
 *
 * Text is always written as a text cell, never as a formula, so no apostrophe guard is needed here
 * (unlike CSV): "=Rude Boy" is stored and shown as it is.
 */
import ExcelJS from 'exceljs';
import type { ExportLead, ExportOptions, ExportSummary } from './export-lead.js';
import { describeFilters, regionName, TIER_COLOURS } from './export-labels.js';
import { leadColumns } from './lead-columns.js';

/** The leads and their summary as an .xlsx file's bytes (see the module comment). */
export async function renderXlsx(leads: readonly ExportLead[], summary: ExportSummary, options: ExportOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Encore';
  workbook.created = summary.generated_at;
  addLeadsSheet(workbook, leads, options);
  addSummarySheet(workbook, summary);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addLeadsSheet(workbook: ExcelJS.Workbook, leads: readonly ExportLead[], options: ExportOptions): void {
  const columns = leadColumns(options);
  const sheet = workbook.addWorksheet('Leads', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width, style: column.numberFormat ? { numFmt: column.numberFormat } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const tierColumn = columns.findIndex((column) => column.header === 'Tier') + 1;
  leads.forEach((lead, index) => {
    const row = sheet.addRow(columns.map((column) => column.value(lead, index + 1)));
    row.getCell(tierColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${TIER_COLOURS[lead.tier]}` } };
  });
}

function addSummarySheet(workbook: ExcelJS.Workbook, summary: ExportSummary): void {
  const sheet = workbook.addWorksheet('Summary');
  sheet.columns = [{ width: 24 }, { width: 22 }];
  const section = (title: string) => {
    if (sheet.rowCount > 0) sheet.addRow([]);
    sheet.addRow([title]).font = { bold: true };
  };
  sheet.addRow(['Generated at (UTC)', summary.generated_at]).getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.addRow(['Filters', describeFilters(summary.filters)]);

  section('Totals');
  sheet.addRow(['Leads', summary.total]);
  sheet.addRow(['Average score', summary.average_score]).getCell(2).numFmt = '0.00';

  section('By tier');
  for (const [tier, count] of Object.entries(summary.by_tier)) sheet.addRow([`Tier ${tier}`, count]);

  section('By region');
  for (const [region, count] of Object.entries(summary.by_region)) sheet.addRow([regionName(region), count]);

  section('YouTube coverage');
  sheet.addRow(['With a channel', summary.youtube_coverage.with_channel]);
  sheet.addRow(['No channel found', summary.youtube_coverage.without_channel]);
  sheet.addRow(['Not checked', summary.youtube_coverage.not_checked]);
}

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../../../src/features/leads/export/export-lead.js';
import { renderXlsx } from '../../../../src/features/leads/export/xlsx.js';
import { FILTERS, LEADS, NOW } from './export-fixtures.js';

/** The workbook as exceljs reads the file back. */
async function open(includeYoutube: boolean): Promise<ExcelJS.Workbook> {
  const bytes = await renderXlsx(LEADS, summarize(LEADS, FILTERS, NOW), { includeYoutube });
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer: a copy of the file's bytes in one of their own.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** The header row's texts. */
function headers(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1) as string[];
}

/** The cell of the lead ranked `rank` under `header`. */
function cell(sheet: ExcelJS.Worksheet, rank: number, header: string): ExcelJS.Cell {
  return sheet.getRow(rank + 1).getCell(headers(sheet).indexOf(header) + 1);
}

/** The Summary sheet as label → value. */
function summaryValues(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const values = new Map<string, ExcelJS.CellValue>();
  sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
  return values;
}

let workbook: ExcelJS.Workbook;
let leads: ExcelJS.Worksheet;

beforeAll(async () => {
  workbook = await open(true);
  leads = workbook.getWorksheet('Leads')!;
});

describe('renderXlsx: Leads sheet', () => {
  it('has the sheets Leads and Summary', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Leads', 'Summary']);
  });

  it('has a bold header row and one row per lead in rank order', () => {
    expect(headers(leads).slice(0, 4)).toEqual(['Rank', 'Artist', 'Artist ID', 'Tier']);
    expect(leads.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(leads.rowCount).toBe(6);
    expect([2, 3, 4, 5, 6].map((row) => leads.getRow(row).getCell(1).value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('freezes the header row', () => {
    expect(leads.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('puts an autofilter over the header', () => {
    expect(leads.autoFilter).toBe(`A1:${leads.getRow(1).getCell(headers(leads).length).address}`);
  });

  it('sizes the columns', () => {
    expect(leads.getColumn(headers(leads).indexOf('Artist') + 1).width).toBe(28);
  });

  it('writes numbers as numbers with their formats', () => {
    const score = cell(leads, 1, 'Total score');
    expect([score.type, score.value, score.numFmt]).toEqual([ExcelJS.ValueType.Number, 86.5, '0.00']);
    expect(cell(leads, 4, 'Spotify followers').value).toBe(1_250_000);
  });

  it('writes dates as dates', () => {
    const scoredAt = cell(leads, 1, 'Scored at (UTC)');
    expect(scoredAt.type).toBe(ExcelJS.ValueType.Date);
    expect(scoredAt.value).toEqual(new Date('2026-11-20T14:05:00Z'));
  });

  it('writes text starting with "=" as text, not a formula', () => {
    const artist = cell(leads, 2, 'Artist');
    expect([artist.type, artist.value]).toEqual([ExcelJS.ValueType.String, '=Rude Boy']);
  });

  it('keeps accents and other scripts', () => {
    expect([cell(leads, 1, 'Artist').value, cell(leads, 4, 'Artist').value]).toEqual(['Kōwhai Collective', '東京事変']);
  });

  it('leaves unknown values as empty cells', () => {
    expect(['Country', 'Label', 'Spotify followers', 'Genres'].map((header) => cell(leads, 5, header).type)).toEqual([
      ExcelJS.ValueType.Null,
      ExcelJS.ValueType.Null,
      ExcelJS.ValueType.Null,
      ExcelJS.ValueType.Null,
    ]);
  });

  it('fills each tier cell with its tier colour', () => {
    const fills = [1, 2, 3, 4].map((rank) => (cell(leads, rank, 'Tier').fill as ExcelJS.FillPattern).fgColor?.argb);
    expect(fills).toEqual(['FF66BB6A', 'FFC5E1A5', 'FFFFD54F', 'FFE0E0E0']);
  });

  it('has the YouTube columns only when asked for', async () => {
    expect(cell(leads, 2, 'YouTube subscribers').value).toBe(5_000);
    const withoutYoutube = (await open(false)).getWorksheet('Leads')!;
    expect(headers(withoutYoutube).filter((header) => header.startsWith('YouTube'))).toEqual([]);
  });
});

describe('renderXlsx: Summary sheet', () => {
  let summary: Map<string, ExcelJS.CellValue>;
  beforeAll(() => {
    summary = summaryValues(workbook.getWorksheet('Summary')!);
  });

  it('says when it was generated, as a date, and what the list was filtered by', () => {
    expect(summary.get('Generated at (UTC)')).toEqual(NOW);
    expect(summary.get('Filters')).toBe('tier = A,B,C,D, min_score = 0');
  });

  it('has the totals', () => {
    expect([summary.get('Leads'), summary.get('Average score')]).toEqual([5, 42.3]);
  });

  it('counts leads per tier', () => {
    expect(['Tier A', 'Tier B', 'Tier C', 'Tier D'].map((label) => summary.get(label))).toEqual([1, 1, 1, 2]);
  });

  it('counts leads per region, by name', () => {
    expect(['New Zealand', 'Australia', 'Pacific Islands', 'Other', 'Unknown'].map((label) => summary.get(label))).toEqual([1, 1, 1, 1, 1]);
  });

  it('has the YouTube coverage', () => {
    expect(['With a channel', 'No channel found', 'Not checked'].map((label) => summary.get(label))).toEqual([2, 1, 2]);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportLead, summarize } from '../../../../src/features/leads/export/export-lead.js';
import { renderPdf } from '../../../../src/features/leads/export/pdf.js';
import { printable } from '../../../../src/features/leads/export/pdf-document.js';
import { FILTERS, LEADS, NOW } from './export-fixtures.js';

const run = promisify(execFile);
const TABLE_HEADER = /Rank\s+Artist\s+Tier\s+Score\s+Region\s+Label\s+Independence\s+Outreach/;

let folder: string;
let fileCount = 0;

/** The PDF's text as poppler's pdftotext reads it (layout kept), one string per page. */
async function pdfPages(body: Buffer): Promise<string[]> {
  const file = join(folder, `report-${++fileCount}.pdf`);
  await writeFile(file, body);
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  return stdout.split('\f').filter((page) => page.trim() !== '');
}

let report: Buffer;
let text: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'encore-lead-report-'));
  report = await renderPdf(LEADS, summarize(LEADS, FILTERS, NOW));
  text = (await pdfPages(report)).join('\n');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('renderPdf', () => {
  it('is a PDF', () => {
    expect(report.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('has the title, when it was generated and the filters', () => {
    expect(text).toContain('Encore — A&R lead report');
    expect(text).toContain('Generated 2026-11-23 09:30 UTC');
    expect(text).toContain('Filters: tier = A,B,C,D, min_score = 0');
  });

  it('has the summary numbers', () => {
    expect(text).toMatch(/Leads: 5\s+Average score: 42\.30/);
    expect(text).toContain('YouTube: 2 with a channel, 1 with no channel found, 2 not checked');
  });

  it('charts the leads per tier and per region with their counts as text', () => {
    expect(text).toContain('Leads per tier');
    expect(text).toContain('Leads per region');
    expect(['A', 'B', 'C', 'D'].map((tier) => text.match(new RegExp(`Tier ${tier}\\s+(\\d+)`))?.[1])).toEqual(['1', '1', '1', '2']);
    expect(text).toMatch(/Pacific Islands\s+1/);
  });

  it('has the lead table with its header and a row per lead', () => {
    expect(text).toMatch(TABLE_HEADER);
    expect(text).toMatch(/1\s+Kōwhai Collective\s+A\s+86\.50\s+New Zealand\s+—\s+Self-released\s+Contacted/);
    expect(text).toMatch(/2\s+=Rude Boy\s+B\s+61\.25\s+Australia\s+Rude Records, "Pty" Ltd\s+Small distributor\s+New/);
  });

  it('writes characters its font lacks as "?" and the rest of the row as usual', () => {
    expect(text).toMatch(/4\s+\?\?\?\?\s+D\s+18\.40\s+Other\s+Sony Music Japan\s+Major\s+Declined/);
  });

  it('cuts text too long for its column with "…"', async () => {
    const longName: ExportLead = { ...LEADS[0]!, artist_name: 'Kōwhai Collective and the Extraordinarily Long Band Name' };
    const [page] = await pdfPages(await renderPdf([longName], summarize([longName], {}, NOW)));
    expect(page).toMatch(/Kōwhai Collective and the Ex\S*…/);
  });

  it('continues the table over new pages, repeating the header', async () => {
    const many = Array.from({ length: 120 }, (_, index) => ({ ...LEADS[index % LEADS.length]!, artist_name: `Artist ${index + 1}` }));
    const pages = await pdfPages(await renderPdf(many, summarize(many, {}, NOW)));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => TABLE_HEADER.test(page))).toBe(true);
    expect(pages.at(-1)).toMatch(/120\s+Artist 120/);
  });

  it('says so when no lead matches', async () => {
    const [page] = await pdfPages(await renderPdf([], summarize([], { tier: 'A' }, NOW)));
    expect(page).toContain('No leads match these filters.');
    expect(page).toMatch(/Average score: —/);
  });

  it('gives the same bytes for the same leads and summary', async () => {
    expect((await renderPdf(LEADS, summarize(LEADS, FILTERS, NOW))).equals(report)).toBe(true);
  });
});

describe('printable', () => {
  it('keeps macrons and Latin accents, and writes CJK as "?"', () => {
    expect(printable('Kōwhai Tūī Beyoncé 東京')).toBe('Kōwhai Tūī Beyoncé ??');
  });
});

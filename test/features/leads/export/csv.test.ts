import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { guardFormula, renderCsv } from '../../../../src/features/leads/export/csv.js';
import type { ExportLead } from '../../../../src/features/leads/export/export-lead.js';
import { LEADS } from './export-fixtures.js';

/** The CSV's records as csv-parse reads them: arrays of strings, the header first. */
function records(body: Buffer): string[][] {
  return parse(body, { bom: true });
}

/** The data rows as objects keyed by header. */
function rows(body: Buffer): Record<string, string>[] {
  return parse(body, { bom: true, columns: true });
}

const withYoutube = renderCsv(LEADS, { includeYoutube: true });

describe('renderCsv', () => {
  it('starts with a UTF-8 byte-order mark', () => {
    expect([...withYoutube.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has a header row and one row per lead, in rank order, all as wide as the header', () => {
    const [header, ...data] = records(withYoutube);
    expect(header!.slice(0, 4)).toEqual(['Rank', 'Artist', 'Artist ID', 'Tier']);
    expect(data.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(data.every((row) => row.length === header!.length)).toBe(true);
  });

  it('says which leads are invented demo data', () => {
    expect(rows(withYoutube).map((row) => row.Demo)).toEqual(['no', 'no', 'no', 'no', 'yes']);
  });

  it('keeps accents and other scripts', () => {
    expect(rows(withYoutube).map((row) => row.Artist)).toContain('Kōwhai Collective');
    expect(rows(withYoutube)[3]!.Artist).toBe('東京事変');
  });

  it('quotes a field with a comma or quote and doubles the quotes', () => {
    expect(withYoutube.toString('utf8')).toContain('"Rude Records, ""Pty"" Ltd"');
    expect(rows(withYoutube)[1]!.Label).toBe('Rude Records, "Pty" Ltd');
  });

  it('quotes a field with a line break, and ends records with CRLF', () => {
    const text = withYoutube.toString('utf8');
    expect(text).toContain('"Small distributor (Symphonic); Only 1 upload in the last 90 days\n(fewer than one a month)"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows(withYoutube)[1]!.Reasons).toBe('Small distributor (Symphonic); Only 1 upload in the last 90 days\n(fewer than one a month)');
  });

  it('prefixes a text cell that would run as a formula with an apostrophe', () => {
    expect(rows(withYoutube)[1]!.Artist).toBe("'=Rude Boy");
  });

  it('writes numbers as plain numbers, a negative one unguarded', () => {
    const negative: ExportLead = { ...LEADS[0]!, opportunity_score: -1.5 };
    const [row] = rows(renderCsv([negative], { includeYoutube: false }));
    expect([row!['Total score'], row!['Opportunity score'], row!['Spotify followers']]).toEqual(['86.5', '-1.5', '12000']);
  });

  it('leaves unknown values empty', () => {
    const nobody = rows(withYoutube)[4]!;
    expect([nobody.Country, nobody.Label, nobody['Spotify followers'], nobody['YouTube channel ID'], nobody.Genres]).toEqual(['', '', '', '', '']);
  });

  it('joins lists with "; "', () => {
    const kowhai = rows(withYoutube)[0]!;
    expect(kowhai.Genres).toBe('indie pop; te reo Māori');
    expect(kowhai.Contacts).toBe('email: kia.ora@kowhai.example; instagram: @kowhaicollective');
    expect(kowhai.ISRCs).toBe('NZAB12400001; NZAB12400002');
  });

  it('writes dates as ISO 8601 in UTC', () => {
    expect(rows(withYoutube)[0]!['Scored at (UTC)']).toBe('2026-11-20T14:05:00.000Z');
  });

  it('has the YouTube columns only when asked for', () => {
    const youtubeHeaders = (body: Buffer) => records(body)[0]!.filter((header) => header.startsWith('YouTube'));
    expect(youtubeHeaders(withYoutube)).toEqual([
      'YouTube channel ID',
      'YouTube subscribers',
      'YouTube views',
      'YouTube uploads (90 days)',
      'YouTube opportunities',
    ]);
    expect(youtubeHeaders(renderCsv(LEADS, { includeYoutube: false }))).toEqual([]);
  });

  it('writes YouTube figures of a channel', () => {
    const rude = rows(withYoutube)[1]!;
    expect([rude['YouTube subscribers'], rude['YouTube views'], rude['YouTube opportunities']]).toEqual([
      '5000',
      '400000',
      'underperforming; inconsistent_uploads',
    ]);
  });
});

describe('guardFormula', () => {
  it('prefixes text starting with = + - @ tab or carriage return', () => {
    expect(['=1+1', '+64 21 555', '-2', '@SUM(A1)', '\tx', '\rx'].map(guardFormula)).toEqual(["'=1+1", "'+64 21 555", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]);
  });

  it('leaves other text as it is', () => {
    expect(['Kōwhai', 'a=b', ' =x', ''].map(guardFormula)).toEqual(['Kōwhai', 'a=b', ' =x', '']);
  });
});

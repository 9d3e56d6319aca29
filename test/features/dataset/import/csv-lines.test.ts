import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, splitCsvLine } from '../../../../src/features/dataset/import/csv-lines.js';
import { rowError } from '../../../support/row-error.js';

const linesOf = async (...chunks: Array<string | Buffer>) => {
  const lines = [];
  for await (const line of readLines(Readable.from(chunks))) lines.push(line);
  return lines;
};

describe('readLines', () => {
  it('ends a line at CRLF, LF and CR alike, so a file mixing them reads one row per line', async () => {
    expect(await linesOf('a,1\r\nb,2\nc,3\rd,4\r\n')).toEqual([
      { line: 1, text: 'a,1' },
      { line: 2, text: 'b,2' },
      { line: 3, text: 'c,3' },
      { line: 4, text: 'd,4' },
    ]);
  });

  it('reads a CRLF split between two chunks as one line end', async () => {
    expect(await linesOf('a,1\r', '\nb,2\r', '\n')).toEqual([
      { line: 1, text: 'a,1' },
      { line: 2, text: 'b,2' },
    ]);
  });

  it('keeps a last line without a line end, and empty lines with their numbers', async () => {
    expect(await linesOf('a\n\nb')).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '' },
      { line: 3, text: 'b' },
    ]);
  });

  it('drops a byte-order mark and decodes a character split between chunks', async () => {
    const bytes = Buffer.from('\uFEFFtitle\nSigur Rós\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ó"
    expect(await linesOf(bytes.subarray(0, cut), bytes.subarray(cut))).toEqual([
      { line: 1, text: 'title' },
      { line: 2, text: 'Sigur Rós' },
    ]);
  });
});

describe('splitCsvLine', () => {
  it('splits on commas, keeping empty fields', () => {
    expect(splitCsvLine('a,,b,')).toEqual(['a', '', 'b', '']);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('"Rain, Again",x,"Say ""When"", Darling",""')).toEqual(['Rain, Again', 'x', 'Say "When", Darling', '']);
  });

  it('rejects a quote the line never closes as a bad row, naming the field', () => {
    expect(rowError(() => splitCsvLine('ok,"Rain, Again,x,y')).message).toBe('field 2 opens a quote that the line never closes');
  });

  it('rejects text after a closing quote as a bad row', () => {
    expect(rowError(() => splitCsvLine('"Rain" Again,x')).message).toBe('field 1 has text after its closing quote');
  });
});

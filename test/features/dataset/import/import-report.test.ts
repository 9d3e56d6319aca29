import { describe, expect, it } from 'vitest';
import { emptyReport, formatImportReport, MAX_REPORTED_ERRORS, type ImportReport } from '../../../../src/features/dataset/import/import-report.js';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return { ...emptyReport(false), ...overrides };
}

const lines = (text: string) => text.split('\n');

describe('emptyReport', () => {
  it('starts every count at zero with no files or errors', () => {
    const empty = emptyReport(false);
    expect(empty).toMatchObject({
      rowsRead: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
      labelConflicts: 0,
      titleConflicts: 0,
      skipped: 0,
      cleared: 0,
      committedRows: 0,
      hits: 0,
      flops: 0,
      songsInTable: 0,
      elapsedMs: 0,
      aborted: false,
    });
    expect(empty.files).toEqual([]);
    expect(empty.errors).toEqual([]);
  });

  it('records whether the import is a dry run', () => {
    expect(emptyReport(true).dryRun).toBe(true);
    expect(emptyReport(false).dryRun).toBe(false);
  });

  it('returns fresh lists each time', () => {
    const first = emptyReport(false);
    first.errors.push({ file: 'a.csv', line: 2, reason: 'missing track' });
    first.files.push({ name: 'a.csv', format: 'kaggle', rows: 1 });
    expect(emptyReport(false).errors).toEqual([]);
    expect(emptyReport(false).files).toEqual([]);
  });
});

describe('MAX_REPORTED_ERRORS', () => {
  it('lists at most 20 errors', () => {
    expect(MAX_REPORTED_ERRORS).toBe(20);
  });
});

describe('formatImportReport', () => {
  it('starts with "Import finished." for a completed import', () => {
    expect(lines(formatImportReport(report()))[0]).toBe('Import finished.');
  });

  it('starts with the dry-run wording for a dry run', () => {
    expect(lines(formatImportReport(report({ dryRun: true })))[0]).toBe('Import finished (dry run: nothing was written).');
  });

  it('says an interrupted dry run committed nothing', () => {
    const text = formatImportReport(report({ dryRun: true, aborted: true, committedRows: 4000 }));
    expect(lines(text)[0]).toBe('Import interrupted (dry run: nothing was written).');
    expect(text).not.toContain('Committed before the interruption');
  });

  it('starts with "Import interrupted." for an aborted import', () => {
    expect(lines(formatImportReport(report({ aborted: true })))[0]).toBe('Import interrupted.');
  });

  it('lists each file with its row count and format, or "unread"', () => {
    const text = formatImportReport(
      report({
        files: [
          { name: 'data/dataset-of-60s.csv', format: 'hit-predictor', rows: 8642 },
          { name: 'broken.csv', format: '', rows: 0 },
        ],
      }),
    );
    expect(text).toContain('  data/dataset-of-60s.csv: 8,642 rows (hit-predictor)');
    expect(text).toContain('  broken.csv: 0 rows (unread)');
  });

  it('gives the rows read with the time taken and rate', () => {
    expect(formatImportReport(report({ rowsRead: 12345, elapsedMs: 2500 }))).toContain('Rows read:     12,345 in 2.5 s (4,938 rows/s)');
  });

  it('does not divide by zero when no time elapsed', () => {
    expect(formatImportReport(report({ rowsRead: 0, elapsedMs: 0 }))).toContain('Rows read:     0 in 0.0 s (0 rows/s)');
  });

  it('gives new, updated and unchanged songs', () => {
    const text = formatImportReport(report({ inserted: 1500, updated: 3, unchanged: 42 }));
    expect(text).toContain('Imported:      1,500 new songs');
    expect(text).toContain('Updated:       3 (unchanged: 42)');
  });

  it('gives the duplicates with their label and title conflict counts', () => {
    const text = formatImportReport(report({ duplicates: 1200, labelConflicts: 7, titleConflicts: 2 }));
    expect(text).toContain('Duplicates:    1,200 rows merged into an earlier row of the same track (7 with another hit label, 2 with another title)');
  });

  it('gives the skipped rows and lists each error as file:line: reason', () => {
    const text = formatImportReport(
      report({
        skipped: 2,
        errors: [
          { file: 'a.csv', line: 12, reason: 'danceability out of range 0…1: 1.2' },
          { file: 'b.csv', line: 3, reason: 'missing track' },
        ],
      }),
    );
    const all = lines(text);
    const at = all.indexOf('Skipped:       2 bad rows');
    expect(at).toBeGreaterThan(0);
    expect(all.slice(at + 1, at + 3)).toEqual(['  a.csv:12: danceability out of range 0…1: 1.2', '  b.csv:3: missing track']);
    expect(text).not.toContain('more');
  });

  it('says how many skipped rows are not listed', () => {
    const errors = Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => ({ file: 'a.csv', line: i + 2, reason: 'missing uri' }));
    const text = formatImportReport(report({ skipped: 1025, errors }));
    expect(text).toContain('Skipped:       1,025 bad rows');
    expect(text).toContain('  ... and 1,005 more');
    expect(lines(text).filter((line) => line.startsWith('  a.csv:'))).toHaveLength(MAX_REPORTED_ERRORS);
  });

  it('mentions cleared songs only when some were cleared', () => {
    expect(formatImportReport(report({ cleared: 2000 }))).toContain('Cleared:       2,000 dataset songs before importing');
    expect(formatImportReport(report({ cleared: 0 }))).not.toContain('Cleared');
  });

  it('gives hits and flops with their percentages', () => {
    expect(formatImportReport(report({ hits: 1, flops: 3 }))).toContain('HIT / FLOP:    1 (25.0 %) / 3 (75.0 %)');
    expect(formatImportReport(report({ hits: 2, flops: 1 }))).toContain('HIT / FLOP:    2 (66.7 %) / 1 (33.3 %)');
  });

  it('gives 0.0 % for both when no songs were written', () => {
    expect(formatImportReport(report())).toContain('HIT / FLOP:    0 (0.0 %) / 0 (0.0 %)');
  });

  it('gives the songs in the table', () => {
    expect(formatImportReport(report({ songsInTable: 114000 }))).toContain('Songs in table: 114,000');
  });

  it('ends with the committed rows when the import was interrupted', () => {
    const text = formatImportReport(report({ aborted: true, committedRows: 4000 }));
    expect(lines(text).at(-1)).toBe('Committed before the interruption: 4,000 rows; the rows read after them were not written.');
  });

  it('does not mention committed rows when the import finished', () => {
    expect(formatImportReport(report({ committedRows: 4000 }))).not.toContain('Committed');
  });
});

/** Bad rows listed in a report; all are counted. */
export const MAX_REPORTED_ERRORS = 20;

export interface ImportReport {
  dryRun: boolean;
  files: Array<{ name: string; format: string; rows: number }>;
  /** Data rows read (headers excluded). */
  rowsRead: number;
  /** Songs new to the table. */
  inserted: number;
  /** Songs already in the table (not from this import) whose data changed. */
  updated: number;
  /** Songs already in the table with the same data. */
  unchanged: number;
  /** Rows repeating a track already read in this import, merged into it. */
  duplicates: number;
  /** Duplicates whose hit label differs from the track's earlier rows. */
  labelConflicts: number;
  /** Duplicates whose title differs (beyond case and accents). */
  titleConflicts: number;
  skipped: number;
  errors: Array<{ file: string; line: number; reason: string }>;
  /** Dataset songs deleted first. */
  cleared: number;
  /** Good rows in committed batches. */
  committedRows: number;
  /** Hits and flops among the songs this import wrote. */
  hits: number;
  flops: number;
  songsInTable: number;
  aborted: boolean;
  elapsedMs: number;
}

export function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    files: [],
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    labelConflicts: 0,
    titleConflicts: 0,
    skipped: 0,
    errors: [],
    cleared: 0,
    committedRows: 0,
    hits: 0,
    flops: 0,
    songsInTable: 0,
    aborted: false,
    elapsedMs: 0,
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const share = (part: number, whole: number) => (whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1));

/** The report as people read it at the end of `import-songs`. */
export function formatImportReport(report: ImportReport): string {
  const seconds = report.elapsedMs / 1000;
  const songs = report.hits + report.flops;
  const lines = [
    `${report.aborted ? 'Import interrupted' : 'Import finished'}${report.dryRun ? ' (dry run: nothing was written)' : ''}.`,
    ...report.files.map((file) => `  ${file.name}: ${count(file.rows)} rows (${file.format || 'unread'})`),
    `Rows read:     ${count(report.rowsRead)} in ${seconds.toFixed(1)} s (${count(Math.round(report.rowsRead / Math.max(seconds, 0.001)))} rows/s)`,
    `Imported:      ${count(report.inserted)} new songs`,
    `Updated:       ${count(report.updated)} (unchanged: ${count(report.unchanged)})`,
    `Duplicates:    ${count(report.duplicates)} rows merged into an earlier row of the same track ` +
      `(${count(report.labelConflicts)} with another hit label, ${count(report.titleConflicts)} with another title)`,
    `Skipped:       ${count(report.skipped)} bad rows`,
    ...report.errors.map((error) => `  ${error.file}:${error.line}: ${error.reason}`),
    ...(report.skipped > report.errors.length ? [`  ... and ${count(report.skipped - report.errors.length)} more`] : []),
    ...(report.cleared > 0 ? [`Cleared:       ${count(report.cleared)} dataset songs before importing`] : []),
    `HIT / FLOP:    ${count(report.hits)} (${share(report.hits, songs)} %) / ${count(report.flops)} (${share(report.flops, songs)} %)`,
    `Songs in table: ${count(report.songsInTable)}`,
  ];
  if (report.aborted && !report.dryRun)
    lines.push(`Committed before the interruption: ${count(report.committedRows)} rows; the rows read after them were not written.`);
  return lines.join('\n');
}

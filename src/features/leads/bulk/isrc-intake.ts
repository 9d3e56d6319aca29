import { findIsrcs, parseIsrc, type InvalidIsrc } from '../isrc.js';
import { MAX_ISRCS_PER_JOB } from '../dto/isrc-validation.js';

/** The ISRCs of a bulk request, normalized and each once, with what was dropped. */
export interface IsrcIntake {
  isrcs: string[];
  duplicates: number;
  invalid: InvalidIsrc[];
}

/** A file or list that gives no job; the message says why (for a 400). */
export class IsrcIntakeError extends Error {}

/** Normalizes and deduplicates valid ISRCs (DTO validation has refused invalid ones). */
export function distinctIsrcs(values: readonly string[]): IsrcIntake {
  const isrcs = [...new Set(values.map((value) => (parseIsrc(value) as { isrc: string }).isrc))];
  return { isrcs, duplicates: values.length - isrcs.length, invalid: [] };
}

/**
 * The ISRCs of an uploaded CSV or TXT file: found in any column or line, deduplicated. Refuses
 * files that are not UTF-8 text, empty files, files with no ISRC, and more than a job takes.
 */
export function isrcsFromFile(bytes: Buffer): IsrcIntake {
  if (bytes.length === 0) throw new IsrcIntakeError('file is empty: upload a CSV or TXT file with ISRCs in any column or line');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IsrcIntakeError('file is not UTF-8 text: upload a CSV or TXT file');
  }
  if (text.includes('\0')) throw new IsrcIntakeError('file is not a text file: upload a CSV or TXT file');
  if (text.trim() === '') throw new IsrcIntakeError('file is empty: upload a CSV or TXT file with ISRCs in any column or line');
  const scan = findIsrcs(text);
  if (scan.isrcs.length === 0) {
    const invalid = scan.invalid.slice(0, 5).map((entry) => `line ${entry.line}: ${entry.error}`);
    throw new IsrcIntakeError(`file holds no valid ISRC (CC-XXX-YY-NNNNN)${invalid.length > 0 ? `; invalid: ${invalid.join('; ')}` : ''}`);
  }
  if (scan.isrcs.length > MAX_ISRCS_PER_JOB)
    throw new IsrcIntakeError(`file holds ${scan.isrcs.length} distinct ISRCs; a job takes at most ${MAX_ISRCS_PER_JOB}`);
  return scan;
}

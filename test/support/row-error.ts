import { expect } from 'vitest';
import { RowError } from '../../src/features/dataset/import/csv-formats.js';

/** The RowError `parse` throws (fails the test if it throws none). */
export function rowError(parse: () => unknown): RowError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(RowError);
    return error as RowError;
  }
  throw new Error('expected a RowError, but the row parsed');
}

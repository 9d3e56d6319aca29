import { BadRequestException } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { compileValidityCheck } from '../../../platform/common/http/compiled-validation.js';
import { describeValidationErrors } from '../../../platform/common/http/validation.js';
import { writeFeatures, type ExplainedRow, type FeatureValues, type HitModelFile, type HitPrediction } from '../model/hit-probabilities.js';
import type { BatchRowResultDto } from '../dto/batch-prediction.dto.js';
import { ManualPredictionDto } from '../dto/manual-prediction.dto.js';
import { MAX_EXPLAINED_BATCH_ROWS } from '../dto/batch-prediction.dto.js';

/** An explained batch's size limit: JSON rows checked before they go to a thread, a CSV's once read there. */
export function checkExplainedRows(rows: number): void {
  if (rows > MAX_EXPLAINED_BATCH_ROWS) {
    throw new BadRequestException(
      `explain: an explained batch takes at most ${MAX_EXPLAINED_BATCH_ROWS.toLocaleString('en-US')} rows (this one has ${rows.toLocaleString('en-US')}); split it or leave out explain`,
    );
  }
}

/** A batch's rows, read one at a time: a row's object need not outlive its check. */
export interface BatchRows {
  count: number;
  at(index: number): unknown;
  /**
   * Every row is a plain object of numbers (packed rows): the DTO's only transform (explicit's
   * true/false and strings to 0/1) leaves numbers as they are, so a row vouched for needs no copy.
   */
  numbersOnly?: boolean;
}

export const listedRows = (rows: readonly unknown[]): BatchRows => ({ count: rows.length, at: (index) => rows[index] });

/** A batch's rows sorted out: the valid ones' features, and each bad row's error by its index. */
export interface CheckedRows {
  validRows: number;
  /** `validRows × names` float32 features, row-major, in the order of the names asked for (the model's input). */
  features: Float32Array;
  errors: Array<[row: number, message: string]>;
  /** The valid rows themselves, in order, when kept (an explained batch needs them); else empty. */
  valid: FeatureValues[];
}

const ROW_VALIDATION = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true } as const;
/** Vouches for a valid row without class-validator's per-call work; a row it is not sure of goes to class-validator. */
const surelyValid = compileValidityCheck(ManualPredictionDto, { whitelist: true, forbidNonWhitelisted: true });

/**
 * Checks a batch's rows in order, each on its own as POST /api/predict/manual validates one,
 * naming every bad field; a valid row goes straight into the features matrix (`names`: its
 * columns), so a 10,000-row batch holds one matrix, not 10,000 rows and their validated copies.
 */
class BatchRowChecker {
  private readonly features: Float32Array;
  private readonly errors: CheckedRows['errors'] = [];
  private readonly valid: FeatureValues[] = [];
  private validRows = 0;
  /** Rows checked so far. */
  checked = 0;

  constructor(
    private readonly rows: BatchRows,
    private readonly names: readonly string[],
    private readonly keepValid: boolean,
  ) {
    this.features = new Float32Array(rows.count * names.length);
  }

  checkUpTo(end: number): void {
    for (; this.checked < end; this.checked++) {
      const values = this.validValues(this.rows.at(this.checked), this.checked);
      if (values === undefined) continue;
      writeFeatures(this.features, this.validRows++, values, this.names);
      if (this.keepValid) this.valid.push(values);
    }
  }

  result(): CheckedRows {
    const { validRows, errors, valid } = this;
    return { validRows, features: this.features.subarray(0, validRows * this.names.length), errors, valid };
  }

  /** The row's features when it is valid; else undefined, its error noted. */
  private validValues(row: unknown, index: number): FeatureValues | undefined {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      this.errors.push([index, 'row must be an object of the ten features']);
      return undefined;
    }
    if (this.rows.numbersOnly && surelyValid?.(row)) return row as FeatureValues;
    const checked = plainToInstance(ManualPredictionDto, row);
    if (!surelyValid?.(checked)) {
      const problems = validateSync(checked, ROW_VALIDATION);
      if (problems.length > 0) {
        this.errors.push([index, describeValidationErrors(problems).join('; ')]);
        return undefined;
      }
    }
    return { ...checked };
  }
}

/** Every row of a batch checked (see BatchRowChecker). */
export function checkBatchRows(rows: BatchRows, names: readonly string[], { keepValid = false } = {}): CheckedRows {
  const checker = new BatchRowChecker(rows, names, keepValid);
  checker.checkUpTo(rows.count);
  return checker.result();
}

/** The same check, `sliceRows` rows at a time, letting the event loop run between slices. */
export async function checkBatchRowsInSlices(rows: BatchRows, names: readonly string[], sliceRows: number): Promise<CheckedRows> {
  const checker = new BatchRowChecker(rows, names, false);
  while (checker.checked < rows.count) {
    checker.checkUpTo(Math.min(rows.count, checker.checked + sliceRows));
    if (checker.checked < rows.count) await setImmediate();
  }
  return checker.result();
}

/** What a batch's rows came to: what the model runs (their features) and each bad row's error, or why not. */
export type BatchOutcome =
  | {
      outcome: 'predicted';
      rowCount: number;
      errors: CheckedRows['errors'];
      validRows: number;
      /** `validRows × model features` in the model's feature order (transferred, not copied); empty without valid rows. */
      features: Float32Array;
      warnings: string[];
      /** With `explain`: each valid row's raw score and explanation, in order; null when the version cannot explain. */
      explained?: ExplainedRow[] | null;
    }
  /** Valid rows, but no model to run them. */
  | { outcome: 'unavailable'; validRows: number }
  | { outcome: 'bad-request'; message: string }
  | { outcome: 'failed'; message: string };

/** A check's outcome for the model version in use: the valid rows' features to run, or no model for them. */
export function checkedOutcome(
  { validRows, features, errors }: CheckedRows,
  rowCount: number,
  model: HitModelFile | undefined,
  warnings: string[],
): BatchOutcome {
  if (validRows > 0 && !model) return { outcome: 'unavailable', validRows };
  return { outcome: 'predicted', rowCount, errors, validRows, features, warnings };
}

/** A batch row's prediction as the API answers it (the model version goes once per answer; the explanation only when asked for). */
export function predictionResult({ prediction, confidence, probabilities, rawProbability, explanation }: HitPrediction): BatchRowResultDto {
  const result: BatchRowResultDto = { prediction, confidence, probabilities, raw_probability: rawProbability };
  if (explanation !== undefined) result.explanation = explanation;
  return result;
}

/** One result per row, in order: a bad row's error, or the next valid row's prediction. */
export function batchResults(rowCount: number, errors: CheckedRows['errors'], predictions: HitPrediction[]): BatchRowResultDto[] {
  const errorOf = new Map(errors);
  let next = 0;
  return Array.from({ length: rowCount }, (_, row) => {
    const error = errorOf.get(row);
    return error !== undefined ? { error } : predictionResult(predictions[next++]!);
  });
}

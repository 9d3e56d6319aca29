import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { compileValidityCheck } from '../../../platform/common/http/compiled-validation.js';
import { describeValidationErrors } from '../../../platform/common/http/validation.js';
import { writeFeatures, type FeatureValues, type HitPrediction } from '../model/hit-probabilities.js';
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
 * Each row validated on its own, as POST /api/predict/manual validates one, naming every bad field;
 * a valid row goes straight into the features matrix (`names`: its columns), so a 10,000-row batch
 * holds one matrix, not 10,000 rows and their validated copies.
 */
export function checkBatchRows(rows: BatchRows, names: readonly string[], { keepValid = false } = {}): CheckedRows {
  const features = new Float32Array(rows.count * names.length);
  const errors: CheckedRows['errors'] = [];
  const valid: FeatureValues[] = [];
  let validRows = 0;
  for (let index = 0; index < rows.count; index++) {
    const row = rows.at(index);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      errors.push([index, 'row must be an object of the ten features']);
      continue;
    }
    const checked = plainToInstance(ManualPredictionDto, row);
    if (!surelyValid?.(checked)) {
      const problems = validateSync(checked, ROW_VALIDATION);
      if (problems.length > 0) {
        errors.push([index, describeValidationErrors(problems).join('; ')]);
        continue;
      }
    }
    const values: FeatureValues = { ...checked };
    writeFeatures(features, validRows++, values, names);
    if (keepValid) valid.push(values);
  }
  return { validRows, features: features.subarray(0, validRows * names.length), errors, valid };
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

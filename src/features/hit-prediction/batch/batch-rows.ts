import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '../../../platform/common/http/validation.js';
import type { FeatureValues, HitPrediction } from '../model/hit-probabilities.js';
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

/** A batch's rows sorted out: the valid ones' features in order, and each bad row's error by its index. */
export interface CheckedRows {
  valid: FeatureValues[];
  errors: Array<[row: number, message: string]>;
}

/** Each row validated on its own, as POST /api/predict/manual validates one, naming every bad field. */
export function checkBatchRows(rows: unknown[]): CheckedRows {
  const valid: FeatureValues[] = [];
  const errors: CheckedRows['errors'] = [];
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return errors.push([index, 'row must be an object of the ten features']);
    const features = plainToInstance(ManualPredictionDto, row);
    const problems = validateSync(features, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
    if (problems.length > 0) return errors.push([index, describeValidationErrors(problems).join('; ')]);
    valid.push({ ...features });
  });
  return { valid, errors };
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

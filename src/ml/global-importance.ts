/**
 * Global importance of a forest's features as the mean absolute Shapley contribution over rows
 * (Lundberg et al. 2020): how far, on average, each feature moves a prediction, in the units of
 * the probability. Unlike impurity importance it is measured on the rows given (normally held-out
 * ones) and does not favour features with many split points.
 */
import type { ForestExplainer } from './tree-shap.js';

export interface MeanAbsoluteContributions {
  /** Per feature, in the model's feature order. */
  values: Float64Array;
  /** The rows they were averaged over. */
  rows: number;
}

/**
 * Mean |contribution| of each feature to class `classIndex` over `rows` rows (row-major,
 * `rows × featureCount`), or over `maxRows` of them evenly spaced when there are more (each
 * explanation costs milliseconds; a thousand rows give the mean to about a tenth of its spread).
 */
export function meanAbsoluteContributions(
  explainer: ForestExplainer,
  features: ArrayLike<number>,
  rows: number,
  classIndex: number,
  maxRows = Number.POSITIVE_INFINITY,
): MeanAbsoluteContributions {
  if (rows < 1) throw new RangeError('global importance needs at least one row');
  const featureCount = explainer.model.featureCount;
  const used = Math.min(rows, Math.max(1, Math.floor(maxRows)));
  const values = new Float64Array(featureCount);
  const row = new Float64Array(featureCount);
  for (let k = 0; k < used; k++) {
    const index = Math.floor((k * rows) / used);
    for (let f = 0; f < featureCount; f++) row[f] = features[index * featureCount + f]!;
    const phi = explainer.shapValues(row, classIndex);
    for (let f = 0; f < featureCount; f++) values[f]! += Math.abs(phi[f]!);
  }
  for (let f = 0; f < featureCount; f++) values[f]! /= used;
  return { values, rows: used };
}

import { calibrationReport, chooseCalibration } from '../../../ml/calibration.js';
import { predictProbabilities, type RandomForestModel } from '../../../ml/forest.js';
import { meanAbsoluteContributions } from '../../../ml/global-importance.js';
import { coverFromRows, ForestExplainer, type NodeCover } from '../../../ml/tree-shap.js';
import type { FeatureImportance, ModelCalibration } from '../../../platform/models/model-card.js';

/** Held-out rows the global importance is averaged over, at most (about 3 ms each for the shipped forest). */
export const IMPORTANCE_ROWS = 1_000;

/** What a hit model version stores to calibrate and explain its answers, measured on held-out rows. */
export interface HitModelExplanations {
  /** Each node's training cover, written into the ONNX file. */
  cover: NodeCover;
  /** Undefined when the out-of-bag scores cannot be calibrated (too few rows of a class for the folds). */
  calibration: ModelCalibration | undefined;
  importance: FeatureImportance[];
}

export interface HitModelData {
  model: RandomForestModel;
  features: string[];
  train: { x: Float32Array; y: Int32Array };
  /** Each training row's out-of-bag class probabilities (`rows × 2`). */
  outOfBag: Float64Array | undefined;
  test: { x: Float32Array; y: Int32Array };
}

/** The HIT class's index among the model's classes [0, 1]. */
const HIT = 1;

/**
 * The node cover of the training rows; the calibration chosen on out-of-bag scores, reported on
 * the test rows; and the global importance (mean |contribution| to the raw HIT probability) over
 * up to IMPORTANCE_ROWS test rows, largest first.
 */
export function hitModelExplanations({ model, features, train, outOfBag, test }: HitModelData): HitModelExplanations {
  const cover = coverFromRows(model, train.x, train.y.length);
  let calibration: ModelCalibration | undefined;
  if (outOfBag && test.y.length > 0) {
    try {
      const { calibration: fit } = chooseCalibration(
        Float64Array.from(train.y, (_, row) => outOfBag[row * 2 + HIT]!),
        train.y,
      );
      const rawTest = new Float64Array(test.y.length);
      const probabilities = predictProbabilities(model, test.x, test.y.length);
      for (let row = 0; row < rawTest.length; row++) rawTest[row] = probabilities[row * 2 + HIT]!;
      calibration = { ...calibrationReport(fit, rawTest, test.y), fit };
    } catch (error) {
      // Too few out-of-bag rows for the calibration's folds: the version answers raw probabilities.
      if (!(error instanceof RangeError)) throw error;
      calibration = undefined;
    }
  }
  const explainer = new ForestExplainer(model, cover);
  const rows = test.y.length > 0 ? test : train;
  const { values } = meanAbsoluteContributions(explainer, rows.x, rows.y.length, HIT, IMPORTANCE_ROWS);
  const importance = features
    .map((feature, index) => ({ feature, mean_abs_contribution: values[index]! }))
    .sort((a, b) => b.mean_abs_contribution - a.mean_abs_contribution);
  return { cover, calibration, importance };
}

/**
 * Calibrating a forest's positive-class scores: isotonic regression or Platt scaling, fitted on
 * out-of-bag scores (each row scored only by trees that did not see it), whichever has the lower
 * Brier score on rows its fit did not see (k-fold over the out-of-bag rows); then refitted on all
 * of them. A calibration is plain data, to store with the model version.
 */
import { brierScore, calibrationErrorOf, type ReliabilityBin, reliabilityTable } from './calibration-metrics.js';
import { fitIsotonic, type IsotonicFit, predictIsotonic } from './isotonic.js';
import { fitPlatt, type PlattFit, predictPlatt } from './platt.js';
import { stratifiedKFold } from './split.js';

export type Calibration = ({ method: 'isotonic' } & IsotonicFit) | ({ method: 'platt' } & PlattFit);
export type CalibrationMethod = Calibration['method'];

export const CALIBRATION_METHODS: readonly CalibrationMethod[] = ['isotonic', 'platt'];

export function fitCalibration(method: CalibrationMethod, scores: ArrayLike<number>, labels: ArrayLike<number>): Calibration {
  return method === 'isotonic' ? { method, ...fitIsotonic(scores, labels) } : { method, ...fitPlatt(scores, labels) };
}

/** The calibrated probability of a raw score. */
export function calibrate(calibration: Calibration, score: number): number {
  return calibration.method === 'isotonic' ? predictIsotonic(calibration, score) : predictPlatt(calibration, score);
}

export function calibrateAll(calibration: Calibration, scores: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: scores.length }, (_, i) => calibrate(calibration, scores[i]!));
}

export interface CalibrationChoice {
  calibration: Calibration;
  /** Brier score of each method's out-of-fold predictions (the choice is the lower). */
  cross_validated_brier: Record<CalibrationMethod, number>;
}

/**
 * Fits both methods on k − 1 folds and scores the held-out fold, for each of `folds` stratified
 * folds; picks the method with the lower Brier score over all held-out predictions (isotonic on a
 * tie) and refits it on every row. Rows with a NaN score (never out of bag) are left out.
 */
export function chooseCalibration(scores: ArrayLike<number>, labels: ArrayLike<number>, options: { folds?: number; seed?: number } = {}): CalibrationChoice {
  if (scores.length !== labels.length) throw new RangeError(`${scores.length} scores for ${labels.length} labels`);
  const kept = Array.from({ length: scores.length }, (_, i) => i).filter((i) => !Number.isNaN(scores[i]!));
  const x = Float64Array.from(kept, (i) => scores[i]!);
  const y = Int32Array.from(kept, (i) => (labels[i]! > 0 ? 1 : 0));
  const folds = stratifiedKFold(y, options.folds ?? 5, options.seed ?? 42);
  const brier = {} as Record<CalibrationMethod, number>;
  for (const method of CALIBRATION_METHODS) {
    const predicted = new Float64Array(y.length);
    for (const test of folds) {
      const inTest = new Uint8Array(y.length);
      for (const row of test) inTest[row] = 1;
      const train = Int32Array.from({ length: y.length }, (_, i) => i).filter((i) => !inTest[i]);
      const fit = fitCalibration(
        method,
        Float64Array.from(train, (i) => x[i]!),
        Int32Array.from(train, (i) => y[i]!),
      );
      for (const row of test) predicted[row] = calibrate(fit, x[row]!);
    }
    brier[method] = brierScore(predicted, y);
  }
  const best = CALIBRATION_METHODS.reduce((a, b) => (brier[b] < brier[a] ? b : a));
  return { calibration: fitCalibration(best, x, y), cross_validated_brier: brier };
}

/** What a model card says about calibration, measured on held-out rows. */
export interface CalibrationReport {
  method: CalibrationMethod;
  rows: number;
  brier_before: number;
  brier_after: number;
  ece_before: number;
  ece_after: number;
  /** 10 equal-width bins of the calibrated probability. */
  reliability: ReliabilityBin[];
  /** The same bins for the raw forest score. */
  reliability_before: ReliabilityBin[];
}

export function calibrationReport(calibration: Calibration, rawScores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationReport {
  const calibrated = calibrateAll(calibration, rawScores);
  const before = reliabilityTable(rawScores, labels, bins);
  const after = reliabilityTable(calibrated, labels, bins);
  return {
    method: calibration.method,
    rows: labels.length,
    brier_before: brierScore(rawScores, labels),
    brier_after: brierScore(calibrated, labels),
    ece_before: calibrationErrorOf(before),
    ece_after: calibrationErrorOf(after),
    reliability: after,
    reliability_before: before,
  };
}

import { BadRequestException } from '@nestjs/common';
import { calibrate, type Calibration } from '../../../ml/calibration.js';
import type { Explanation } from '../../../ml/tree-shap.js';

/** One row explained: the forest's raw HIT probability and what each feature added to it. */
export interface ExplainedRow {
  /** In double precision, from the same trees the explanation walks: `base_value + Σ contribution` equals it. */
  raw: number;
  explanation: Explanation;
}

export interface HitPrediction {
  isHit: boolean;
  prediction: 'HIT' | 'FLOP';
  /** The winning class's probability, 0–100, two decimals (calibrated when the version has a calibration). */
  confidence: number;
  /** Calibrated when `calibrated`, else the forest's raw probabilities. */
  probabilities: { HIT: number; FLOP: number };
  modelVersion: string;
  /** The forest's raw HIT probability, 0–1 (with an explanation: the double-precision score it adds up to). */
  rawProbability: number;
  calibrated: boolean;
  /** Undefined when not asked for; null when the version cannot explain (no node cover in its file). */
  explanation?: Explanation | null;
}

export type FeatureValues = Record<string, number | boolean>;

/** What another thread needs to run a hit model version with a session of its own. */
export interface HitModelFile {
  version: string;
  onnxPath: string;
  /** The model's input columns, in order. */
  features: string[];
  /** The HIT class's column of the probabilities. */
  hitColumn: number;
  /** The version's calibration (from its card); undefined for a version trained before calibration. */
  calibration?: Calibration;
}

/** The model's input: `rows × names.length` float32 features, row-major, in the card's feature order. */
export function featureMatrix(rows: FeatureValues[], names: readonly string[]): Float32Array {
  const features = new Float32Array(rows.length * names.length);
  rows.forEach((row, r) => writeFeatures(features, r, row, names));
  return features;
}

/** Writes one row's features as row `r` of a matrix made as {@link featureMatrix} makes it. */
export function writeFeatures(features: Float32Array, r: number, row: FeatureValues, names: readonly string[]): void {
  names.forEach((name, column) => {
    const value = row[name];
    if (typeof value !== 'number' && typeof value !== 'boolean') throw new BadRequestException(`${name} is required`);
    features[r * names.length + column] = Number(value);
  });
}

/** How a version's answers are made beyond the forest's probabilities. */
export interface HitScoring {
  modelVersion: string;
  /** The HIT class's column of the probabilities. */
  hitColumn: number;
  /** The version's calibration of the HIT probability; undefined for a version trained before calibration. */
  calibration?: Calibration;
  /**
   * When explanations were asked for: each row's, in order (their raw score replaces onnxruntime's
   * float32 one, so the explanation adds up to the answered raw_probability); null when the
   * version cannot explain.
   */
  explained?: ExplainedRow[] | null;
}

/**
 * One prediction per row from the model's `rows × 2` class probabilities. With a calibration, HIT
 * is the calibrated raw HIT probability and FLOP its complement; without, both are the forest's.
 */
export function hitPredictions(probabilities: Float32Array, rows: number, scoring: HitScoring): HitPrediction[] {
  const { hitColumn, calibration, explained, modelVersion } = scoring;
  return Array.from({ length: rows }, (_, r) => {
    const row = explained?.[r];
    const raw = row ? row.raw : probabilities[r * 2 + hitColumn]!;
    const hit = calibration ? calibrate(calibration, raw) : raw;
    const flop = calibration ? 1 - hit : row ? 1 - raw : probabilities[r * 2 + 1 - hitColumn]!;
    // The label comes from the probabilities (onnxruntime's own label output is unreliable for two classes).
    const isHit = hit > flop;
    const prediction: HitPrediction = {
      isHit,
      prediction: isHit ? 'HIT' : 'FLOP',
      confidence: Math.round(Math.max(hit, flop) * 10_000) / 100,
      probabilities: { HIT: hit, FLOP: flop },
      modelVersion,
      rawProbability: raw,
      calibrated: calibration !== undefined,
    };
    if (explained !== undefined) prediction.explanation = row ? row.explanation : null;
    return prediction;
  });
}

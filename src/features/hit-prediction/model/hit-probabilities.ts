import { BadRequestException } from '@nestjs/common';

export interface HitPrediction {
  isHit: boolean;
  prediction: 'HIT' | 'FLOP';
  /** The winning class's probability, 0–100, two decimals. */
  confidence: number;
  probabilities: { HIT: number; FLOP: number };
  modelVersion: string;
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
}

/** The model's input: `rows × names.length` float32 features, row-major, in the card's feature order. */
export function featureMatrix(rows: FeatureValues[], names: string[]): Float32Array {
  const features = new Float32Array(rows.length * names.length);
  rows.forEach((row, r) =>
    names.forEach((name, column) => {
      const value = row[name];
      if (typeof value !== 'number' && typeof value !== 'boolean') throw new BadRequestException(`${name} is required`);
      features[r * names.length + column] = Number(value);
    }),
  );
  return features;
}

/** One prediction per row from the model's `rows × 2` class probabilities (`hitColumn`: the HIT class's column). */
export function hitPredictions(probabilities: Float32Array, rows: number, hitColumn: number, modelVersion: string): HitPrediction[] {
  return Array.from({ length: rows }, (_, r) => {
    const hit = probabilities[r * 2 + hitColumn]!;
    const flop = probabilities[r * 2 + 1 - hitColumn]!;
    // The label comes from the probabilities (onnxruntime's own label output is unreliable for two classes).
    const isHit = hit > flop;
    return {
      isHit,
      prediction: isHit ? 'HIT' : 'FLOP',
      confidence: Math.round(Math.max(hit, flop) * 10_000) / 100,
      probabilities: { HIT: hit, FLOP: flop },
      modelVersion,
    };
  });
}

import { Random } from '../../src/ml/random.js';

/** A seeded training set for the forest's tests: row-major float32 features and class indices. */
export interface Dataset {
  x: Float32Array;
  y: Int32Array;
  rows: number;
  featureCount: number;
}

/** `rows` rows of `featureCount` uniform [0, 1) features; the class comes from `label(row features)`. */
export function randomDataset(rows: number, featureCount: number, seed: number, label: (features: number[], random: Random) => number): Dataset {
  const random = new Random(seed);
  const x = new Float32Array(rows * featureCount);
  const y = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const features = Array.from({ length: featureCount }, () => Math.fround(random.next()));
    x.set(features, row * featureCount);
    y[row] = label(features, random);
  }
  return { x, y, rows, featureCount };
}

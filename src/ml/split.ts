import { Random } from './random.js';

export interface Split {
  /** Row indices, ascending. */
  train: Int32Array;
  test: Int32Array;
}

/**
 * A seeded, stratified hold-out split: each class keeps its share in the test set
 * (round(count × testFraction) rows of each class), as scikit-learn's train_test_split(stratify=y).
 */
export function stratifiedSplit(labels: ArrayLike<number>, testFraction: number, seed: number): Split {
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError('testFraction must be between 0 and 1');
  const random = new Random(seed);
  const byClass = new Map<number, number[]>();
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row]!;
    if (!byClass.has(label)) byClass.set(label, []);
    byClass.get(label)!.push(row);
  }
  const test: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(label)!;
    // Fisher–Yates, then the first share of the class goes to the test set.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = random.nextInt(i + 1);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    test.push(...rows.slice(0, Math.round(rows.length * testFraction)));
  }
  const inTest = new Uint8Array(labels.length);
  for (const row of test) inTest[row] = 1;
  const train: number[] = [];
  for (let row = 0; row < labels.length; row++) if (!inTest[row]) train.push(row);
  return { train: Int32Array.from(train), test: Int32Array.from(test.sort((a, b) => a - b)) };
}

/** The rows of a row-major matrix, in the order given. */
export function takeRows(matrix: Float32Array, featureCount: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * featureCount);
  rows.forEach((row, i) => out.set(matrix.subarray(row * featureCount, (row + 1) * featureCount), i * featureCount));
  return out;
}

/**
 * Seeded stratified k-fold: the test rows of each of `k` folds, every class dealt round-robin
 * over the folds after a shuffle, so each fold keeps the classes' shares (scikit-learn's
 * StratifiedKFold(shuffle=True) in spirit). Every row is in exactly one fold.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, seed: number): Int32Array[] {
  if (!(Number.isInteger(k) && k >= 2 && k <= labels.length)) throw new RangeError(`k must be an integer from 2 to ${labels.length}`);
  const random = new Random(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  const byClass = new Map<number, number[]>();
  for (let row = 0; row < labels.length; row++) {
    if (!byClass.has(labels[row]!)) byClass.set(labels[row]!, []);
    byClass.get(labels[row]!)!.push(row);
  }
  let next = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(label)!;
    for (let i = rows.length - 1; i > 0; i--) {
      const j = random.nextInt(i + 1);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    // Continue dealing where the previous class stopped, so fold sizes stay within one row.
    for (const row of rows) folds[next++ % k]!.push(row);
  }
  return folds.map((fold) => Int32Array.from(fold.sort((a, b) => a - b)));
}

/** Every row index of 0..rows-1 that is not in `excluded` (sorted ascending). */
export function complementRows(rows: number, excluded: Int32Array): Int32Array {
  const skip = new Uint8Array(rows);
  for (const row of excluded) skip[row] = 1;
  const out: number[] = [];
  for (let row = 0; row < rows; row++) if (!skip[row]) out.push(row);
  return Int32Array.from(out);
}

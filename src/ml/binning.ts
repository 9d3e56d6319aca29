/**
 * Quantile binning of training features for histogram-based tree growing.
 * Codes are row-major: a tree node's rows then read one cache line each for all features.
 *
 * Each feature gets at most 256 bins: one per distinct (float32) value when there are few,
 * otherwise groups of adjacent distinct values holding about the same number of rows. Bin `b`
 * of a feature has an upper edge `threshold` (a float32 value, Math.fround) such that for any
 * value x, `Math.fround(x) <= threshold[b]` ⇔ `bin(x) <= b`; so a split "bin <= b" found on the
 * codes is the split "x <= threshold[b]" on raw values. Edges sit between adjacent distinct
 * training values (their midpoint rounded to float32), the last edge is +Infinity.
 */

export const MAX_BINS = 256;

export interface BinnedFeatures {
  rows: number;
  featureCount: number;
  /** Bin codes, row-major like the features: `codes[row * featureCount + feature]`. */
  codes: Uint8Array;
  /** Number of bins of each feature (1..maxBins). */
  binCounts: Int32Array;
  /**
   * Bin upper edges, `thresholds[feature * MAX_BINS + bin]`, increasing within a feature; the
   * last bin of a feature has +Infinity, entries past it are unused (+Infinity).
   */
  thresholds: Float64Array;
}

export interface BinningOptions {
  /** At most this many bins per feature (2..256); default 256. */
  maxBins?: number;
  /** Allocate `codes` on a SharedArrayBuffer (to hand to worker threads without a copy). */
  shared?: boolean;
}

/**
 * Bin edges of one feature's training values: increasing float32 values, the last +Infinity.
 * Throws on NaN.
 */
export function binThresholds(values: ArrayLike<number>, maxBins = MAX_BINS): Float64Array {
  if (!Number.isInteger(maxBins) || maxBins < 1 || maxBins > MAX_BINS) throw new RangeError(`maxBins must be an integer in 1..${MAX_BINS}`);
  const sorted = Float32Array.from(values);
  for (let i = 0; i < sorted.length; i++) if (Number.isNaN(sorted[i])) throw new RangeError('cannot bin NaN feature values');
  sorted.sort();

  // Distinct values and their counts.
  const distinct = new Float64Array(sorted.length);
  const counts = new Int32Array(sorted.length);
  let distinctCount = 0;
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i]!;
    if (distinctCount > 0 && distinct[distinctCount - 1] === value) counts[distinctCount - 1]!++;
    else {
      distinct[distinctCount] = value;
      counts[distinctCount++] = 1;
    }
  }

  // Indices of the distinct values that close a bin (the last bin is closed implicitly).
  const closing: number[] = [];
  if (distinctCount <= maxBins) {
    for (let i = 0; i < distinctCount - 1; i++) closing.push(i);
  } else {
    // Greedy equal-frequency bins: each bin aims at (rows left) / (bins left), so a heavy value
    // does not starve the bins after it. Once as many bins remain as distinct values, one each.
    let rowsLeft = sorted.length;
    let binsLeft = maxBins;
    let target = rowsLeft / binsLeft;
    let inBin = 0;
    const close = (index: number) => {
      closing.push(index);
      rowsLeft -= inBin;
      binsLeft--;
      inBin = 0;
      target = rowsLeft / binsLeft;
    };
    for (let i = 0; i < distinctCount - 1 && binsLeft > 1; i++) {
      const count = counts[i]!;
      if (distinctCount - i + (inBin > 0 ? 1 : 0) <= binsLeft) {
        // Enough bins left for every remaining distinct value.
        if (inBin > 0) close(i - 1);
        if (binsLeft > 1) {
          inBin = count;
          close(i);
        }
        continue;
      }
      // Close the bin before this value when that lands nearer the target than including it.
      if (inBin > 0 && inBin + count - target > target - inBin) close(i - 1);
      inBin += count;
      if (inBin >= target && binsLeft > 1) close(i);
    }
  }

  const thresholds = new Float64Array(closing.length + 1);
  for (let k = 0; k < closing.length; k++) {
    const lower = distinct[closing[k]!]!;
    const upper = distinct[closing[k]! + 1]!;
    let edge = Math.fround(lower / 2 + upper / 2);
    // float32 rounding may land on (or, for infinities, past) a neighbour: keep lower <= edge < upper.
    if (!(edge >= lower && edge < upper)) edge = lower;
    thresholds[k] = edge;
  }
  thresholds[closing.length] = Number.POSITIVE_INFINITY;
  return thresholds;
}

/** Bin of `value` given a feature's edges `thresholds[offset .. offset + binCount)`. */
export function binOf(thresholds: ArrayLike<number>, offset: number, binCount: number, value: number): number {
  const x = Math.fround(value);
  let lo = 0;
  let hi = binCount - 1; // the last edge is +Infinity: always satisfied (NaN goes there too)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= thresholds[offset + mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bins a row-major `rows × featureCount` matrix. */
export function binFeatures(features: ArrayLike<number>, rows: number, featureCount: number, options: BinningOptions = {}): BinnedFeatures {
  const maxBins = options.maxBins ?? MAX_BINS;
  if (features.length !== rows * featureCount) throw new RangeError(`expected ${rows} × ${featureCount} feature values, got ${features.length}`);
  const codes = options.shared ? new Uint8Array(new SharedArrayBuffer(rows * featureCount)) : new Uint8Array(rows * featureCount);
  const binCounts = new Int32Array(featureCount);
  const thresholds = new Float64Array(featureCount * MAX_BINS).fill(Number.POSITIVE_INFINITY);
  const column = new Float32Array(rows);
  for (let feature = 0; feature < featureCount; feature++) {
    for (let row = 0; row < rows; row++) column[row] = features[row * featureCount + feature]!;
    const edges = binThresholds(column, maxBins);
    const offset = feature * MAX_BINS;
    thresholds.set(edges, offset);
    binCounts[feature] = edges.length;
    for (let row = 0; row < rows; row++) codes[row * featureCount + feature] = binOf(thresholds, offset, edges.length, column[row]!);
  }
  return { rows, featureCount, codes, binCounts, thresholds };
}

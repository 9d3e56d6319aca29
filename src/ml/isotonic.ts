/**
 * Isotonic regression by pool-adjacent-violators, as scikit-learn's IsotonicRegression
 * (increasing, out_of_bounds='clip'): the non-decreasing step fit of 0/1 labels on scores that
 * minimizes squared error, predicted by linear interpolation between the fit's breakpoints.
 */

/** Breakpoints of the fitted curve: scores ascending, calibrated values non-decreasing. */
export interface IsotonicFit {
  x: number[];
  y: number[];
}

export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): IsotonicFit {
  if (scores.length !== labels.length) throw new RangeError(`${scores.length} scores for ${labels.length} labels`);
  if (scores.length === 0) throw new RangeError('no rows to fit on');
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  // Equal scores become one point: their mean label, weighted by how many they are.
  const xs: number[] = [];
  const means: number[] = [];
  const weights: number[] = [];
  for (const i of order) {
    const score = scores[i]!;
    if (!Number.isFinite(score)) throw new RangeError(`score ${i} is not a number`);
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === score) {
      means[last] = (means[last]! * weights[last]! + labels[i]!) / (weights[last]! + 1);
      weights[last]!++;
    } else {
      xs.push(score);
      means.push(labels[i]!);
      weights.push(1);
    }
  }
  // Pool adjacent violators: a stack of blocks (mean, weight, points).
  const blockMean: number[] = [];
  const blockWeight: number[] = [];
  const blockSize: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    let mean = means[i]!;
    let weight = weights[i]!;
    let size = 1;
    while (blockMean.length > 0 && blockMean.at(-1)! >= mean) {
      const w = blockWeight.pop()!;
      mean = (blockMean.pop()! * w + mean * weight) / (w + weight);
      weight += w;
      size += blockSize.pop()!;
    }
    blockMean.push(mean);
    blockWeight.push(weight);
    blockSize.push(size);
  }
  const fitted: number[] = [];
  blockMean.forEach((mean, b) => {
    for (let k = 0; k < blockSize[b]!; k++) fitted.push(mean);
  });
  // Keep the ends of each flat run: the points inside add nothing to the interpolation.
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const inside = i > 0 && i < xs.length - 1 && fitted[i - 1] === fitted[i] && fitted[i + 1] === fitted[i];
    if (!inside) {
      x.push(xs[i]!);
      y.push(fitted[i]!);
    }
  }
  return { x, y };
}

/** The fitted curve at `score`: linear between breakpoints, clipped to the end values outside them. */
export function predictIsotonic(fit: IsotonicFit, score: number): number {
  const { x, y } = fit;
  if (score <= x[0]!) return y[0]!;
  const last = x.length - 1;
  if (score >= x[last]!) return y[last]!;
  // Binary search for the last breakpoint <= score.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= score) lo = mid;
    else hi = mid;
  }
  const t = (score - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

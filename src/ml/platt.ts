/**
 * Platt scaling: p = 1 / (1 + exp(a × score + b)), fitted by maximum likelihood on Platt's
 * smoothed targets (positives (N+ + 1) / (N+ + 2), negatives 1 / (N− + 2)) with Newton's method
 * and a backtracking line search — the algorithm of Lin, Lin and Weng (2007), which
 * scikit-learn's CalibratedClassifierCV(method='sigmoid') also follows.
 */

export interface PlattFit {
  a: number;
  b: number;
}

const MAX_ITERATIONS = 100;
const MIN_STEP = 1e-10;
const HESSIAN_RIDGE = 1e-12;
const GRADIENT_TOLERANCE = 1e-5;

export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): PlattFit {
  const n = labels.length;
  if (scores.length !== n) throw new RangeError(`${scores.length} scores for ${n} labels`);
  if (n === 0) throw new RangeError('no rows to fit on');
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]! > 0 ? 1 : 0;
  const negatives = n - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const target = Float64Array.from({ length: n }, (_, i) => (labels[i]! > 0 ? high : low));

  // Cross-entropy of the targets, computed without overflow.
  const loss = (a: number, b: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = scores[i]! * a + b;
      sum += z >= 0 ? target[i]! * z + Math.log1p(Math.exp(-z)) : (target[i]! - 1) * z + Math.log1p(Math.exp(z));
    }
    return sum;
  };

  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let value = loss(a, b);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let h11 = HESSIAN_RIDGE;
    let h22 = HESSIAN_RIDGE;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const score = scores[i]!;
      const z = score * a + b;
      // p = P(positive) = 1 / (1 + e^z), q = 1 − p.
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const q = 1 - p;
      const d2 = p * q;
      h11 += score * score * d2;
      h22 += d2;
      h21 += score * d2;
      const d1 = target[i]! - p;
      g1 += score * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < GRADIENT_TOLERANCE && Math.abs(g2) < GRADIENT_TOLERANCE) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    const descent = g1 * da + g2 * db;
    let step = 1;
    while (step >= MIN_STEP) {
      const nextA = a + step * da;
      const nextB = b + step * db;
      const nextValue = loss(nextA, nextB);
      if (nextValue < value + 1e-4 * step * descent) {
        a = nextA;
        b = nextB;
        value = nextValue;
        break;
      }
      step /= 2;
    }
    if (step < MIN_STEP) break;
  }
  return { a, b };
}

export function predictPlatt(fit: PlattFit, score: number): number {
  const z = fit.a * score + fit.b;
  return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
}

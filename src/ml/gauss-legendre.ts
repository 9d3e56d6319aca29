/**
 * Gauss–Legendre quadrature on [0, 1]: `n` points integrate every polynomial of degree up to
 * 2n − 1 exactly (up to rounding). Linear TreeSHAP integrates its path polynomials with it.
 */
export interface Quadrature {
  points: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, Quadrature>();

/** The `n`-point rule on [0, 1] (cached). Nodes are roots of the Legendre polynomial P_n, found by Newton's method. */
export function gaussLegendre(n: number): Quadrature {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`a quadrature needs a positive integer point count, got ${n}`);
  const cached = cache.get(n);
  if (cached) return cached;
  const points = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    // Initial guess (Tricomi), then Newton on P_n; roots are symmetric around 0.
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = 0;
      for (let k = 1; k <= n; k++) {
        const p2 = p1;
        p1 = p0;
        p0 = ((2 * k - 1) * z * p1 - (k - 1) * p2) / k;
      }
      derivative = (n * (z * p0 - p1)) / (z * z - 1);
      const step = p0 / derivative;
      z -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    // Map [-1, 1] to [0, 1]: x = (1 ± z) / 2, weights halve.
    const weight = 1 / ((1 - z * z) * derivative * derivative);
    points[i] = (1 - z) / 2;
    points[n - 1 - i] = (1 + z) / 2;
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  const rule = { points, weights };
  cache.set(n, rule);
  return rule;
}

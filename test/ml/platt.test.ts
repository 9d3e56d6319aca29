import { describe, expect, it } from 'vitest';
import { fitPlatt, predictPlatt } from '../../src/ml/platt.js';

describe('Platt scaling', () => {
  it('fits two score groups exactly to their mean smoothed targets', () => {
    // 10 rows at score 0 (2 positives) and 10 at score 1 (7 positives): 9 positives, 11 negatives.
    const scores = [...Array<number>(10).fill(0), ...Array<number>(10).fill(1)];
    const labels = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0];
    const high = 10 / 11;
    const low = 1 / 13;
    const fit = fitPlatt(scores, labels);
    expect(predictPlatt(fit, 0)).toBeCloseTo((2 * high + 8 * low) / 10, 5);
    expect(predictPlatt(fit, 1)).toBeCloseTo((7 * high + 3 * low) / 10, 5);
  });

  it('maps higher scores to higher probabilities when positives score higher', () => {
    const scores = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
    const fit = fitPlatt(scores, [0, 0, 1, 0, 1, 0, 1, 1]);
    expect(fit.a).toBeLessThan(0);
    expect(predictPlatt(fit, 0.9)).toBeGreaterThan(predictPlatt(fit, 0.1));
  });

  it('stays finite on perfectly separated scores (the smoothed targets keep it bounded)', () => {
    const fit = fitPlatt([0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(fit.a) && Number.isFinite(fit.b)).toBe(true);
    expect(predictPlatt(fit, 1)).toBeCloseTo(4 / 5, 4);
    expect(predictPlatt(fit, 0)).toBeCloseTo(1 / 5, 4);
  });
});

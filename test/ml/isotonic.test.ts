import { describe, expect, it } from 'vitest';
import { fitIsotonic, predictIsotonic } from '../../src/ml/isotonic.js';

describe('isotonic regression (pool adjacent violators)', () => {
  it('pools a violating pair into its mean and keeps increasing runs', () => {
    const fit = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
    expect(fit).toEqual({ x: [0.1, 0.2, 0.3, 0.4], y: [0, 0.5, 0.5, 1] });
  });

  it('pools back through several blocks when a late label undercuts them', () => {
    // 0, 1, 1, 0, 0 → the last four pool to 0.5 (mean of 1, 1, 0, 0).
    const fit = fitIsotonic([1, 2, 3, 4, 5], [0, 1, 1, 0, 0]);
    expect(fit).toEqual({ x: [1, 2, 5], y: [0, 0.5, 0.5] });
  });

  it('treats equal scores as one point carrying their mean label', () => {
    expect(fitIsotonic([0.3, 0.3, 0.3, 0.9], [1, 0, 0, 1])).toEqual({ x: [0.3, 0.9], y: [1 / 3, 1] });
  });

  it('interpolates linearly between breakpoints and clips outside them', () => {
    const fit = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
    expect(predictIsotonic(fit, 0.15)).toBeCloseTo(0.25, 15);
    expect(predictIsotonic(fit, 0.25)).toBe(0.5);
    expect(predictIsotonic(fit, 0)).toBe(0);
    expect(predictIsotonic(fit, 1)).toBe(1);
  });
});

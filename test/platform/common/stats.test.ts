import { describe, expect, it } from 'vitest';
import { clamp, linearScore, mean, populationStd, relativeChange, round } from '../../../src/platform/common/stats.js';

describe('stats helpers', () => {
  it('mean of no values is 0', () => {
    expect(mean([])).toBe(0);
  });

  it('mean averages the values', () => {
    // (1 + 2 + 3 + 6) / 4 = 3
    expect(mean([1, 2, 3, 6])).toBe(3);
  });

  it('populationStd divides by n, not n − 1', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 8 = 4; √4 = 2 (n − 1 would give 2.14)
    expect(populationStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('populationStd of no values or one value is 0', () => {
    expect(populationStd([])).toBe(0);
    expect(populationStd([7])).toBe(0);
  });

  it('clamp limits a value to its bounds', () => {
    expect([clamp(-1, 0, 10), clamp(5, 0, 10), clamp(11, 0, 10)]).toEqual([0, 5, 10]);
  });

  it('linearScore maps low → 0 and high → scale, linear between, clamped outside', () => {
    // (5 − 0) / (10 − 0) × 100 = 50; −5 and 15 fall outside and clamp
    expect([linearScore(-5, 0, 10, 100), linearScore(5, 0, 10, 100), linearScore(15, 0, 10, 100)]).toEqual([0, 50, 100]);
    // negative lower bound: (0 − (−2)) / (8 − (−2)) × 10 = 2
    expect(linearScore(0, -2, 8, 10)).toBe(2);
  });

  it('relativeChange counts a zero start as one', () => {
    // (110 − 100) / 100 = 0.1; (5 − 0) / max(0, 1) = 5
    expect(relativeChange(100, 110)).toBeCloseTo(0.1, 12);
    expect(relativeChange(0, 5)).toBe(5);
    expect(relativeChange(0, 0)).toBe(0);
  });

  it('round rounds half away from zero and never returns −0', () => {
    expect(round(2.345, 2)).toBe(2.35);
    expect(round(-2.345, 2)).toBe(-2.35);
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
  });
});

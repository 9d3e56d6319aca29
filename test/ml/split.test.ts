import { describe, expect, it } from 'vitest';
import { stratifiedSplit, takeRows } from '../../src/ml/split.js';

const labels = Int32Array.from({ length: 1000 }, (_, i) => (i % 10 < 3 ? 1 : 0)); // 30 % positives

describe('stratifiedSplit', () => {
  it('puts the requested share of each class in the test set', () => {
    const { train, test } = stratifiedSplit(labels, 0.2, 42);
    expect(test.length).toBe(200);
    expect(train.length).toBe(800);
    expect(Array.from(test).filter((row) => labels[row] === 1).length).toBe(60);
  });

  it('uses every row exactly once', () => {
    const { train, test } = stratifiedSplit(labels, 0.25, 7);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('is reproducible for a seed and differs across seeds', () => {
    expect(stratifiedSplit(labels, 0.2, 42).test).toEqual(stratifiedSplit(labels, 0.2, 42).test);
    expect(stratifiedSplit(labels, 0.2, 42).test).not.toEqual(stratifiedSplit(labels, 0.2, 43).test);
  });

  it('refuses a test fraction outside (0, 1)', () => {
    expect(() => stratifiedSplit(labels, 1, 42)).toThrow(RangeError);
  });
});

describe('takeRows', () => {
  it('copies the given rows of a row-major matrix in order', () => {
    const matrix = Float32Array.from([0, 1, 10, 11, 20, 21]);
    expect(Array.from(takeRows(matrix, 2, Int32Array.from([2, 0])))).toEqual([20, 21, 0, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, precisionRecallF1, rocAuc } from '../../src/ml/metrics.js';

describe('rocAuc', () => {
  it('matches the textbook example', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('counts tied scores as half a win', () => {
    // Positive/negative pairs: (0.5, 0.5) tie, (0.5, 0.2), (0.9, 0.5), (0.9, 0.2): 3.5 / 4.
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBeCloseTo(0.875, 12);
    expect(rocAuc([1, 1, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0.5, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, NaN with one class', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('rejects labels other than 0 and 1', () => {
    expect(() => rocAuc([0.1, 0.2], [0, 2])).toThrow(RangeError);
  });
});

describe('accuracy, precisionRecallF1, confusionMatrix', () => {
  const predicted = [1, 0, 1, 1, 0, 0, 1, 0];
  const labels = [1, 0, 0, 1, 1, 0, 1, 1];

  it('accuracy is the fraction right', () => {
    expect(accuracy(predicted, labels)).toBe(5 / 8);
  });

  it('computes precision, recall and F1 of the positive class', () => {
    // TP 3, FP 1, FN 2.
    const { precision, recall, f1 } = precisionRecallF1(predicted, labels);
    expect(precision).toBeCloseTo(3 / 4, 12);
    expect(recall).toBeCloseTo(3 / 5, 12);
    expect(f1).toBeCloseTo(2 / 3, 12);
    // Class 0 as positive: TP 2, FP 2, FN 1.
    expect(precisionRecallF1(predicted, labels, 0).f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 12);
  });

  it('gives 0 rather than NaN when nothing is predicted positive', () => {
    expect(precisionRecallF1([0, 0], [1, 0])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('lays the confusion matrix out as [actual][predicted]', () => {
    expect(confusionMatrix(predicted, labels, 2)).toEqual([
      [2, 1],
      [2, 3],
    ]);
    expect(confusionMatrix([2, 0, 1], [2, 1, 1], 3)).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(() => confusionMatrix([3], [0], 3)).toThrow(RangeError);
  });
});

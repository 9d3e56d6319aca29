import { describe, expect, it } from 'vitest';
import { argmaxRows, macroOvrRocAuc } from '../../src/ml/metrics.js';
import { evaluateMulticlass } from '../../src/ml/multiclass-evaluation.js';
import { stratifiedKFold } from '../../src/ml/split.js';

describe('multi-class metrics', () => {
  // Three rows, three classes: row 0 → class 0, row 1 → class 2 (wrong, it is 1), row 2 → class 2.
  const probabilities = [0.7, 0.2, 0.1, 0.1, 0.4, 0.5, 0.1, 0.1, 0.8];
  const labels = Int32Array.from([0, 1, 2]);

  it('takes the most probable class of each row', () => {
    expect([...argmaxRows(probabilities, 3)]).toEqual([0, 2, 2]);
  });

  it('averages one-vs-rest ROC AUC over the classes', () => {
    // class 0: 1; class 1: scores [0.2, 0.4, 0.1] rank the positive first: 1; class 2: [0.1, 0.5, 0.8]: 1.
    expect(macroOvrRocAuc(probabilities, labels, 3)).toBe(1);
  });

  it('reports each class with support, macro F1 and the majority baseline', () => {
    const evaluation = evaluateMulticlass(probabilities, labels, ['a', 'b', 'c'], Int32Array.from([1, 1, 0]));
    expect(evaluation.accuracy).toBeCloseTo(2 / 3);
    expect(evaluation.per_class).toEqual({
      a: { precision: 1, recall: 1, f1: 1, support: 1 },
      b: { precision: 0, recall: 0, f1: 0, support: 1 },
      c: { precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
    });
    expect(evaluation.f1).toBeCloseTo((1 + 0 + 2 / 3) / 3);
    expect(evaluation.majority_baseline).toEqual({ class: 'b', accuracy: 1 / 3 });
  });
});

describe('stratifiedKFold', () => {
  const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2]);
  const folds = stratifiedKFold(labels, 2, 9);

  it('puts every row in exactly one fold', () => {
    expect([...folds[0]!, ...folds[1]!].sort((a, b) => a - b)).toEqual([...labels.keys()]);
  });

  it('keeps each class’s share in every fold', () => {
    for (const fold of folds) expect([0, 1, 2].map((c) => fold.filter((row) => labels[row] === c).length)).toEqual([2, 3, 1]);
  });
});

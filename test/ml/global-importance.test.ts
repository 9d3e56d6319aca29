import { describe, expect, it } from 'vitest';
import { meanAbsoluteContributions } from '../../src/ml/global-importance.js';
import { trainRandomForest } from '../../src/ml/random-forest.js';
import { coverFromRows, ForestExplainer } from '../../src/ml/tree-shap.js';
import { randomDataset } from '../support/random-dataset.js';

describe('global importance as mean absolute contribution', () => {
  it('is the mean of each feature’s |Shapley value| over the rows, and ranks a feature the label ignores last', async () => {
    const featureCount = 3;
    const data = randomDataset(400, featureCount, 11, (f) => (f[0]! + 0.6 * f[1]! > 0.8 ? 1 : 0));
    const model = await trainRandomForest(data.x, data.y, { classes: [0, 1], nEstimators: 8, minSamplesLeaf: 20, seed: 2, workers: 1 });
    const explainer = new ForestExplainer(model, coverFromRows(model, data.x, data.rows));
    const { values, rows } = meanAbsoluteContributions(explainer, data.x, data.rows, 1);
    expect(rows).toBe(data.rows);
    const expected = new Float64Array(featureCount);
    for (let row = 0; row < data.rows; row++) {
      const phi = explainer.shapValues(data.x.subarray(row * featureCount, (row + 1) * featureCount), 1);
      for (let f = 0; f < featureCount; f++) expected[f]! += Math.abs(phi[f]!) / data.rows;
    }
    values.forEach((value, f) => expect(value).toBeCloseTo(expected[f]!, 12));
    expect(values[0]).toBeGreaterThan(values[1]!);
    expect(values[1]).toBeGreaterThan(values[2]!);
  });

  it('averages over evenly spaced rows when given a maximum', async () => {
    const data = randomDataset(100, 2, 3, (f) => (f[0]! > 0.5 ? 1 : 0));
    const model = await trainRandomForest(data.x, data.y, { classes: [0, 1], nEstimators: 4, seed: 1, workers: 1 });
    const explainer = new ForestExplainer(model, coverFromRows(model, data.x, data.rows));
    const sampled = meanAbsoluteContributions(explainer, data.x, data.rows, 1, 10);
    const everyTenth = new Float32Array(Array.from({ length: 10 }, (_, k) => [...data.x.subarray(k * 10 * 2, k * 10 * 2 + 2)]).flat());
    expect(sampled.rows).toBe(10);
    expect(sampled.values).toEqual(meanAbsoluteContributions(explainer, everyTenth, 10, 1).values);
  });
});

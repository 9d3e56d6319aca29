import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecisionTree, predictProbabilities, type RandomForestModel } from '../../src/ml/forest.js';
import { Random } from '../../src/ml/random.js';
import { trainRandomForest } from '../../src/ml/random-forest.js';
import { coverFromRows, ForestExplainer, type NodeCover } from '../../src/ml/tree-shap.js';
import { randomDataset } from '../support/random-dataset.js';

/** A noisy problem where several features matter and interact. */
const interacting = (f: number[], random: Random) => (f[0]! + 0.5 * f[1]! * f[2]! + 0.3 * random.next() > 0.8 ? 1 : 0);

/**
 * Lundberg et al.'s path-dependent conditional expectation (their algorithm 1): features in the
 * coalition follow the row, the others average both children by cover. Written independently of
 * the explainer, as the value function its Shapley values must match.
 */
function expectedValue(model: RandomForestModel, cover: NodeCover, row: Float32Array, coalition: Set<number>, classIndex: number): number {
  const C = model.classes.length;
  let sum = 0;
  model.trees.forEach((tree, t) => {
    const walk = (node: number): number => {
      const feature = tree.feature[node]!;
      if (feature < 0) return tree.value[node * C + classIndex]!;
      const left = tree.left[node]!;
      const right = tree.right[node]!;
      if (coalition.has(feature)) return Math.fround(row[feature]!) <= tree.threshold[node]! ? walk(left) : walk(right);
      return (cover[t]![left]! * walk(left) + cover[t]![right]! * walk(right)) / cover[t]![node]!;
    };
    sum += walk(0);
  });
  return sum / model.trees.length;
}

/** Shapley values by their definition: every coalition of the other features, weighted |S|!(n−|S|−1)!/n!. */
function bruteForceShapley(model: RandomForestModel, cover: NodeCover, row: Float32Array, classIndex: number): number[] {
  const n = model.featureCount;
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    const coalition = new Set<number>();
    for (let f = 0; f < n; f++) if (mask & (1 << f)) coalition.add(f);
    const without = expectedValue(model, cover, row, coalition, classIndex);
    for (let f = 0; f < n; f++) {
      if (coalition.has(f)) continue;
      const weight = (factorial(coalition.size) * factorial(n - coalition.size - 1)) / factorial(n);
      const withF = expectedValue(model, cover, row, new Set([...coalition, f]), classIndex);
      phi[f]! += weight * (withF - without);
    }
  }
  return phi;
}

function tree(nodes: Array<{ feature?: number; threshold?: number; left?: number; right?: number; value: number[] }>): DecisionTree {
  return {
    feature: Int32Array.from(nodes, (n) => n.feature ?? -1),
    threshold: Float64Array.from(nodes, (n) => n.threshold ?? -2),
    left: Int32Array.from(nodes, (n) => n.left ?? -1),
    right: Int32Array.from(nodes, (n) => n.right ?? -1),
    value: Float64Array.from(nodes.flatMap((n) => n.value)),
  };
}

describe('ForestExplainer (Linear TreeSHAP)', () => {
  it('adds the base value and the contributions up to the forest probability, over many random rows', async () => {
    const train = randomDataset(2000, 6, 7, interacting);
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 30, workers: 1, seed: 3 });
    const explainer = new ForestExplainer(model, coverFromRows(model, train.x, train.rows));
    const unit = fc.float({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 6, maxLength: 6 }), (values) => {
        const row = Float32Array.from(values);
        const probability = predictProbabilities(model, row, 1)[1]!;
        const sum = explainer.shapValues(row, 1).reduce((a, b) => a + b, explainer.baseValues[1]!);
        expect(Math.abs(sum - probability)).toBeLessThan(1e-6);
      }),
      { numRuns: 300, seed: 24 },
    );
  });

  it('matches a brute-force Shapley computation over every coalition on a small forest', async () => {
    const train = randomDataset(400, 4, 11, interacting);
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 4, maxDepth: 4, maxFeatures: 'all', workers: 1, seed: 5 });
    const cover = coverFromRows(model, train.x, train.rows);
    const explainer = new ForestExplainer(model, cover);
    // Depth 4 on 4 features: some paths split on a feature twice (the replaced-factor case).
    for (let row = 0; row < 25; row++) {
      const x = train.x.subarray(row * 4, row * 4 + 4);
      const expected = bruteForceShapley(model, cover, x, 1);
      const actual = explainer.shapValues(x, 1);
      expected.forEach((value, f) => expect(Math.abs(actual[f]! - value)).toBeLessThan(1e-9));
    }
  });

  it('matches the brute force for every class of a three-class forest', async () => {
    const train = randomDataset(600, 3, 13, (f) => (f[0]! < 0.33 ? 0 : f[1]! < 0.5 ? 1 : 2));
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1, 2], nEstimators: 3, maxDepth: 4, workers: 1, seed: 9 });
    const cover = coverFromRows(model, train.x, train.rows);
    const explainer = new ForestExplainer(model, cover);
    for (let row = 0; row < 10; row++) {
      const x = train.x.subarray(row * 3, row * 3 + 3);
      for (let c = 0; c < 3; c++) {
        const expected = bruteForceShapley(model, cover, x, c);
        explainer.shapValues(x, c).forEach((value, f) => expect(Math.abs(value - expected[f]!)).toBeLessThan(1e-9));
      }
    }
  });

  it('gives a stump the closed form: the split feature moves the base rate to its leaf, the others get 0', () => {
    // Root splits feature 1 at 0.5; 30 rows go left (p(hit) 0.2), 70 right (p(hit) 0.9).
    const stump = tree([{ feature: 1, threshold: 0.5, left: 1, right: 2, value: [0.31, 0.69] }, { value: [0.8, 0.2] }, { value: [0.1, 0.9] }]);
    const model: RandomForestModel = { featureCount: 3, classes: [0, 1], trees: [stump], featureImportances: [0, 1, 0] };
    const explainer = new ForestExplainer(model, [Float64Array.of(100, 30, 70)]);
    const base = 0.3 * 0.2 + 0.7 * 0.9;
    expect(explainer.baseValues[1]).toBeCloseTo(base, 12);
    const explanation = explainer.explain([0.9, 0.2, 0.4], 1, ['tempo', 'energy', 'mode']);
    expect(explanation.base_value).toBeCloseTo(base, 12);
    expect(explanation.contributions[0]).toEqual({ feature: 'energy', value: 0.2, contribution: expect.closeTo(0.2 - base, 12) as number });
    expect(explanation.contributions.slice(1).map((c) => c.contribution)).toEqual([0, 0]);
  });

  it('gives 0 to a feature no tree splits on, and sorts the contributions by absolute size', async () => {
    // Feature 2 is constant, so no tree can split on it.
    const train = randomDataset(1000, 4, 17, interacting);
    for (let row = 0; row < train.rows; row++) train.x[row * 4 + 2] = 0.5;
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 10, workers: 1 });
    const explainer = new ForestExplainer(model, coverFromRows(model, train.x, train.rows));
    const explanation = explainer.explain(Float32Array.of(0.7, 0.9, 0.1, 0.3), 1, ['a', 'b', 'c', 'd']);
    expect(explanation.contributions.find((c) => c.feature === 'c')!.contribution).toBe(0);
    const sizes = explanation.contributions.map((c) => Math.abs(c.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('takes the mean raw probability over the cover rows as its base value', async () => {
    const train = randomDataset(800, 5, 19, interacting);
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 10, workers: 1 });
    const explainer = new ForestExplainer(model, coverFromRows(model, train.x, train.rows));
    const probabilities = predictProbabilities(model, train.x, train.rows);
    let mean = 0;
    for (let row = 0; row < train.rows; row++) mean += probabilities[row * 2 + 1]! / train.rows;
    expect(explainer.baseValues[1]).toBeCloseTo(mean, 12);
  });

  it('adds up on a forest of 40 features, too many to skip subtrees by feature bits', async () => {
    const train = randomDataset(600, 40, 29, (f, random) => (f[0]! + f[35]! + 0.3 * random.next() > 1.1 ? 1 : 0));
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 10, workers: 1 });
    const explainer = new ForestExplainer(model, coverFromRows(model, train.x, train.rows));
    for (let row = 0; row < 50; row++) {
      const x = train.x.subarray(row * 40, row * 40 + 40);
      const sum = explainer.shapValues(x, 1).reduce((a, b) => a + b, explainer.baseValues[1]!);
      expect(Math.abs(sum - predictProbabilities(model, x, 1)[1]!)).toBeLessThan(1e-9);
    }
  });

  it('refuses a cover that does not fit the forest', async () => {
    const train = randomDataset(200, 3, 23, interacting);
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 2, workers: 1 });
    expect(() => new ForestExplainer(model, [new Float64Array(1)])).toThrow(/cover has 1 trees/);
  });
});

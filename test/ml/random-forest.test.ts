import { describe, expect, it } from 'vitest';
import { type DecisionTree, type RandomForestModel, predictProbabilities } from '../../src/ml/forest.js';
import { resolveMaxFeatures, trainRandomForest, trainRandomForestWithOutOfBag } from '../../src/ml/random-forest.js';
import { randomDataset } from '../support/random-dataset.js';

/** Class 1 when feature 0 > 0.5; the other features are noise. */
const separable = (rows: number, seed = 1) => randomDataset(rows, 3, seed, ([f0]) => (f0! > 0.5 ? 1 : 0));

function predictClasses(model: RandomForestModel, x: Float32Array, rows: number): number[] {
  const probabilities = predictProbabilities(model, x, rows);
  const classCount = model.classes.length;
  return Array.from({ length: rows }, (_, row) => {
    let best = 0;
    for (let c = 1; c < classCount; c++) if (probabilities[row * classCount + c]! > probabilities[row * classCount + best]!) best = c;
    return best;
  });
}

function depthOf(tree: DecisionTree): number {
  let deepest = 0;
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (tree.feature[node]! >= 0) stack.push([tree.left[node]!, depth + 1], [tree.right[node]!, depth + 1]);
  }
  return deepest;
}

function leafOf(tree: DecisionTree, x: Float32Array, offset: number): number {
  let node = 0;
  while (tree.feature[node]! >= 0) node = x[offset + tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  return node;
}

describe('trainRandomForest', () => {
  it('learns a separable problem perfectly, with pure leaves and consistent flat arrays', async () => {
    const train = separable(300);
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 10, workers: 1 });
    expect(model.featureCount).toBe(3);
    expect(model.classes).toEqual([0, 1]);
    expect(model.trees).toHaveLength(10);
    expect(predictClasses(model, train.x, train.rows)).toEqual(Array.from(train.y));

    const test = separable(200, 2);
    const predicted = predictClasses(model, test.x, test.rows);
    const correct = predicted.filter((label, row) => label === test.y[row]).length;
    expect(correct / test.rows).toBeGreaterThan(0.95);

    for (const tree of model.trees) {
      const nodes = tree.feature.length;
      expect(tree.threshold.length).toBe(nodes);
      expect(tree.left.length).toBe(nodes);
      expect(tree.right.length).toBe(nodes);
      expect(tree.value.length).toBe(2 * nodes);
      for (let node = 0; node < nodes; node++) {
        if (tree.feature[node]! < 0) {
          expect(tree.left[node]).toBe(-1);
          expect(tree.right[node]).toBe(-1);
          expect([0, 1]).toContain(tree.value[2 * node]); // in-bag rows of a leaf share a class
        } else {
          expect(tree.left[node]).toBeGreaterThan(node);
          expect(tree.right[node]).toBeGreaterThan(node);
          expect(Math.fround(tree.threshold[node]!)).toBe(tree.threshold[node]);
        }
        expect(tree.value[2 * node]! + tree.value[2 * node + 1]!).toBeCloseTo(1, 12);
      }
    }
  });

  it('predictProbabilities rows sum to 1', async () => {
    const train = randomDataset(300, 4, 5, ([a, b], random) => (a! + b! + 0.3 * random.next() > 1.1 ? 1 : 0));
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 15, workers: 1 });
    const test = randomDataset(100, 4, 6, () => 0);
    const probabilities = predictProbabilities(model, test.x, test.rows);
    for (let row = 0; row < test.rows; row++) {
      expect(probabilities[2 * row]! + probabilities[2 * row + 1]!).toBeCloseTo(1, 12);
      expect(probabilities[2 * row]!).toBeGreaterThanOrEqual(0);
    }
  });

  it('respects maxDepth', async () => {
    const train = randomDataset(400, 4, 3, ([a, b], random) => (a! * b! + 0.2 * random.next() > 0.3 ? 1 : 0));
    for (const maxDepth of [0, 1, 3]) {
      const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 8, maxDepth, workers: 1 });
      const depths = model.trees.map(depthOf);
      expect(Math.max(...depths)).toBe(maxDepth);
    }
    const unlimited = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 4, workers: 1 });
    expect(Math.max(...unlimited.trees.map(depthOf))).toBeGreaterThan(3);
  });

  it('respects minSamplesLeaf', async () => {
    const train = randomDataset(400, 4, 4, ([a], random) => (a! + 0.4 * random.next() > 0.7 ? 1 : 0));
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 5, minSamplesLeaf: 7, bootstrap: false, workers: 1 });
    expect(model.oobScore).toBeUndefined();
    for (const tree of model.trees) {
      const rowsPerLeaf = new Map<number, number>();
      for (let row = 0; row < train.rows; row++) {
        const leaf = leafOf(tree, train.x, row * train.featureCount);
        rowsPerLeaf.set(leaf, (rowsPerLeaf.get(leaf) ?? 0) + 1);
      }
      const leaves = Array.from(tree.feature).filter((feature) => feature < 0).length;
      expect(rowsPerLeaf.size).toBe(leaves);
      expect(Math.min(...rowsPerLeaf.values())).toBeGreaterThanOrEqual(7);
    }
  });

  it('is reproducible: same seed, same model, whatever the worker count', async () => {
    const train = randomDataset(500, 5, 8, ([a, b, c], random) => (a! + b! * c! + 0.3 * random.next() > 0.9 ? 1 : 0));
    const options = { classes: [0, 1], nEstimators: 12, seed: 7 };
    const first = await trainRandomForest(train.x, train.y, { ...options, workers: 1 });
    const again = await trainRandomForest(train.x, train.y, { ...options, workers: 1 });
    const parallel = await trainRandomForest(train.x, train.y, { ...options, workers: 2 });
    expect(again).toEqual(first);
    expect(parallel).toEqual(first);
    expect(parallel.trees[11]!.feature).toEqual(first.trees[11]!.feature);
    expect(parallel.trees[11]!.threshold).toEqual(first.trees[11]!.threshold);

    // As many workers as trees: one tree each.
    const few = { ...options, nEstimators: 3 };
    expect(await trainRandomForest(train.x, train.y, { ...few, workers: 3 })).toEqual(await trainRandomForest(train.x, train.y, { ...few, workers: 1 }));

    const other = await trainRandomForest(train.x, train.y, { ...options, seed: 8, workers: 1 });
    expect(other.trees[0]!.threshold).not.toEqual(first.trees[0]!.threshold);
  });

  it("shifts predictions toward the minority class with classWeight 'balanced'", async () => {
    // 10% positives, overlapping with the negatives; shallow trees keep leaves mixed.
    const train = randomDataset(1000, 2, 9, ([a], random) => (random.next() < 0.1 + 0.15 * a! ? 1 : 0));
    const options = { classes: [0, 1], nEstimators: 20, maxDepth: 3, minSamplesLeaf: 20, workers: 1 };
    const plain = await trainRandomForest(train.x, train.y, options);
    const balanced = await trainRandomForest(train.x, train.y, { ...options, classWeight: 'balanced' });
    const meanPositive = (model: RandomForestModel) => {
      const probabilities = predictProbabilities(model, train.x, train.rows);
      let sum = 0;
      for (let row = 0; row < train.rows; row++) sum += probabilities[2 * row + 1]!;
      return sum / train.rows;
    };
    const positives = (model: RandomForestModel) => predictClasses(model, train.x, train.rows).filter((label) => label === 1).length;
    expect(meanPositive(plain)).toBeLessThan(0.3);
    expect(meanPositive(balanced)).toBeGreaterThan(0.4);
    expect(positives(balanced)).toBeGreaterThan(positives(plain) + 100);
  });

  it('computes feature importances summing to 1, ranking the informative feature first', async () => {
    const train = randomDataset(600, 4, 10, ([, b], random) => (b! + 0.2 * random.next() > 0.6 ? 1 : 0));
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 20, workers: 1 });
    expect(model.featureImportances).toHaveLength(4);
    expect(model.featureImportances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const importance of model.featureImportances) expect(importance).toBeGreaterThanOrEqual(0);
    const [noise0, informative, noise2, noise3] = model.featureImportances;
    expect(informative).toBeGreaterThan(Math.max(noise0!, noise2!, noise3!));
    expect(informative).toBeGreaterThan(0.4);
  });

  it('reports a sensible out-of-bag score', async () => {
    const train = separable(400, 12);
    const model = await trainRandomForest(train.x, train.y, { classes: [0, 1], nEstimators: 25, workers: 1 });
    expect(model.oobScore).toBeGreaterThan(0.8);
    expect(model.oobScore).toBeLessThanOrEqual(1);

    const noise = randomDataset(400, 3, 13, (_, random) => (random.next() < 0.5 ? 1 : 0));
    const guessing = await trainRandomForest(noise.x, noise.y, { classes: [0, 1], nEstimators: 25, workers: 1 });
    expect(guessing.oobScore).toBeLessThan(0.65);
  });

  it('handles more than two classes and keeps the class labels', async () => {
    const train = randomDataset(300, 3, 14, ([, , c]) => (c! < 0.33 ? 0 : c! < 0.66 ? 1 : 2));
    const model = await trainRandomForest(train.x, train.y, { classes: [10, 20, 30], nEstimators: 10, maxFeatures: 'all', workers: 1 });
    expect(model.classes).toEqual([10, 20, 30]);
    expect(predictClasses(model, train.x, train.rows)).toEqual(Array.from(train.y));
    const probabilities = predictProbabilities(model, train.x, train.rows);
    for (let row = 0; row < train.rows; row++) {
      expect(probabilities[3 * row]! + probabilities[3 * row + 1]! + probabilities[3 * row + 2]!).toBeCloseTo(1, 12);
    }
    expect(model.featureImportances[2]).toBeGreaterThan(0.9);
  });

  it("returns each training row's out-of-bag probabilities, whose accuracy is the out-of-bag score", async () => {
    const train = randomDataset(400, 3, 29, ([f0], random) => (f0! + 0.4 * random.next() > 0.7 ? 1 : 0));
    const { model, outOfBag } = await trainRandomForestWithOutOfBag(train.x, train.y, { classes: [0, 1], nEstimators: 20, workers: 2 });
    let scored = 0;
    let correct = 0;
    for (let row = 0; row < train.rows; row++) {
      const [flop, hit] = [outOfBag![2 * row]!, outOfBag![2 * row + 1]!];
      if (Number.isNaN(hit)) continue;
      expect(flop + hit).toBeCloseTo(1, 9);
      scored++;
      if ((hit > flop ? 1 : 0) === train.y[row]) correct++;
    }
    expect(scored).toBeGreaterThan(0.99 * train.rows);
    expect(model.oobScore).toBeCloseTo(correct / scored, 12);
  });

  it('validates its input', async () => {
    const train = separable(20);
    await expect(trainRandomForest(train.x, train.y, { classes: [0] })).rejects.toThrow(RangeError);
    await expect(trainRandomForest(train.x.subarray(1), train.y, { classes: [0, 1] })).rejects.toThrow(RangeError);
    await expect(trainRandomForest(train.x, train.y, { classes: [0, 1], maxFeatures: 4 })).rejects.toThrow(RangeError);
  });
});

describe('resolveMaxFeatures', () => {
  it('follows scikit-learn', () => {
    expect(resolveMaxFeatures('sqrt', 10)).toBe(3);
    expect(resolveMaxFeatures('log2', 10)).toBe(3);
    expect(resolveMaxFeatures('all', 10)).toBe(10);
    expect(resolveMaxFeatures(4, 10)).toBe(4);
    expect(resolveMaxFeatures(0.5, 10)).toBe(5);
    expect(resolveMaxFeatures('sqrt', 1)).toBe(1);
    expect(() => resolveMaxFeatures(11, 10)).toThrow(RangeError);
    expect(() => resolveMaxFeatures(0, 10)).toThrow(RangeError);
  });
});

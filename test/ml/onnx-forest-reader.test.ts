import { beforeAll, describe, expect, it } from 'vitest';
import { predictProbabilities, type RandomForestModel } from '../../src/ml/forest.js';
import { exportForestToOnnx } from '../../src/ml/onnx-export.js';
import { readForestFromOnnx, readOnnxShape } from '../../src/ml/onnx-forest-reader.js';
import { OnnxForest } from '../../src/ml/onnx-model.js';
import { trainRandomForest } from '../../src/ml/random-forest.js';
import { coverFromRows, ForestExplainer, type NodeCover } from '../../src/ml/tree-shap.js';
import { type Dataset, randomDataset } from '../support/random-dataset.js';

const FEATURES = ['a', 'b', 'c', 'd'];

describe('reading a forest back from its ONNX file', () => {
  let data: Dataset;
  let model: RandomForestModel;
  let cover: NodeCover;
  beforeAll(async () => {
    data = randomDataset(600, FEATURES.length, 7, (f, random) => (f[0]! + 0.5 * f[1]! * f[2]! + 0.3 * random.next() > 0.8 ? 1 : 0));
    model = await trainRandomForest(data.x, data.y, { classes: [0, 1], nEstimators: 12, minSamplesLeaf: 3, seed: 5, workers: 1 });
    cover = coverFromRows(model, data.x, data.rows);
  });

  it('gives back every tree’s splits, each node’s cover and the feature names', () => {
    const read = readForestFromOnnx(exportForestToOnnx(model, { featureNames: FEATURES, cover }));
    expect(read.featureNames).toEqual(FEATURES);
    expect(read.model).toMatchObject({ featureCount: FEATURES.length, classes: [0, 1] });
    expect(read.model.trees).toHaveLength(model.trees.length);
    read.model.trees.forEach((tree, t) => {
      const original = model.trees[t]!;
      expect(tree.feature).toEqual(original.feature);
      expect(tree.left).toEqual(original.left);
      expect(tree.right).toEqual(original.right);
      expect(tree.threshold).toEqual(original.threshold);
      expect(read.cover![t]).toEqual(cover[t]);
    });
  });

  it('scores rows as the exported forest does, to float32 rounding of the leaf votes', () => {
    const read = readForestFromOnnx(exportForestToOnnx(model, { cover }));
    const before = predictProbabilities(model, data.x, data.rows);
    const after = predictProbabilities(read.model, data.x, data.rows);
    expect(Math.max(...before.map((value, i) => Math.abs(value - after[i]!)))).toBeLessThan(1e-6);
  });

  it('explains with the read cover exactly as with the training rows’ cover', () => {
    const read = readForestFromOnnx(exportForestToOnnx(model, { cover }));
    const fromFile = new ForestExplainer(read.model, read.cover!);
    const fromRows = new ForestExplainer(read.model, coverFromRows(read.model, data.x, data.rows));
    for (let row = 0; row < 50; row++) {
      const features = data.x.subarray(row * FEATURES.length, (row + 1) * FEATURES.length);
      expect(fromFile.shapValues(features, 1)).toEqual(fromRows.shapValues(features, 1));
      const explained = fromFile.baseValues[1]! + fromFile.shapValues(features, 1).reduce((sum, value) => sum + value, 0);
      expect(Math.abs(explained - predictProbabilities(read.model, features, 1)[1]!)).toBeLessThan(1e-9);
    }
  });

  it('has no cover for a file written without one (every hit rate 1)', () => {
    expect(readForestFromOnnx(exportForestToOnnx(model)).cover).toBeUndefined();
  });

  it('is still scored by onnxruntime as before when the hit rates hold the cover', async () => {
    const [withCover, without] = await Promise.all([OnnxForest.load(exportForestToOnnx(model, { cover })), OnnxForest.load(exportForestToOnnx(model))]);
    const [a, b] = await Promise.all([withCover.run(data.x, data.rows), without.run(data.x, data.rows)]);
    await Promise.all([withCover.release(), without.release()]);
    expect(a).toEqual(b);
  });

  it('refuses a cover that does not fit the forest', () => {
    expect(() => exportForestToOnnx(model, { cover: cover.slice(1) })).toThrow(`cover has ${model.trees.length - 1} trees`);
    expect(() => exportForestToOnnx(model, { cover: [new Float64Array(1), ...cover.slice(1)] })).toThrow('cover of tree 0 has 1 nodes');
  });

  it('names what is missing from a file that holds no forest', () => {
    expect(() => readForestFromOnnx(new Uint8Array())).toThrow('the model has no TreeEnsembleClassifier node');
  });
});

describe("reading a forest file's shape alone", () => {
  let data: Dataset;
  let model: RandomForestModel;
  beforeAll(async () => {
    data = randomDataset(300, FEATURES.length, 11, (f) => (f[0]! > 0.66 ? 2 : f[1]! > 0.5 ? 1 : 0));
    model = await trainRandomForest(data.x, data.y, { classes: [0, 1, 2], nEstimators: 4, seed: 3, workers: 1 });
  });

  it('gives the feature and class counts onnxruntime reads from the same file', async () => {
    const file = exportForestToOnnx(model, { featureNames: FEATURES });
    const session = await OnnxForest.load(file);
    await session.release();
    expect(readOnnxShape(file)).toEqual({ featureCount: session.featureCount, classCount: session.classCount });
    expect(readOnnxShape(file)).toEqual({ featureCount: FEATURES.length, classCount: 3 });
  });

  it('refuses a file cut short', () => {
    const file = exportForestToOnnx(model);
    expect(() => readOnnxShape(file.subarray(0, Math.floor(file.length / 2)))).toThrow(/truncated/);
  });

  it('refuses bytes that hold no forest', () => {
    expect(() => readOnnxShape(new Uint8Array())).toThrow('the model input does not state its feature count');
    expect(() => readOnnxShape(new TextEncoder().encode('not an onnx file at all'))).toThrow();
  });
});

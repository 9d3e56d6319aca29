import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { predictProbabilities, type DecisionTree, type RandomForestModel } from '../../src/ml/forest.js';
import { OnnxForest } from '../../src/ml/onnx-model.js';
import { exportForestToOnnx } from '../../src/ml/onnx-export.js';

const { onnx } = onnxProto;

/** mulberry32: a small seeded generator, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per feature, the float32 values thresholds are drawn from (so rows can hit them exactly). */
function thresholdPools(random: () => number, featureCount: number): number[][] {
  return Array.from({ length: featureCount }, () => Array.from({ length: 16 }, () => Math.fround(random() * 4 - 2)));
}

/** A random distribution over the classes: sometimes pure, sometimes with zeros, else dense. */
function distribution(random: () => number, classCount: number): number[] {
  const kind = random();
  if (kind < 0.2) {
    const winner = Math.floor(random() * classCount);
    return Array.from({ length: classCount }, (_, c) => (c === winner ? 1 : 0));
  }
  const weights = Array.from({ length: classCount }, () => (kind < 0.4 && random() < 0.5 ? 0 : random()));
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** A random tree in pre-order (node 0 the root): splits down to `minDepth`, then by chance, at most `maxDepth` deep. */
function randomTree(random: () => number, pools: number[][], classCount: number, spec: TreeShape): DecisionTree {
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const grow = (depth: number): number => {
    const node = feature.length;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(...distribution(random, classCount));
    if (depth < spec.maxDepth && (depth < spec.minDepth || random() < spec.splitChance)) {
      const f = Math.floor(random() * pools.length);
      feature[node] = f;
      threshold[node] = pools[f]![Math.floor(random() * pools[f]!.length)]!;
      left[node] = grow(depth + 1);
      right[node] = grow(depth + 1);
    }
    return node;
  };
  grow(0);
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}

interface TreeShape {
  minDepth: number;
  maxDepth: number;
  splitChance: number;
}

interface ForestSpec extends TreeShape {
  seed: number;
  featureCount: number;
  classes: number[];
  treeCount: number;
}

function randomForest(spec: ForestSpec): { model: RandomForestModel; pools: number[][] } {
  const random = rng(spec.seed);
  const pools = thresholdPools(random, spec.featureCount);
  const trees = Array.from({ length: spec.treeCount }, () => randomTree(random, pools, spec.classes.length, spec));
  const featureImportances = Array.from({ length: spec.featureCount }, () => 1 / spec.featureCount);
  return { model: { featureCount: spec.featureCount, classes: spec.classes, trees, featureImportances }, pools };
}

/** Rows mixing exact thresholds, their float32 neighbours, NaN-free random values and extremes. */
function randomRows(seed: number, pools: number[][], rows: number): Float32Array {
  const random = rng(seed);
  const featureCount = pools.length;
  const out = new Float32Array(rows * featureCount);
  const scratch = new Float32Array(1);
  const bits = new Int32Array(scratch.buffer);
  for (let i = 0; i < out.length; i++) {
    const pool = pools[i % featureCount]!;
    const pick = pool[Math.floor(random() * pool.length)]!;
    const kind = random();
    if (kind < 0.4) {
      out[i] = pick; // exactly a threshold: must go left (<=)
    } else if (kind < 0.6 && pick !== 0) {
      scratch[0] = pick; // a float32 neighbour of a threshold
      bits[0]! += random() < 0.5 ? 1 : -1;
      out[i] = scratch[0];
    } else if (kind < 0.95) {
      out[i] = random() * 5 - 2.5;
    } else {
      out[i] = random() < 0.5 ? -1e30 : 1e30;
    }
  }
  return out;
}

function argmax(values: ArrayLike<number>, offset: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (values[offset + c]! > values[offset + best]!) best = c;
  return best;
}

/** The two largest of a row, to skip label checks on rows whose top classes tie within rounding. */
function topGap(values: ArrayLike<number>, offset: number, count: number): number {
  const sorted = Array.from({ length: count }, (_, c) => values[offset + c]!).sort((a, b) => b - a);
  return sorted[0]! - sorted[1]!;
}

async function compare(spec: ForestSpec, rowCount: number): Promise<void> {
  const { model, pools } = randomForest(spec);
  // Guard the generator itself: deep trees, as the spec asks.
  const depth = (tree: DecisionTree, node = 0): number =>
    tree.feature[node]! < 0 ? 0 : 1 + Math.max(depth(tree, tree.left[node]!), depth(tree, tree.right[node]!));
  expect(Math.max(...model.trees.map((tree) => depth(tree)))).toBe(spec.maxDepth);
  const forest = await OnnxForest.load(exportForestToOnnx(model));
  try {
    expect(forest.featureCount).toBe(spec.featureCount);
    expect(forest.classCount).toBe(spec.classes.length);
    const rows = randomRows(spec.seed + 1, pools, rowCount);
    const actual = await forest.run(rows, rowCount);
    const expected = predictProbabilities(model, rows, rowCount);
    expect(actual.length).toBe(expected.length);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    expect(worst).toBeLessThan(1e-5);

    const classCount = spec.classes.length;
    let checked = 0;
    for (let row = 0; row < rowCount; row++) {
      const offset = row * classCount;
      if (topGap(expected, offset, classCount) < 1e-5) continue;
      checked++;
      const label = spec.classes[argmax(actual, offset, classCount)];
      if (label !== spec.classes[argmax(expected, offset, classCount)]) {
        expect.fail(`row ${row}: ONNX label ${label} disagrees with the TypeScript predictor`);
      }
    }
    expect(checked).toBeGreaterThan(rowCount * 0.9);
  } finally {
    await forest.release();
  }
}

describe('exportForestToOnnx + OnnxForest', () => {
  const cases: [string, Omit<ForestSpec, 'seed'>][] = [
    ['2 classes, 1 tree', { featureCount: 6, classes: [0, 1], treeCount: 1, minDepth: 6, maxDepth: 12, splitChance: 0.85 }],
    ['2 classes, 50 trees', { featureCount: 8, classes: [0, 1], treeCount: 50, minDepth: 0, maxDepth: 12, splitChance: 0.8 }],
    ['2 classes labelled 3 and 7, 50 trees', { featureCount: 5, classes: [7, 3], treeCount: 50, minDepth: 1, maxDepth: 8, splitChance: 0.8 }],
    ['4 classes, 1 tree', { featureCount: 6, classes: [0, 1, 2, 3], treeCount: 1, minDepth: 6, maxDepth: 12, splitChance: 0.85 }],
    ['4 classes, 50 trees', { featureCount: 8, classes: [0, 1, 2, 3], treeCount: 50, minDepth: 0, maxDepth: 12, splitChance: 0.8 }],
  ];
  cases.forEach(([name, spec], i) => {
    it(`matches predictProbabilities: ${name}`, async () => {
      await compare({ seed: 1000 + i, ...spec }, 3000);
    });
  });

  it('handles a tree that is a single leaf', async () => {
    const { model, pools } = randomForest({ seed: 7, featureCount: 3, classes: [0, 1], treeCount: 3, minDepth: 0, maxDepth: 3, splitChance: 1 });
    const stump: DecisionTree = {
      feature: Int32Array.of(-1),
      threshold: Float64Array.of(0),
      left: Int32Array.of(-1),
      right: Int32Array.of(-1),
      value: Float64Array.of(0.25, 0.75),
    };
    model.trees.push(stump);
    const forest = await OnnxForest.load(exportForestToOnnx(model));
    try {
      const rows = randomRows(8, pools, 200);
      const actual = await forest.run(rows, 200);
      const expected = predictProbabilities(model, rows, 200);
      for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(1e-5);
    } finally {
      await forest.release();
    }
  });

  it('uses <= at a hand-built threshold', async () => {
    const t = Math.fround(0.1);
    const model: RandomForestModel = {
      featureCount: 2,
      classes: [0, 1, 2],
      featureImportances: [0, 1],
      trees: [
        {
          feature: Int32Array.of(1, -1, -1),
          threshold: Float64Array.of(t, 0, 0),
          left: Int32Array.of(1, -1, -1),
          right: Int32Array.of(2, -1, -1),
          value: Float64Array.of(1 / 3, 1 / 3, 1 / 3, 1, 0, 0, 0, 0.5, 0.5),
        },
      ],
    };
    const forest = await OnnxForest.load(exportForestToOnnx(model));
    try {
      const above = new Float32Array([t]);
      new Int32Array(above.buffer)[0]! += 1;
      const probabilities = await forest.run(Float32Array.of(5, t, 5, above[0]!, 5, -1), 3);
      expect(Array.from(probabilities)).toEqual([1, 0, 0, 0, 0.5, 0.5, 1, 0, 0]);
    } finally {
      await forest.release();
    }
  });

  it('writes the expected graph, and loads from a file', async () => {
    const { model } = randomForest({ seed: 3, featureCount: 4, classes: [0, 1, 2], treeCount: 2, minDepth: 0, maxDepth: 3, splitChance: 1 });
    const featureNames = ['tempo', 'energy', 'valence', 'loudness'];
    const bytes = exportForestToOnnx(model, { featureNames, producerName: 'encore-test', docString: 'a test forest' });

    const decoded = onnx.ModelProto.decode(bytes);
    expect(Number(decoded.irVersion)).toBeGreaterThanOrEqual(7);
    expect(decoded.producerName).toBe('encore-test');
    expect(decoded.docString).toBe('a test forest');
    expect(decoded.opsetImport.map((o) => o.domain).sort()).toEqual(['', 'ai.onnx.ml']);
    expect(decoded.metadataProps).toEqual([expect.objectContaining({ key: 'feature_names', value: JSON.stringify(featureNames) })]);
    const graph = decoded.graph!;
    expect(graph.node).toHaveLength(1);
    const node = graph.node![0]!;
    expect(node.opType).toBe('TreeEnsembleClassifier');
    expect(node.domain).toBe('ai.onnx.ml');
    expect(node.input).toEqual(['features']);
    expect(node.output).toEqual(['label', 'probabilities']);
    expect(graph.input!.map((i) => i.name)).toEqual(['features']);
    const inputType = graph.input![0]!.type!.tensorType!;
    expect(inputType.elemType).toBe(onnx.TensorProto.DataType.FLOAT);
    expect(inputType.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue))).toEqual(['N', 4]);
    expect(graph.output!.map((o) => o.name)).toEqual(['label', 'probabilities']);
    const nodeCount = model.trees.reduce((sum, tree) => sum + tree.feature.length, 0);
    const attribute = (name: string) => node.attribute!.find((a) => a.name === name)!;
    expect(attribute('nodes_nodeids').ints).toHaveLength(nodeCount);
    expect(attribute('classlabels_int64s').ints!.map(Number)).toEqual([0, 1, 2]);
    expect(new TextDecoder().decode(attribute('post_transform').s!)).toBe('NONE');

    const dir = await mkdtemp(join(tmpdir(), 'encore-onnx-'));
    try {
      const path = join(dir, 'forest.onnx');
      await writeFile(path, bytes);
      const forest = await OnnxForest.load(path);
      try {
        expect(forest.featureCount).toBe(4);
        expect(forest.classCount).toBe(3);
        const row = Float32Array.of(0, 0.5, -0.5, 1);
        const actual = await forest.run(row, 1);
        const expected = predictProbabilities(model, row, 1);
        expected.forEach((p, c) => expect(actual[c]).toBeCloseTo(p, 6));
      } finally {
        await forest.release();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a wrong feature count', async () => {
    const { model } = randomForest({ seed: 5, featureCount: 4, classes: [0, 1], treeCount: 2, minDepth: 0, maxDepth: 3, splitChance: 1 });
    const forest = await OnnxForest.load(exportForestToOnnx(model));
    try {
      await expect(forest.run(new Float32Array(5), 1)).rejects.toThrow(/expected 1 × 4 = 4 feature values, got 5/);
      await expect(forest.run(new Float32Array(8), 3)).rejects.toThrow(/feature values/);
      expect(await forest.run(new Float32Array(0), 0)).toHaveLength(0);
    } finally {
      await forest.release();
    }
    await expect(forest.run(new Float32Array(4), 1)).rejects.toThrow(/released/);
  });

  it('rejects malformed forests', () => {
    const { model } = randomForest({ seed: 6, featureCount: 2, classes: [0, 1], treeCount: 1, minDepth: 0, maxDepth: 2, splitChance: 1 });
    expect(() => exportForestToOnnx({ ...model, classes: [0] })).toThrow(/two classes/);
    expect(() => exportForestToOnnx({ ...model, trees: [] })).toThrow(/no trees/);
    expect(() => exportForestToOnnx(model, { featureNames: ['a'] })).toThrow(/featureNames/);
    expect(() => exportForestToOnnx({ ...model, featureCount: 1 })).toThrow(/out of range/);
  });

  // Documents why consumers must not read the ONNX `label` output for two classes: onnxruntime
  // answers 1 whenever class 1 has any score, and the literal 1/0 rather than the class labels.
  it('onnxruntime `label` is unreliable for two classes (use probabilities)', async () => {
    const leaf = (p1: number): DecisionTree => ({
      feature: Int32Array.of(-1),
      threshold: Float64Array.of(0),
      left: Int32Array.of(-1),
      right: Int32Array.of(-1),
      value: Float64Array.of(1 - p1, p1),
    });
    const labelOf = async (classes: number[], p1: number) => {
      const model: RandomForestModel = { featureCount: 1, classes, featureImportances: [1], trees: [leaf(p1)] };
      const session = await InferenceSession.create(exportForestToOnnx(model));
      try {
        const out = await session.run({ features: new Tensor('float32', Float32Array.of(0), [1, 1]) });
        return { label: Number(out.label!.data[0]), probabilities: Array.from(out.probabilities!.data as Float32Array) };
      } finally {
        await session.release();
      }
    };
    const low = await labelOf([0, 1], 0.2);
    expect(low.probabilities.map((p) => Math.round(p * 1e6) / 1e6)).toEqual([0.8, 0.2]);
    expect(low.label).toBe(1); // argmax says 0
    const relabelled = await labelOf([3, 7], 0.9);
    expect(relabelled.label).toBe(1); // neither 3 nor 7
  });
});

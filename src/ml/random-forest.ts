/**
 * Random forest classifier training, equivalent to scikit-learn's RandomForestClassifier (gini,
 * bootstrap, max_features, class_weight='balanced', oob_score), on quantile-binned features
 * (at most 256 bins per feature). Trees grow in parallel on worker threads; every tree has its
 * own seed derived from (seed, tree index), so a model does not depend on the worker count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compiledWorkerScript } from '../platform/common/worker-script.js';
import { binFeatures } from './binning.js';
import type { ForestWorkerData, ForestWorkerReply, ForestWorkerRequest } from './forest-worker.js';
import type { RandomForestModel } from './forest.js';
import { treeSeed } from './random.js';
import { type GrownTree, type OutOfBag, OUT_OF_BAG_SCALE, TreeBuilder, type TreeParams, type TreeTrainingData } from './tree-builder.js';

export type MaxFeatures = 'sqrt' | 'log2' | 'all' | number;

export interface RandomForestOptions {
  /** The class labels, in the order of the class indices of `y` (e.g. [0, 1]). */
  classes: number[];
  /** Number of trees; default 100. */
  nEstimators?: number;
  /** Maximum tree depth (root depth 0); undefined for unlimited. */
  maxDepth?: number;
  /** Minimum (distinct, in-bag) rows in a leaf; default 1. */
  minSamplesLeaf?: number;
  /** Minimum rows in a node to split it; default 2. */
  minSamplesSplit?: number;
  /**
   * Features drawn at each node: 'sqrt' (default), 'log2', 'all', an integer count, or a
   * fraction in (0, 1) of the features.
   */
  maxFeatures?: MaxFeatures;
  /** 'balanced': class c weighs rows / (classes present × rows of class c). */
  classWeight?: 'balanced';
  /** Draw each tree's rows with replacement (default true); enables the out-of-bag score. */
  bootstrap?: boolean;
  /** Default 42. */
  seed?: number;
  /** Worker threads; default min(os.availableParallelism(), nEstimators). 1 or less: build in this thread. */
  workers?: number;
}

/**
 * Trains a forest on `x` (row-major, `y.length × featureCount` float values) and `y` (class
 * indices 0..classes.length-1).
 */
export async function trainRandomForest(x: Float32Array, y: Int32Array, options: RandomForestOptions): Promise<RandomForestModel> {
  return (await trainRandomForestWithOutOfBag(x, y, options)).model;
}

export interface TrainedForest {
  model: RandomForestModel;
  /**
   * Out-of-bag class probabilities of each training row (`rows × classCount`): the mean over the
   * trees the row was out of bag for; NaN for a row in every tree's bag. Undefined without bootstrap.
   */
  outOfBag?: Float64Array;
}

/** As {@link trainRandomForest}, also returning each training row's out-of-bag probabilities (to calibrate on). */
export async function trainRandomForestWithOutOfBag(x: Float32Array, y: Int32Array, options: RandomForestOptions): Promise<TrainedForest> {
  const rows = y.length;
  const classes = [...options.classes];
  const classCount = classes.length;
  if (rows === 0) throw new RangeError('no training rows');
  if (classCount === 0) throw new RangeError('no classes');
  if (x.length % rows !== 0) throw new RangeError(`${x.length} feature values do not make ${rows} rows`);
  const featureCount = x.length / rows;
  if (featureCount === 0) throw new RangeError('no features');

  const nEstimators = options.nEstimators ?? 100;
  if (!Number.isInteger(nEstimators) || nEstimators < 1) throw new RangeError('nEstimators must be a positive integer');
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  if (!(maxDepth === Number.POSITIVE_INFINITY || (Number.isInteger(maxDepth) && maxDepth >= 0))) throw new RangeError('maxDepth must be an integer >= 0');
  const minSamplesLeaf = options.minSamplesLeaf ?? 1;
  if (!Number.isInteger(minSamplesLeaf) || minSamplesLeaf < 1) throw new RangeError('minSamplesLeaf must be a positive integer');
  const minSamplesSplit = options.minSamplesSplit ?? 2;
  if (!Number.isInteger(minSamplesSplit) || minSamplesSplit < 2) throw new RangeError('minSamplesSplit must be an integer >= 2');
  const bootstrap = options.bootstrap ?? true;
  const seed = (options.seed ?? 42) >>> 0;
  const params: TreeParams = {
    maxDepth,
    minSamplesLeaf,
    minSamplesSplit,
    maxFeatures: resolveMaxFeatures(options.maxFeatures ?? 'sqrt', featureCount),
    bootstrap,
  };

  const classRows = new Float64Array(classCount);
  for (let row = 0; row < rows; row++) {
    const label = y[row]!;
    if (!(label >= 0 && label < classCount)) throw new RangeError(`y[${row}] = ${label} is not a class index in 0..${classCount - 1}`);
    classRows[label]!++;
  }
  const classWeights = new Float64Array(classCount).fill(1);
  if (options.classWeight === 'balanced') {
    const present = classRows.filter((count) => count > 0).length;
    for (let c = 0; c < classCount; c++) if (classRows[c]! > 0) classWeights[c] = rows / (present * classRows[c]!);
  }

  // Worker threads get the large arrays on SharedArrayBuffers: sent once, never copied.
  const workers = Math.floor(Math.min(options.workers ?? availableParallelism(), nEstimators));
  const shared = workers > 1;
  const binned = binFeatures(x, rows, featureCount, { shared });
  const labels = shared ? new Int32Array(new SharedArrayBuffer(rows * Int32Array.BYTES_PER_ELEMENT)) : new Int32Array(rows);
  labels.set(y);
  const data: TreeTrainingData = {
    rows,
    featureCount,
    codes: binned.codes,
    binCounts: binned.binCounts,
    thresholds: binned.thresholds,
    y: labels,
    classCount,
    classWeights,
  };

  const { grown, outOfBag } =
    workers <= 1 ? growInThread(data, params, seed, nEstimators) : await growInWorkers({ role: 'forest-worker', data, params, seed }, nEstimators, workers);

  const model: RandomForestModel = {
    featureCount,
    classes,
    trees: grown.map((tree) => tree.tree),
    featureImportances: forestImportances(grown, featureCount),
  };
  if (outOfBag.length === 0) return { model };
  const summed = addOutOfBag(outOfBag, rows, classCount);
  const oobScore = outOfBagScore(summed, y, classCount);
  if (oobScore !== undefined) model.oobScore = oobScore;
  return { model, outOfBag: outOfBagProbabilities(summed, classCount) };
}

/** Features drawn per node for a `maxFeatures` option. */
export function resolveMaxFeatures(maxFeatures: MaxFeatures, featureCount: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(featureCount)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(featureCount)));
  if (maxFeatures === 'all') return featureCount;
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1 && maxFeatures <= featureCount) return maxFeatures;
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * featureCount));
  throw new RangeError(`maxFeatures must be 'sqrt', 'log2', 'all', an integer in 1..${featureCount} or a fraction in (0, 1); got ${maxFeatures}`);
}

interface Grown {
  /** The trees in index order. */
  grown: GrownTree[];
  /** Out-of-bag sums of each builder (with bootstrap). */
  outOfBag: OutOfBag[];
}

function growInThread(data: TreeTrainingData, params: TreeParams, seed: number, nEstimators: number): Grown {
  const builder = new TreeBuilder(data, params);
  const grown = Array.from({ length: nEstimators }, (_, treeIndex) => builder.grow(treeSeed(seed, treeIndex)));
  const outOfBag = builder.outOfBag();
  return { grown, outOfBag: outOfBag ? [outOfBag] : [] };
}

/**
 * Grows the trees on `workerCount` threads, handing out tree indices as threads become free,
 * then collects each thread's out-of-bag sums.
 */
function growInWorkers(setup: ForestWorkerData, nEstimators: number, workerCount: number): Promise<Grown> {
  const script = compiledWorkerScript('ml/forest-worker.js');
  return new Promise((resolve, reject) => {
    const grown = new Array<GrownTree>(nEstimators);
    const outOfBag: OutOfBag[] = [];
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve({ grown, outOfBag });
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const inFlight = new Array<number>(workerCount).fill(0);
    const send = (w: number, request: ForestWorkerRequest) => {
      if (request !== 'finish') inFlight[w]!++;
      workers[w]!.postMessage(request);
    };
    for (let w = 0; w < workerCount; w++) {
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: setup });
      } catch (error) {
        settle(error);
        return;
      }
      workers.push(worker);
      worker.on('message', (reply: ForestWorkerReply) => {
        if ('outOfBag' in reply) {
          if (reply.outOfBag) outOfBag.push(reply.outOfBag);
          if (++finished === workerCount) settle();
          return;
        }
        grown[reply.treeIndex] = reply.grown;
        inFlight[w]!--;
        if (next < nEstimators) send(w, next++);
        else if (inFlight[w] === 0) send(w, 'finish');
      });
      worker.on('error', (error) => settle(error));
      worker.on('exit', (code) => settle(new Error(`forest worker exited early with code ${code}`)));
    }
    // Up to two trees in flight per worker, so none waits for its next index.
    for (let round = 0; round < 2; round++) for (let w = 0; w < workerCount && next < nEstimators; w++) send(w, next++);
    for (let w = 0; w < workerCount; w++) if (inFlight[w] === 0) send(w, 'finish');
  });
}

/** scikit-learn's feature_importances_: mean of the trees' (normalized) importances, normalized. */
function forestImportances(grown: GrownTree[], featureCount: number): number[] {
  const sum = new Float64Array(featureCount);
  for (const { tree, importances } of grown) {
    if (tree.feature.length <= 1) continue;
    for (let f = 0; f < featureCount; f++) sum[f]! += importances[f]!;
  }
  const total = sum.reduce((a, b) => a + b, 0);
  return Array.from(sum, (value) => (total > 0 ? value / total : 0));
}

/** The builders' out-of-bag sums added up: still integers (in units of 2^-32), so the total is exact. */
function addOutOfBag(parts: OutOfBag[], rows: number, classCount: number): OutOfBag {
  const sums = new Float64Array(rows * classCount);
  const trees = new Int32Array(rows);
  for (const part of parts) {
    for (let i = 0; i < sums.length; i++) sums[i]! += part.sums[i]!;
    for (let row = 0; row < rows; row++) trees[row]! += part.trees[row]!;
  }
  return { sums, trees };
}

/**
 * Accuracy of the out-of-bag mean probabilities (argmax, first class on ties) over the rows out
 * of bag for at least one tree.
 */
function outOfBagScore({ sums, trees }: OutOfBag, y: Int32Array, classCount: number): number | undefined {
  const rows = y.length;
  let scored = 0;
  let correct = 0;
  for (let row = 0; row < rows; row++) {
    if (trees[row] === 0) continue;
    let best = 0;
    for (let c = 1; c < classCount; c++) if (sums[row * classCount + c]! > sums[row * classCount + best]!) best = c;
    scored++;
    if (best === y[row]) correct++;
  }
  return scored > 0 ? correct / scored : undefined;
}

/** Mean out-of-bag probabilities; NaN where no tree had the row out of bag. */
function outOfBagProbabilities({ sums, trees }: OutOfBag, classCount: number): Float64Array {
  const probabilities = new Float64Array(sums.length);
  for (let row = 0; row < trees.length; row++) {
    for (let c = 0; c < classCount; c++) {
      const i = row * classCount + c;
      probabilities[i] = trees[row]! > 0 ? sums[i]! / (trees[row]! * OUT_OF_BAG_SCALE) : Number.NaN;
    }
  }
  return probabilities;
}

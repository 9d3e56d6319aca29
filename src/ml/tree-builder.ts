/**
 * Grows one classification tree (CART, gini) on binned features, as scikit-learn's
 * DecisionTreeClassifier inside a RandomForestClassifier: bootstrap counts as sample weights,
 * a random subset of features at each node, best split by histogram scan over bins.
 *
 * Speed: the in-bag rows live in an index array partitioned in place, with their class and
 * weight permuted alongside (sequential reads); the histograms of all drawn features are built in
 * one pass over the node's rows (one cache line of row-major codes per row); small nodes sort
 * their few distinct bins instead of scanning all 256; children's class totals come out of the
 * partition pass. (Histogram subtraction does not pay here: each node draws its own features.)
 */
import { MAX_BINS } from './binning.js';
import type { DecisionTree } from './forest.js';
import { Random } from './random.js';

/** The training set, shared by all trees (and worker threads). */
export interface TreeTrainingData {
  rows: number;
  featureCount: number;
  /** Bin codes, row-major: `codes[row * featureCount + feature]` (see binning.ts). */
  codes: Uint8Array;
  /** Number of bins of each feature. */
  binCounts: Int32Array;
  /** Bin upper edges, `thresholds[feature * MAX_BINS + bin]`. */
  thresholds: Float64Array;
  /** Class index of each row, 0..classCount-1. */
  y: Int32Array;
  classCount: number;
  /** Weight of each class (all 1 without class weights). */
  classWeights: Float64Array;
}

export interface TreeParams {
  /** Nodes at this depth are leaves (root depth 0); Infinity for unlimited. */
  maxDepth: number;
  minSamplesLeaf: number;
  minSamplesSplit: number;
  /** Features drawn at each node, 1..featureCount. */
  maxFeatures: number;
  /** Draw `rows` rows with replacement (counts become sample weights); else every row once. */
  bootstrap: boolean;
}

export interface GrownTree {
  tree: DecisionTree;
  /** Weighted impurity decrease per feature, normalized to sum 1 (all 0 for a single leaf). */
  importances: Float64Array;
}

/**
 * Out-of-bag predictions summed over the trees a builder grew: `sums[row * classCount + c]` is
 * the sum of the class-c leaf probabilities of the trees the row was out of bag for, in units of
 * 2^-32 (rounded to integers, so sums are exact and do not depend on how trees were shared
 * between builders); `trees[row]` counts those trees.
 */
export interface OutOfBag {
  sums: Float64Array;
  trees: Int32Array;
}

/** Fixed-point unit of OutOfBag sums. */
export const OUT_OF_BAG_SCALE = 2 ** 32;

/** scikit-learn's threshold of a leaf (TREE_UNDEFINED). */
const LEAF_THRESHOLD = -2;
const EPSILON = Number.EPSILON;
/** Nodes with at most this many rows sort their bins present instead of scanning all bins. */
const SORT_BINS_LIMIT = 16;

/** Grows trees one after another, reusing its buffers. */
export class TreeBuilder {
  private readonly counts: Int32Array;
  /** In-bag rows of the tree, each node a contiguous range; class and weight alongside. */
  private readonly index: Int32Array;
  private readonly classes: Int32Array;
  private readonly weights: Float64Array;
  /** Per drawn feature slot k: weighted class counts `hist[(k * MAX_BINS + bin) * C + c]`, rows per bin, bins present. */
  private readonly hist: Float64Array;
  private readonly binRows: Int32Array;
  private readonly touched: Int32Array;
  private readonly present: Int32Array;
  private readonly drawn: Int32Array;
  private readonly featureOrder: Int32Array;
  private readonly left: Float64Array;
  private readonly leftTotal: Float64Array;
  private readonly rightTotal: Float64Array;
  private readonly outOfBagSums: Float64Array | undefined;
  private readonly outOfBagTrees: Int32Array | undefined;

  // Node stack (start, end, depth, parent) with each entry's class totals; grows as needed.
  private stack = new Int32Array(0);
  private stackTotals = new Float64Array(0);

  // Growing tree, in buffers that double as needed.
  private capacity = 0;
  private nodeFeature = new Int32Array(0);
  private nodeThreshold = new Float64Array(0);
  private nodeLeft = new Int32Array(0);
  private nodeRight = new Int32Array(0);
  private nodeValue = new Float64Array(0);
  private nodeBin = new Int32Array(0);

  // Result of the last findSplit.
  private bestFeature = -1;
  private bestBin = -1;
  private bestScore = Number.NEGATIVE_INFINITY;
  /** params.maxDepth as a small integer (unlimited: 2^30). */
  private readonly maxDepth: number;

  constructor(
    private readonly data: TreeTrainingData,
    private readonly params: TreeParams,
  ) {
    const { rows, featureCount, classCount } = data;
    if (!(params.maxFeatures >= 1 && params.maxFeatures <= featureCount)) throw new RangeError(`maxFeatures must be in 1..${featureCount}`);
    const slots = params.maxFeatures;
    this.maxDepth = Math.min(params.maxDepth, 2 ** 30);
    this.counts = new Int32Array(rows);
    this.index = new Int32Array(rows);
    this.classes = new Int32Array(rows);
    this.weights = new Float64Array(rows);
    this.hist = new Float64Array(slots * MAX_BINS * classCount);
    this.binRows = new Int32Array(slots * MAX_BINS);
    this.touched = new Int32Array(slots * MAX_BINS);
    this.present = new Int32Array(slots);
    this.drawn = new Int32Array(slots);
    this.featureOrder = new Int32Array(featureCount);
    this.left = new Float64Array(classCount);
    this.leftTotal = new Float64Array(classCount);
    this.rightTotal = new Float64Array(classCount);
    if (params.bootstrap) {
      this.outOfBagSums = new Float64Array(rows * classCount);
      this.outOfBagTrees = new Int32Array(rows);
    }
    this.ensureCapacity(Math.min(1024, 2 * rows + 1));
    this.ensureStack(64);
  }

  /** Grows one tree from its seed. */
  grow(seed: number): GrownTree {
    const { featureCount, classCount: C } = this.data;
    const rng = new Random(seed);
    const inBag = this.sample(rng);
    const importances = new Float64Array(featureCount);
    const nodeCount = this.growNodes(inBag, rng, importances);

    let sum = 0;
    for (let f = 0; f < featureCount; f++) sum += importances[f]!;
    if (sum > 0) for (let f = 0; f < featureCount; f++) importances[f]! /= sum;

    const tree: DecisionTree = {
      feature: this.nodeFeature.slice(0, nodeCount),
      threshold: this.nodeThreshold.slice(0, nodeCount),
      left: this.nodeLeft.slice(0, nodeCount),
      right: this.nodeRight.slice(0, nodeCount),
      value: this.nodeValue.slice(0, nodeCount * C),
    };
    if (this.outOfBagSums) this.addOutOfBag();
    return { tree, importances };
  }

  /** Out-of-bag prediction sums of the trees grown so far (bootstrap only). */
  outOfBag(): OutOfBag | undefined {
    return this.outOfBagSums && this.outOfBagTrees ? { sums: this.outOfBagSums, trees: this.outOfBagTrees } : undefined;
  }

  /**
   * Draws the tree's rows (bootstrap: `rows` draws with replacement, as scikit-learn) and lays
   * out the in-bag ones with their class and weight; the root's class totals go to leftTotal.
   * Returns the number of in-bag rows.
   */
  private sample(rng: Random): number {
    const { rows, featureCount, y, classWeights } = this.data;
    const { counts, index, classes, weights, leftTotal } = this;
    for (let f = 0; f < featureCount; f++) this.featureOrder[f] = f;
    if (this.params.bootstrap) {
      counts.fill(0);
      for (let i = 0; i < rows; i++) counts[rng.nextInt(rows)]!++;
    } else counts.fill(1);
    let inBag = 0;
    leftTotal.fill(0);
    for (let row = 0; row < rows; row++) {
      const count = counts[row]!;
      if (count > 0) {
        const label = y[row]!;
        const weight = count * classWeights[label]!;
        index[inBag] = row;
        classes[inBag] = label;
        weights[inBag] = weight;
        leftTotal[label]! += weight;
        inBag++;
      }
    }
    return inBag;
  }

  /**
   * Grows the nodes depth-first, left child first (as scikit-learn), adding each split's
   * weighted impurity decrease to `importances`. Returns the node count.
   */
  private growNodes(inBag: number, rng: Random, importances: Float64Array): number {
    const { classCount: C, thresholds } = this.data;
    const { minSamplesLeaf, minSamplesSplit } = this.params;
    const maxDepth = this.maxDepth;
    const { leftTotal, rightTotal } = this;
    let nodeCount = 0;
    // A right child's parent is stored as -2 - parent.
    this.push(0, 0, inBag, 0, -1, leftTotal);
    let top = 1;
    while (top > 0) {
      top--;
      const stack = this.stack;
      const start = stack[4 * top]!;
      const end = stack[4 * top + 1]!;
      const depth = stack[4 * top + 2]!;
      const parent = stack[4 * top + 3]!;
      if (nodeCount === this.capacity) this.ensureCapacity(2 * this.capacity);
      const node = nodeCount++;
      if (parent >= 0) this.nodeLeft[parent] = node;
      else if (parent < -1) this.nodeRight[-2 - parent] = node;

      const totals = this.stackTotals;
      const totalsAt = top * C;
      let weight = 0;
      let squares = 0;
      for (let c = 0; c < C; c++) {
        const t = totals[totalsAt + c]!;
        weight += t;
        squares += t * t;
      }
      const impurity = weight > 0 ? 1 - squares / (weight * weight) : 0;
      const value = this.nodeValue;
      for (let c = 0; c < C; c++) value[node * C + c] = weight > 0 ? totals[totalsAt + c]! / weight : 1 / C;

      const samples = end - start;
      if (depth >= maxDepth || samples < minSamplesSplit || samples < 2 * minSamplesLeaf || impurity <= EPSILON || !this.findSplit(start, end, totalsAt, rng)) {
        this.nodeFeature[node] = -1;
        this.nodeThreshold[node] = LEAF_THRESHOLD;
        this.nodeLeft[node] = -1;
        this.nodeRight[node] = -1;
        this.nodeBin[node] = -1;
        continue;
      }

      const feature = this.bestFeature;
      const bin = this.bestBin;
      this.nodeFeature[node] = feature;
      this.nodeThreshold[node] = thresholds[feature * MAX_BINS + bin]!;
      this.nodeBin[node] = bin;
      const middle = this.partition(start, end, feature, bin);

      let leftWeight = 0;
      let leftSquares = 0;
      let rightWeight = 0;
      let rightSquares = 0;
      for (let c = 0; c < C; c++) {
        const l = leftTotal[c]!;
        const r = rightTotal[c]!;
        leftWeight += l;
        leftSquares += l * l;
        rightWeight += r;
        rightSquares += r * r;
      }
      const leftImpurity = leftWeight > 0 ? 1 - leftSquares / (leftWeight * leftWeight) : 0;
      const rightImpurity = rightWeight > 0 ? 1 - rightSquares / (rightWeight * rightWeight) : 0;
      importances[feature]! += weight * impurity - leftWeight * leftImpurity - rightWeight * rightImpurity;

      if (top + 2 > this.stack.length / 4) this.ensureStack(2 * (top + 2));
      this.push(top++, middle, end, depth + 1, -2 - node, rightTotal);
      this.push(top++, start, middle, depth + 1, node, leftTotal);
    }
    return nodeCount;
  }

  /**
   * Partitions the rows `index[start, end)` in place, bin <= `bin` of `feature` first, summing
   * each side's weighted classes into leftTotal and rightTotal. Returns where the right side starts.
   */
  private partition(start: number, end: number, feature: number, bin: number): number {
    const { featureCount, codes } = this.data;
    const { index, classes, weights, leftTotal, rightTotal } = this;
    leftTotal.fill(0);
    rightTotal.fill(0);
    let i = start;
    let j = end - 1;
    while (i <= j) {
      const row = index[i]!;
      if (codes[row * featureCount + feature]! <= bin) {
        leftTotal[classes[i]!]! += weights[i]!;
        i++;
      } else {
        const label = classes[i]!;
        const w = weights[i]!;
        rightTotal[label]! += w;
        index[i] = index[j]!;
        classes[i] = classes[j]!;
        weights[i] = weights[j]!;
        index[j] = row;
        classes[j] = label;
        weights[j] = w;
        j--;
      }
    }
    return i;
  }

  private push(slot: number, start: number, end: number, depth: number, parent: number, totals: Float64Array): void {
    const at = 4 * slot;
    this.stack[at] = start;
    this.stack[at + 1] = end;
    this.stack[at + 2] = depth;
    this.stack[at + 3] = parent;
    this.stackTotals.set(totals, slot * this.data.classCount);
  }

  /** Adds the last grown tree's predictions for its out-of-bag rows, walking bin codes. */
  private addOutOfBag(): void {
    const { rows, featureCount, classCount: C, codes } = this.data;
    const { counts, nodeFeature, nodeBin, nodeLeft, nodeRight, nodeValue } = this;
    const sums = this.outOfBagSums!;
    const trees = this.outOfBagTrees!;
    for (let row = 0; row < rows; row++) {
      if (counts[row]! > 0) continue;
      const base = row * featureCount;
      let node = 0;
      for (let feature = nodeFeature[0]!; feature >= 0; feature = nodeFeature[node]!) {
        node = codes[base + feature]! <= nodeBin[node]! ? nodeLeft[node]! : nodeRight[node]!;
      }
      for (let c = 0; c < C; c++) sums[row * C + c]! += Math.round(nodeValue[node * C + c]! * OUT_OF_BAG_SCALE);
      trees[row]!++;
    }
  }

  /**
   * Best split of the rows `index[start, end)` (class totals at `stackTotals[totalsAt]`) over a
   * random subset of features: sets bestFeature and bestBin. False when no valid split exists
   * (every drawn feature constant, or min_samples_leaf unmet).
   *
   * Features are drawn without replacement; constant ones count as visited, but drawing goes on
   * past maxFeatures until a non-constant feature was seen (scikit-learn's rule).
   */
  private findSplit(start: number, end: number, totalsAt: number, rng: Random): boolean {
    const { featureCount, binCounts } = this.data;
    const { maxFeatures } = this.params;
    const { featureOrder, drawn } = this;

    this.bestFeature = -1;
    this.bestBin = -1;
    this.bestScore = Number.NEGATIVE_INFINITY;
    let undrawn = featureCount;
    let visited = 0;
    let foundVariable = false;
    while (undrawn > 0 && (visited < maxFeatures || !foundVariable)) {
      // Draw the rest of this round (all maxFeatures at first, then one at a time).
      const round = Math.min(visited < maxFeatures ? maxFeatures - visited : 1, undrawn);
      let slots = 0;
      for (let k = 0; k < round; k++) {
        const pick = rng.nextInt(undrawn);
        undrawn--;
        const feature = featureOrder[pick]!;
        featureOrder[pick] = featureOrder[undrawn]!;
        featureOrder[undrawn] = feature;
        visited++;
        // A feature with a single bin over the whole training set is constant everywhere.
        if (binCounts[feature]! > 1) drawn[slots++] = feature;
      }
      if (slots === 0) continue;
      const samples = end - start;
      const sparse = samples <= SORT_BINS_LIMIT;
      this.buildHistograms(start, end, slots, sparse);
      for (let k = 0; k < slots; k++) if (this.scanFeature(k, drawn[k]!, samples, totalsAt, sparse)) foundVariable = true;
    }
    return this.bestFeature >= 0;
  }

  /**
   * Histograms of the features `drawn[0, slots)` over the node's rows: weighted class counts and
   * rows per bin. Large nodes build up to three features per pass over the rows; small (sparse)
   * nodes also list the bins present (as slot bins, `k * MAX_BINS + bin`) in `touched`.
   */
  private buildHistograms(start: number, end: number, slots: number, sparse: boolean): void {
    const { featureCount, classCount: C, codes } = this.data;
    const { index, classes, weights, hist, binRows, touched, present, drawn } = this;
    if (sparse) {
      for (let k = 0; k < slots; k++) {
        const feature = drawn[k]!;
        const offset = k * MAX_BINS;
        let count = 0;
        for (let i = start; i < end; i++) {
          const slotBin = offset + codes[index[i]! * featureCount + feature]!;
          if (binRows[slotBin]!++ === 0) touched[offset + count++] = slotBin;
          hist[slotBin * C + classes[i]!]! += weights[i]!;
        }
        present[k] = count;
      }
      return;
    }
    let k = 0;
    for (; k + 3 <= slots; k += 3) {
      const f0 = drawn[k]!;
      const f1 = drawn[k + 1]!;
      const f2 = drawn[k + 2]!;
      const o0 = k * MAX_BINS;
      const o1 = o0 + MAX_BINS;
      const o2 = o1 + MAX_BINS;
      for (let i = start; i < end; i++) {
        const base = index[i]! * featureCount;
        const label = classes[i]!;
        const weight = weights[i]!;
        const b0 = o0 + codes[base + f0]!;
        const b1 = o1 + codes[base + f1]!;
        const b2 = o2 + codes[base + f2]!;
        binRows[b0]!++;
        hist[b0 * C + label]! += weight;
        binRows[b1]!++;
        hist[b1 * C + label]! += weight;
        binRows[b2]!++;
        hist[b2 * C + label]! += weight;
      }
    }
    if (slots - k === 2) {
      const f0 = drawn[k]!;
      const f1 = drawn[k + 1]!;
      const o0 = k * MAX_BINS;
      const o1 = o0 + MAX_BINS;
      for (let i = start; i < end; i++) {
        const base = index[i]! * featureCount;
        const label = classes[i]!;
        const weight = weights[i]!;
        const b0 = o0 + codes[base + f0]!;
        const b1 = o1 + codes[base + f1]!;
        binRows[b0]!++;
        hist[b0 * C + label]! += weight;
        binRows[b1]!++;
        hist[b1 * C + label]! += weight;
      }
    } else if (slots - k === 1) {
      const f0 = drawn[k]!;
      const o0 = k * MAX_BINS;
      for (let i = start; i < end; i++) {
        const b0 = o0 + codes[index[i]! * featureCount + f0]!;
        binRows[b0]!++;
        hist[b0 * C + classes[i]!]! += weights[i]!;
      }
    }
  }

  /**
   * Scans the split positions of the feature in histogram slot `k`, updating the best split,
   * and clears the slot. Returns whether the feature is non-constant in the node.
   */
  private scanFeature(k: number, feature: number, samples: number, totalsAt: number, sparse: boolean): boolean {
    const { classCount: C, binCounts } = this.data;
    const { minSamplesLeaf } = this.params;
    const { hist, binRows, touched, left } = this;
    const total = this.stackTotals;
    const offset = k * MAX_BINS;

    // The slot bins present, in increasing order: sort a small node's list, else collect them
    // by scanning the bins (up to the last row).
    let present: number;
    if (sparse) {
      present = this.present[k]!;
      for (let m = offset + 1; m < offset + present; m++) {
        const slotBin = touched[m]!;
        let n = m - 1;
        while (n >= offset && touched[n]! > slotBin) {
          touched[n + 1] = touched[n]!;
          n--;
        }
        touched[n + 1] = slotBin;
      }
    } else {
      present = 0;
      let seen = 0;
      const last = offset + binCounts[feature]!;
      for (let slotBin = offset; slotBin < last && seen < samples; slotBin++) {
        const rows = binRows[slotBin]!;
        if (rows > 0) {
          touched[offset + present++] = slotBin;
          seen += rows;
        }
      }
    }

    // Split after each present bin but the last; maximize sum_c l_c^2 / W_l + sum_c r_c^2 / W_r
    // (scikit-learn's gini proxy); the first best wins ties. Clears the bins on the way.
    let bestScore = this.bestScore;
    let bestSlotBin = -1;
    let leftRows = 0;
    const end = offset + present;
    if (C === 2) {
      const total0 = total[totalsAt]!;
      const total1 = total[totalsAt + 1]!;
      let left0 = 0;
      let left1 = 0;
      for (let m = offset; m < end; m++) {
        const slotBin = touched[m]!;
        leftRows += binRows[slotBin]!;
        left0 += hist[2 * slotBin]!;
        left1 += hist[2 * slotBin + 1]!;
        binRows[slotBin] = 0;
        hist[2 * slotBin] = 0;
        hist[2 * slotBin + 1] = 0;
        if (leftRows < minSamplesLeaf || samples - leftRows < minSamplesLeaf) continue;
        const right0 = total0 - left0;
        const right1 = total1 - left1;
        const score = (left0 * left0 + left1 * left1) / (left0 + left1) + (right0 * right0 + right1 * right1) / (right0 + right1);
        if (score > bestScore) {
          bestScore = score;
          bestSlotBin = slotBin;
        }
      }
    } else {
      left.fill(0);
      for (let m = offset; m < end; m++) {
        const slotBin = touched[m]!;
        leftRows += binRows[slotBin]!;
        binRows[slotBin] = 0;
        let leftWeight = 0;
        let leftSquares = 0;
        let rightWeight = 0;
        let rightSquares = 0;
        for (let c = 0; c < C; c++) {
          const l = (left[c]! += hist[slotBin * C + c]!);
          hist[slotBin * C + c] = 0;
          const r = total[totalsAt + c]! - l;
          leftWeight += l;
          leftSquares += l * l;
          rightWeight += r;
          rightSquares += r * r;
        }
        if (leftRows < minSamplesLeaf || samples - leftRows < minSamplesLeaf) continue;
        const score = leftSquares / leftWeight + rightSquares / rightWeight;
        if (score > bestScore) {
          bestScore = score;
          bestSlotBin = slotBin;
        }
      }
    }
    if (bestSlotBin >= 0) {
      this.bestScore = bestScore;
      this.bestFeature = feature;
      this.bestBin = bestSlotBin - offset;
    }
    return present > 1;
  }

  private ensureStack(entries: number): void {
    const stack = new Int32Array(4 * entries);
    stack.set(this.stack);
    const totals = new Float64Array(entries * this.data.classCount);
    totals.set(this.stackTotals);
    this.stack = stack;
    this.stackTotals = totals;
  }

  private ensureCapacity(capacity: number): void {
    const C = this.data.classCount;
    const grow = <T extends Int32Array | Float64Array>(old: T, size: number, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.nodeFeature = grow(this.nodeFeature, capacity, (n) => new Int32Array(n));
    this.nodeThreshold = grow(this.nodeThreshold, capacity, (n) => new Float64Array(n));
    this.nodeLeft = grow(this.nodeLeft, capacity, (n) => new Int32Array(n));
    this.nodeRight = grow(this.nodeRight, capacity, (n) => new Int32Array(n));
    this.nodeValue = grow(this.nodeValue, capacity * C, (n) => new Float64Array(n));
    this.nodeBin = grow(this.nodeBin, capacity, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}

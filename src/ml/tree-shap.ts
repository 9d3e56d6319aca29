/**
 * Exact Shapley values of a random forest's class probability: Linear TreeSHAP (Yu, Bento,
 * et al., NeurIPS 2022) for the path-dependent value function of Lundberg et al. 2018 — a feature
 * outside the coalition sends the row down both children, weighted by the training rows that
 * reached each (the node cover).
 *
 * Why it is linear: for one leaf L, v_L(S) = value_L × Π_j (j ∈ S ? p_j : q_j) over the distinct
 * features j on its path (p_j: 1 when the row satisfies every split on j along the path, else 0;
 * q_j: product of the cover shares of those splits). The Shapley value of j in such a product game
 * is value_L × (p_j − q_j) × ∫_0^1 Π_{k≠j} (q_k (1 − t) + p_k t) dt, a polynomial of degree below
 * the path's distinct features d, integrated exactly by ceil(d / 2) Gauss–Legendre points. At those points,
 * the leaves' products sum up the tree (S_n = Σ_{leaves under n} value_L P_L), so each edge costs
 * O(points): O(nodes × depth) per tree instead of the classic O(leaves × depth²). A feature split
 * on again deeper down replaces its factor; the deeper edge takes back what the ancestor edge
 * counted for its subtree, so each leaf is counted once, with its feature's combined (p, q).
 * Subtrees that split only on features the row already failed (p = 0) contribute nothing and are
 * not visited (see visit): that skips about two fifths of the hit model's work.
 */
import { type DecisionTree, nodeCount, type RandomForestModel } from './forest.js';
import { gaussLegendre, type Quadrature } from './gauss-legendre.js';

/** Per tree, the (possibly weighted) number of training rows that reached each node. */
export type NodeCover = Float64Array[];

export interface FeatureContribution {
  feature: string;
  value: number;
  contribution: number;
}

/** A prediction's explanation: `base_value + Σ contribution` is the forest's raw probability. */
export interface Explanation {
  base_value: number;
  /** Every feature, largest absolute contribution first. */
  contributions: FeatureContribution[];
}

/**
 * The cover of every node: how many of the rows (row-major, `rows × featureCount`) pass through
 * it, routed as the predictor routes (float32 comparisons). The trees do not record their
 * training cover, so it is derived from rows, normally the model's training rows: then the base
 * value is the mean raw probability over those rows.
 */
export function coverFromRows(model: RandomForestModel, features: ArrayLike<number>, rows: number): NodeCover {
  if (rows < 1) throw new RangeError('the cover needs at least one row');
  return model.trees.map((tree) => {
    const cover = new Float64Array(nodeCount(tree));
    for (let row = 0; row < rows; row++) {
      const offset = row * model.featureCount;
      let node = 0;
      cover[0]!++;
      while (tree.feature[node]! >= 0) {
        node = Math.fround(features[offset + tree.feature[node]!]!) <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
        cover[node]!++;
      }
    }
    return cover;
  });
}

interface PreparedTree {
  tree: DecisionTree;
  /** cover(node) / cover(parent); 0 under a parent no row reached. */
  share: Float64Array;
  quadrature: Quadrature;
  /** A bit per feature split on in each node's subtree (all bits when features do not fit in 31). */
  subtreeFeatures: Int32Array;
  /** Each node's cover-weighted mean of its leaves' class probabilities, `nodeCount × classCount`. */
  meanValue: Float64Array;
  /** Deepest root-to-leaf path, in edges. */
  depth: number;
}

/** A forest ready to explain rows: cover shares, base values and quadrature rules precomputed. */
export class ForestExplainer {
  readonly baseValues: Float64Array;
  private readonly prepared: PreparedTree[];
  private readonly classCount: number;
  // Scratch buffers, sized for the deepest tree: R (path products) and S (subtree sums) per depth.
  private readonly pathProducts: Float64Array;
  private readonly subtreeSums: Float64Array;
  private readonly p: Float64Array;
  private readonly q: Float64Array;
  private readonly phi: Float64Array;
  private points = 1;
  /** Whether features fit in the bits of an int (31): else no subtree is skipped. */
  private readonly featureBits: boolean;

  constructor(
    readonly model: RandomForestModel,
    cover: NodeCover,
  ) {
    if (cover.length !== model.trees.length) throw new RangeError(`cover has ${cover.length} trees, the model ${model.trees.length}`);
    this.classCount = model.classes.length;
    this.baseValues = new Float64Array(this.classCount);
    this.featureBits = model.featureCount <= 31;
    let maxDepth = 0;
    let maxPoints = 1;
    this.prepared = model.trees.map((tree, index) => {
      const treeCover = cover[index]!;
      if (treeCover.length !== nodeCount(tree)) throw new RangeError(`cover of tree ${index} has ${treeCover.length} nodes, the tree ${nodeCount(tree)}`);
      if (!(treeCover[0]! > 0)) throw new RangeError(`no row reached the root of tree ${index}`);
      const prepared = this.prepareTree(tree, treeCover);
      maxDepth = Math.max(maxDepth, prepared.depth);
      maxPoints = Math.max(maxPoints, prepared.quadrature.points.length);
      return prepared;
    });
    for (let c = 0; c < this.classCount; c++) this.baseValues[c]! /= model.trees.length;
    this.pathProducts = new Float64Array((maxDepth + 2) * maxPoints);
    this.subtreeSums = new Float64Array((maxDepth + 2) * maxPoints);
    this.p = new Float64Array(model.featureCount);
    this.q = new Float64Array(model.featureCount);
    this.phi = new Float64Array(model.featureCount);
  }

  /**
   * Shapley values of each feature for the probability of class `classIndex` of one row:
   * `baseValues[classIndex] + Σ result` equals the forest's probability (up to rounding).
   */
  shapValues(row: ArrayLike<number>, classIndex: number): Float64Array {
    if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < this.classCount))
      throw new RangeError(`classIndex must be in 0..${this.classCount - 1}`);
    if (row.length !== this.model.featureCount) throw new RangeError(`a row has ${this.model.featureCount} features, got ${row.length}`);
    const { phi, p, q } = this;
    phi.fill(0);
    for (const prepared of this.prepared) {
      p.fill(1);
      q.fill(1);
      this.points = prepared.quadrature.points.length;
      const m = this.points;
      this.pathProducts.fill(1, 0, m);
      this.subtreeSums.fill(0, 0, m);
      this.visit(prepared, row, classIndex, 0, 0, 0);
    }
    const result = new Float64Array(phi.length);
    for (let f = 0; f < phi.length; f++) result[f] = phi[f]! / this.prepared.length;
    return result;
  }

  /** The explanation of one row for class `classIndex`, features named, largest effect first. */
  explain(row: ArrayLike<number>, classIndex: number, featureNames: readonly string[]): Explanation {
    if (featureNames.length !== this.model.featureCount) throw new RangeError(`${featureNames.length} feature names for ${this.model.featureCount} features`);
    const values = this.shapValues(row, classIndex);
    const contributions = featureNames.map((feature, index) => ({ feature, value: Number(row[index]), contribution: values[index]!, index }));
    contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.index - b.index);
    return {
      base_value: this.baseValues[classIndex]!,
      contributions: contributions.map(({ feature, value, contribution }) => ({ feature, value, contribution })),
    };
  }

  /**
   * Fills S (subtreeSums at `depth`) for `node`, given R (pathProducts at `depth`), adding each
   * child edge's share of the Shapley values to phi. `offPath` has a bit per feature the row
   * already failed a split on along the path (p = 0).
   *
   * A split on such a feature contributes nothing: (0 − q_new) ∫ S / (q_new (1 − t)) and the
   * (0 − q_old) ∫ S / (q_old (1 − t)) it takes back cancel, and it scales R by the cover share
   * alone. So a subtree that splits only on such features adds nothing to phi and its S is R
   * times its cover-weighted mean value, known in advance: it is not visited. A leaf is the
   * smallest such subtree.
   */
  private visit(prepared: PreparedTree, row: ArrayLike<number>, classIndex: number, node: number, depth: number, offPath: number): void {
    const { tree, share, quadrature, subtreeFeatures, meanValue } = prepared;
    const m = this.points;
    const R = this.pathProducts;
    const S = this.subtreeSums;
    const at = depth * m;
    if ((subtreeFeatures[node]! & ~offPath) === 0) {
      const value = meanValue[node * this.classCount + classIndex]!;
      for (let k = 0; k < m; k++) S[at + k] = value * R[at + k]!;
      return;
    }
    const feature = tree.feature[node]!;
    for (let k = 0; k < m; k++) S[at + k] = 0;
    const next = at + m;
    const { p, q, phi } = this;
    const pOld = p[feature]!;
    if (pOld === 0) {
      // Both children: p stays 0, R scales by the cover share, no contribution of this split.
      for (let side = 0; side < 2; side++) {
        const child = side === 0 ? tree.left[node]! : tree.right[node]!;
        const childShare = share[child]!;
        if (childShare === 0) continue;
        if ((subtreeFeatures[child]! & ~offPath) === 0) {
          // Skipped subtree (a leaf at least), without a call.
          const value = childShare * meanValue[child * this.classCount + classIndex]!;
          for (let k = 0; k < m; k++) S[at + k]! += value * R[at + k]!;
          continue;
        }
        for (let k = 0; k < m; k++) R[next + k] = R[at + k]! * childShare;
        this.visit(prepared, row, classIndex, child, depth + 1, offPath);
        for (let k = 0; k < m; k++) S[at + k]! += S[next + k]!;
      }
      return;
    }
    const goesLeft = Math.fround(row[feature]!) <= tree.threshold[node]!;
    const { points, weights } = quadrature;
    const qOld = q[feature]!;
    const featureBit = this.featureBits ? 1 << feature : 0;
    for (let side = 0; side < 2; side++) {
      const child = side === 0 ? tree.left[node]! : tree.right[node]!;
      const pNew = (side === 0) === goesLeft ? pOld : 0;
      const qNew = qOld * share[child]!;
      // No coalition reaches this subtree: every leaf under it has weight 0.
      if (pNew === 0 && qNew === 0) continue;
      for (let k = 0; k < m; k++) {
        const t = points[k]!;
        R[next + k] = (R[at + k]! * (qNew * (1 - t) + pNew * t)) / (qOld * (1 - t) + pOld * t);
      }
      const childOffPath = pNew === 0 ? offPath | featureBit : offPath;
      if ((subtreeFeatures[child]! & ~childOffPath) === 0) {
        // Skipped subtree (a leaf at least), without a call.
        const value = meanValue[child * this.classCount + classIndex]!;
        for (let k = 0; k < m; k++) S[next + k] = value * R[next + k]!;
      } else {
        p[feature] = pNew;
        q[feature] = qNew;
        this.visit(prepared, row, classIndex, child, depth + 1, childOffPath);
        p[feature] = pOld;
        q[feature] = qOld;
      }
      let added = 0;
      let removed = 0;
      for (let k = 0; k < m; k++) {
        const t = points[k]!;
        const sum = S[next + k]!;
        S[at + k]! += sum;
        added += (weights[k]! * sum) / (qNew * (1 - t) + pNew * t);
        removed += (weights[k]! * sum) / (qOld * (1 - t) + pOld * t);
      }
      phi[feature]! += (pNew - qNew) * added - (pOld - qOld) * removed;
    }
  }

  /** Cover shares, the tree's share of the base values, its depth and the quadrature it needs. */
  private prepareTree(tree: DecisionTree, cover: Float64Array): PreparedTree {
    const nodes = nodeCount(tree);
    const share = new Float64Array(nodes);
    share[0] = 1;
    const C = this.classCount;
    let depth = 0;
    let distinct = 0;
    // Depth-first: (node, depth, distinct features on the path to it).
    const seen = new Uint8Array(this.model.featureCount);
    const subtreeFeatures = new Int32Array(nodes);
    const meanValue = new Float64Array(nodes * C);
    const walk = (node: number, nodeDepth: number, pathFeatures: number) => {
      depth = Math.max(depth, nodeDepth);
      distinct = Math.max(distinct, pathFeatures);
      const feature = tree.feature[node]!;
      if (feature < 0) {
        const weight = cover[node]! / cover[0]!;
        for (let c = 0; c < C; c++) {
          meanValue[node * C + c] = tree.value[node * C + c]!;
          this.baseValues[c]! += weight * tree.value[node * C + c]!;
        }
        return;
      }
      const firstTime = seen[feature] === 0;
      seen[feature] = 1;
      subtreeFeatures[node] = this.featureBits ? 1 << feature : -1;
      for (const child of [tree.left[node]!, tree.right[node]!]) {
        share[child] = cover[node]! > 0 ? cover[child]! / cover[node]! : 0;
        walk(child, nodeDepth + 1, pathFeatures + (firstTime ? 1 : 0));
        subtreeFeatures[node]! |= subtreeFeatures[child]!;
        for (let c = 0; c < C; c++) meanValue[node * C + c]! += share[child]! * meanValue[child * C + c]!;
      }
      if (firstTime) seen[feature] = 0;
    };
    walk(0, 0, 0);
    // The integrands have degree < distinct; n points are exact up to degree 2n − 1.
    return { tree, share, quadrature: gaussLegendre(Math.max(1, Math.ceil(distinct / 2))), subtreeFeatures, meanValue, depth };
  }
}

/**
 * Exact Shapley values of a random forest's class probability: Linear TreeSHAP (Yu, Bento,
 * et al., NeurIPS 2022) for the path-dependent value function of Lundberg et al. 2018 — a feature
 * outside the coalition sends the row down both children, weighted by the training rows that
 * reached each (the node cover).
 *
 * Why it is linear: for one leaf L, v_L(S) = value_L × Π_j (j ∈ S ? p_j : q_j) over the distinct
 * features j on its path (p_j: 1 when the row satisfies every split on j along the path, else 0;
 * q_j: product of the cover shares of those splits). The Shapley value of j in such a product game
 * is value_L × (p_j − q_j) × ∫_0^1 Π_{k≠j} (q_k (1 − t) + p_k t) dt, a polynomial of degree
 * < depth integrated exactly by ceil(depth / 2) Gauss–Legendre points. Evaluated at those points,
 * the leaves' products sum up the tree (S_n = Σ_{leaves under n} value_L P_L), so each edge costs
 * O(points): O(nodes × depth) per tree instead of the classic O(leaves × depth²). A feature split
 * on again deeper down replaces its factor; the deeper edge takes back what the ancestor edge
 * counted for its subtree, so each leaf is counted once, with its feature's combined (p, q).
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

  constructor(
    readonly model: RandomForestModel,
    cover: NodeCover,
  ) {
    if (cover.length !== model.trees.length) throw new RangeError(`cover has ${cover.length} trees, the model ${model.trees.length}`);
    this.classCount = model.classes.length;
    this.baseValues = new Float64Array(this.classCount);
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
    if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < this.classCount)) throw new RangeError(`classIndex must be in 0..${this.classCount - 1}`);
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
      this.visit(prepared, row, classIndex, 0, 0);
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
   * child edge's share of the Shapley values to phi.
   */
  private visit(prepared: PreparedTree, row: ArrayLike<number>, classIndex: number, node: number, depth: number): void {
    const { tree, share, quadrature } = prepared;
    const m = this.points;
    const R = this.pathProducts;
    const S = this.subtreeSums;
    const at = depth * m;
    const feature = tree.feature[node]!;
    if (feature < 0) {
      const value = tree.value[node * this.classCount + classIndex]!;
      for (let k = 0; k < m; k++) S[at + k] = value * R[at + k]!;
      return;
    }
    for (let k = 0; k < m; k++) S[at + k] = 0;
    const goesLeft = Math.fround(row[feature]!) <= tree.threshold[node]!;
    const { p, q, phi } = this;
    const { points, weights } = quadrature;
    const pOld = p[feature]!;
    const qOld = q[feature]!;
    const next = at + m;
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
      p[feature] = pNew;
      q[feature] = qNew;
      this.visit(prepared, row, classIndex, child, depth + 1);
      p[feature] = pOld;
      q[feature] = qOld;
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
    const walk = (node: number, nodeDepth: number, pathFeatures: number) => {
      depth = Math.max(depth, nodeDepth);
      distinct = Math.max(distinct, pathFeatures);
      const feature = tree.feature[node]!;
      if (feature < 0) {
        const weight = cover[node]! / cover[0]!;
        for (let c = 0; c < C; c++) this.baseValues[c]! += weight * tree.value[node * C + c]!;
        return;
      }
      const firstTime = seen[feature] === 0;
      seen[feature] = 1;
      for (const child of [tree.left[node]!, tree.right[node]!]) {
        share[child] = cover[node]! > 0 ? cover[child]! / cover[node]! : 0;
        walk(child, nodeDepth + 1, pathFeatures + (firstTime ? 1 : 0));
      }
      if (firstTime) seen[feature] = 0;
    };
    walk(0, 0, 0);
    // The integrands have degree < distinct; n points are exact up to degree 2n − 1.
    return { tree, share, quadrature: gaussLegendre(Math.max(1, Math.ceil(distinct / 2))), depth };
  }
}

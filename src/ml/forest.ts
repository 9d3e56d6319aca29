/**
 * A trained random forest as plain data: what the trainer produces, what the ONNX exporter
 * writes, and what the TypeScript predictor reads. Shared by every model of the project.
 */

/** One decision tree in flat arrays; node 0 is the root. */
export interface DecisionTree {
  /** Feature index a node splits on; -1 for a leaf. */
  feature: Int32Array;
  /**
   * A row goes left when `x[feature] <= threshold`. Thresholds are float32 values (Math.fround),
   * and predictors compare float32 features, so ONNX (float tensors) gives identical splits.
   */
  threshold: Float64Array;
  /** Child node indices; -1 for a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** Class probabilities of each node, `nodeCount × classCount`, each row summing to 1. */
  value: Float64Array;
}

export interface RandomForestModel {
  /** Number of input features, in the order the model was trained on. */
  featureCount: number;
  /** The class labels, in the order of `value` columns (e.g. [0, 1]). */
  classes: number[];
  trees: DecisionTree[];
  /** Mean impurity decrease per feature, summing to 1. */
  featureImportances: number[];
  /** Accuracy of each training row's out-of-bag trees, when bootstrap was on. */
  oobScore?: number;
}

export function nodeCount(tree: DecisionTree): number {
  return tree.feature.length;
}

/**
 * Class probabilities of rows (row-major, `rows × featureCount`), the mean of the trees' leaf
 * distributions, as scikit-learn's predict_proba. Returns `rows × classCount`.
 */
export function predictProbabilities(model: RandomForestModel, features: ArrayLike<number>, rows: number): Float64Array {
  const classCount = model.classes.length;
  const out = new Float64Array(rows * classCount);
  // Tree by tree, so one tree's nodes stay in cache while every row walks it.
  for (const tree of model.trees) {
    for (let row = 0; row < rows; row++) {
      const offset = row * model.featureCount;
      let node = 0;
      while (tree.feature[node]! >= 0) {
        node = Math.fround(features[offset + tree.feature[node]!]!) <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      }
      for (let c = 0; c < classCount; c++) out[row * classCount + c]! += tree.value[node * classCount + c]!;
    }
  }
  const treeCount = model.trees.length;
  for (let i = 0; i < out.length; i++) out[i]! /= treeCount;
  return out;
}

import { predictProbabilities, type RandomForestModel } from './forest.js';
import { accuracy, confusionMatrix, precisionRecallF1, rocAuc } from './metrics.js';

/** How a binary classifier did on held-out rows (class index 1 is the positive class). */
export interface BinaryEvaluation {
  accuracy: number;
  roc_auc: number;
  precision: number;
  recall: number;
  f1: number;
  /** [actual][predicted], class indices 0 and 1. */
  confusion_matrix: number[][];
}

export function evaluateBinary(model: RandomForestModel, features: Float32Array, labels: Int32Array): BinaryEvaluation {
  return evaluateBinaryProbabilities(predictProbabilities(model, features, labels.length), labels);
}

/** The same from two-column probabilities (row-major, [FLOP, HIT]), e.g. an ONNX model's output. */
export function evaluateBinaryProbabilities(probabilities: ArrayLike<number>, labels: Int32Array): BinaryEvaluation {
  const positive = Float64Array.from({ length: labels.length }, (_, row) => probabilities[row * 2 + 1]!);
  // The winning class, ties to the first class, as argmax over probabilities.
  const predicted = Int32Array.from(positive, (p) => (p > 0.5 ? 1 : 0));
  const { precision, recall, f1 } = precisionRecallF1(predicted, labels, 1);
  return {
    accuracy: accuracy(predicted, labels),
    roc_auc: rocAuc(positive, labels),
    precision,
    recall,
    f1,
    confusion_matrix: confusionMatrix(predicted, labels, 2),
  };
}

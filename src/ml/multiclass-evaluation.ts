import { accuracy, argmaxRows, macroOvrRocAuc, precisionRecallF1, type PrecisionRecallF1 } from './metrics.js';

export interface ClassReport extends PrecisionRecallF1 {
  /** Rows of this class among the evaluated ones. */
  support: number;
}

/** How a classifier of several classes did on held-out rows. */
export interface MulticlassEvaluation {
  accuracy: number;
  /** Mean one-vs-rest ROC AUC. */
  roc_auc: number;
  /** Unweighted mean of the classes' F1 (classes with support only). */
  f1: number;
  /** Precision, recall, F1 and support per class name (scikit-learn's classification_report). */
  per_class: Record<string, ClassReport>;
  /** Accuracy of always answering the most common class of the training rows. */
  majority_baseline: { class: string; accuracy: number };
}

/**
 * Scores `probabilities` (rows × classes) against `labels`; `trainingLabels` give the majority
 * class that the baseline always answers.
 */
export function evaluateMulticlass(probabilities: ArrayLike<number>, labels: Int32Array, classes: string[], trainingLabels: Int32Array): MulticlassEvaluation {
  const predicted = argmaxRows(probabilities, classes.length);
  const per_class: Record<string, ClassReport> = {};
  const f1s: number[] = [];
  classes.forEach((name, c) => {
    const support = labels.reduce((count, label) => count + (label === c ? 1 : 0), 0);
    const scores = precisionRecallF1(predicted, labels, c);
    per_class[name] = { ...scores, support };
    if (support > 0) f1s.push(scores.f1);
  });
  const trainingCounts = new Array<number>(classes.length).fill(0);
  for (const label of trainingLabels) trainingCounts[label]!++;
  const majority = trainingCounts.indexOf(Math.max(...trainingCounts));
  return {
    accuracy: accuracy(predicted, labels),
    roc_auc: macroOvrRocAuc(probabilities, labels, classes.length),
    f1: f1s.length > 0 ? f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length : 0,
    per_class,
    majority_baseline: { class: classes[majority]!, accuracy: accuracy(new Int32Array(labels.length).fill(majority), labels) },
  };
}

/** Classification metrics, as scikit-learn computes them. */

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
}

/**
 * Area under the ROC curve of `scores` for binary `labels` (1 positive, 0 negative), by the
 * Mann-Whitney rank statistic with tied scores given their average rank. NaN when one class is
 * absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(scores, labels);
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let positiveRanks = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && scores[order[j]!] === scores[order[i]!]) j++;
    const rank = (i + 1 + j) / 2; // average of ranks i+1 .. j
    for (let k = i; k < j; k++) {
      const label = labels[order[k]!];
      if (label === 1) {
        positives++;
        positiveRanks += rank;
      } else if (label !== 0) throw new RangeError(`rocAuc labels must be 0 or 1, got ${label}`);
    }
    i = j;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRanks - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Fraction of `predicted` equal to `labels`. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(predicted, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return labels.length > 0 ? correct / labels.length : Number.NaN;
}

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of class `positive`; 0 where a ratio is 0/0 (scikit-learn's zero_division). */
export function precisionRecallF1(predicted: ArrayLike<number>, labels: ArrayLike<number>, positive = 1): PrecisionRecallF1 {
  checkLengths(predicted, labels);
  let truePositives = 0;
  let predictedPositives = 0;
  let actualPositives = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = predicted[i] === positive;
    const a = labels[i] === positive;
    if (p) predictedPositives++;
    if (a) actualPositives++;
    if (p && a) truePositives++;
  }
  const precision = predictedPositives > 0 ? truePositives / predictedPositives : 0;
  const recall = actualPositives > 0 ? truePositives / actualPositives : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * `matrix[actual][predicted]` counts for class indices 0..classCount-1 (scikit-learn's layout:
 * rows are true labels, columns predictions).
 */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classCount: number): number[][] {
  checkLengths(predicted, labels);
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const actual = labels[i]!;
    const guess = predicted[i]!;
    if (!(actual >= 0 && actual < classCount && guess >= 0 && guess < classCount) || !Number.isInteger(actual) || !Number.isInteger(guess)) {
      throw new RangeError(`confusionMatrix values must be class indices in 0..${classCount - 1}`);
    }
    matrix[actual]![guess]!++;
  }
  return matrix;
}

/** The class with the highest probability in each row of a `rows × classCount` matrix (first wins a tie). */
export function argmaxRows(probabilities: ArrayLike<number>, classCount: number): Int32Array {
  const rows = probabilities.length / classCount;
  const out = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let c = 1; c < classCount; c++) if (probabilities[row * classCount + c]! > probabilities[row * classCount + best]!) best = c;
    out[row] = best;
  }
  return out;
}

/**
 * Mean one-vs-rest ROC AUC over the classes present among `labels` (scikit-learn's
 * roc_auc_score(multi_class="ovr", average="macro"), restricted to classes it can score).
 */
export function macroOvrRocAuc(probabilities: ArrayLike<number>, labels: ArrayLike<number>, classCount: number): number {
  const rows = labels.length;
  const aucs: number[] = [];
  for (let c = 0; c < classCount; c++) {
    const scores = Float64Array.from({ length: rows }, (_, row) => probabilities[row * classCount + c]!);
    const binary = Int32Array.from({ length: rows }, (_, row) => (labels[row] === c ? 1 : 0));
    const auc = rocAuc(scores, binary);
    if (!Number.isNaN(auc)) aucs.push(auc);
  }
  return aucs.length > 0 ? aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length : Number.NaN;
}

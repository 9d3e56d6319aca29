/**
 * How well probabilities match outcomes, for binary labels (1 = positive): the Brier score, the
 * expected calibration error and the reliability table behind both, over equal-width bins of
 * the predicted probability ([0, 0.1), [0.1, 0.2), … [0.9, 1.0] for 10 bins).
 */

export interface ReliabilityBin {
  /** Bin range of predicted probabilities: from <= p < to (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  /** Mean predicted probability of the bin's rows; null for an empty bin. */
  mean_predicted: number | null;
  /** Share of positives among the bin's rows; null for an empty bin. */
  observed_rate: number | null;
}

function checkLengths(probabilities: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (probabilities.length !== labels.length) throw new RangeError(`${probabilities.length} probabilities for ${labels.length} labels`);
  if (labels.length === 0) throw new RangeError('no rows to measure calibration on');
}

/** Mean squared difference between the probability and the 0/1 outcome. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i]! - labels[i]!) ** 2;
  return sum / labels.length;
}

/** Equal-width bins of the predicted probability with their counts, mean predictions and observed rates. */
export function reliabilityTable(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  checkLengths(probabilities, labels);
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError('bins must be a positive integer');
  const counts = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]!;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    counts[bin]!++;
    predicted[bin]! += p;
    positives[bin]! += labels[i]!;
  }
  return Array.from(counts, (count, bin) => ({
    from: bin / bins,
    to: (bin + 1) / bins,
    count,
    mean_predicted: count > 0 ? predicted[bin]! / count : null,
    observed_rate: count > 0 ? positives[bin]! / count : null,
  }));
}

/** Σ over bins of (rows in bin / rows) × |mean predicted − observed rate| (10 equal-width bins by default). */
export function expectedCalibrationError(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  return calibrationErrorOf(reliabilityTable(probabilities, labels, bins));
}

/** The expected calibration error a reliability table implies. */
export function calibrationErrorOf(table: ReliabilityBin[]): number {
  const rows = table.reduce((sum, bin) => sum + bin.count, 0);
  let error = 0;
  for (const bin of table) if (bin.count > 0) error += (bin.count / rows) * Math.abs(bin.mean_predicted! - bin.observed_rate!);
  return error;
}

import { describe, expect, it } from 'vitest';
import { calibrate, calibrationReport, chooseCalibration, fitCalibration } from '../../src/ml/calibration.js';
import { Random } from '../../src/ml/random.js';

/** `rows` uniform scores with outcomes drawn from `truth(score)`. */
function sample(rows: number, seed: number, truth: (score: number) => number) {
  const random = new Random(seed);
  const scores = Float64Array.from({ length: rows }, () => random.next());
  const labels = Int32Array.from(scores, (score) => (random.next() < truth(score) ? 1 : 0));
  return { scores, labels };
}

describe('calibration', () => {
  it('chooses isotonic when the true rate jumps at a threshold (no sigmoid fits a step)', () => {
    const { scores, labels } = sample(3000, 1, (s) => (s < 0.6 ? 0.1 : 0.9));
    const choice = chooseCalibration(scores, labels);
    expect(choice.calibration.method).toBe('isotonic');
    expect(choice.cross_validated_brier.isotonic).toBeLessThan(choice.cross_validated_brier.platt);
  });

  it('chooses Platt when the true rate is a sigmoid of the score and rows are few', () => {
    const { scores, labels } = sample(150, 2, (s) => 1 / (1 + Math.exp(-6 * (s - 0.5))));
    expect(chooseCalibration(scores, labels).calibration.method).toBe('platt');
  });

  it('leaves out rows whose out-of-bag score is missing', () => {
    const { scores, labels } = sample(200, 3, (s) => s);
    scores[0] = Number.NaN;
    const { calibration } = chooseCalibration(scores, labels);
    expect(Number.isFinite(calibrate(calibration, 0.5))).toBe(true);
  });

  it('reports the Brier score and calibration error before and after, the calibrated one lower for overconfident scores', () => {
    // Raw scores claim s, the truth is halfway to 0.5: overconfident at both ends.
    const truth = (s: number) => 0.25 + s / 2;
    const fit = sample(4000, 4, truth);
    const held = sample(4000, 5, truth);
    const report = calibrationReport(fitCalibration('isotonic', fit.scores, fit.labels), held.scores, held.labels);
    expect(report).toMatchObject({ method: 'isotonic', rows: 4000 });
    expect(report.ece_after).toBeLessThan(report.ece_before);
    expect(report.brier_after).toBeLessThan(report.brier_before);
    expect(report.reliability.map((bin) => bin.count).reduce((a, b) => a + b)).toBe(4000);
  });
});

import { describe, expect, it } from 'vitest';
import { brierScore, expectedCalibrationError, reliabilityTable } from '../../src/ml/calibration-metrics.js';

describe('calibration metrics', () => {
  it('gives the Brier score as the mean squared distance to the outcome', () => {
    expect(brierScore([0.2, 0.8, 1], [0, 1, 0])).toBeCloseTo((0.04 + 0.04 + 1) / 3, 15);
  });

  it('weighs each bin gap by its share of rows in the expected calibration error', () => {
    // Bin [0, 0.1): predicted 0.05, observed 1/2; bin [0.9, 1]: predicted 0.95, observed 1.
    expect(expectedCalibrationError([0.05, 0.05, 0.95, 0.95], [0, 1, 1, 1])).toBeCloseTo(0.5 * 0.45 + 0.5 * 0.05, 15);
  });

  it('has no calibration error when every bin predicts its observed rate', () => {
    expect(expectedCalibrationError([0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75], [1, 0, 0, 0, 1, 1, 1, 0])).toBe(0);
  });

  it('lays the reliability table out in ten equal-width bins, a probability of 1 in the last', () => {
    const table = reliabilityTable([0, 0.1, 0.15, 0.99, 1], [0, 1, 0, 1, 1]);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ from: 0, to: 0.1, count: 1, mean_predicted: 0, observed_rate: 0 });
    expect(table[1]).toEqual({ from: 0.1, to: 0.2, count: 2, mean_predicted: 0.125, observed_rate: 0.5 });
    expect(table[5]).toEqual({ from: 0.5, to: 0.6, count: 0, mean_predicted: null, observed_rate: null });
    expect(table[9]).toMatchObject({ count: 2, mean_predicted: 0.995, observed_rate: 1 });
  });

  it('refuses probabilities and labels of different lengths', () => {
    expect(() => brierScore([0.5], [1, 0])).toThrow(/1 probabilities for 2 labels/);
  });
});

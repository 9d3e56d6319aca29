import { describe, expect, it } from 'vitest';
import { hitPredictions } from '../../../../src/features/hit-prediction/model/hit-probabilities.js';
import type { Calibration } from '../../../../src/ml/calibration.js';

/** Raw HIT 0.3 → 0.2, 0.7 → 0.9, linear between. */
const calibration: Calibration = { method: 'isotonic', x: [0.3, 0.7], y: [0.2, 0.9] };
const explanation = { base_value: 0.5, contributions: [{ feature: 'energy', value: 0.9, contribution: 0.1 }] };

describe('hit predictions from the forest’s probabilities', () => {
  it('answers the raw probabilities, uncalibrated, for a version without a calibration', () => {
    const [prediction] = hitPredictions(Float32Array.of(0.4, 0.6), 1, { modelVersion: 'v', hitColumn: 1 });
    expect(prediction).toEqual({
      isHit: true,
      prediction: 'HIT',
      confidence: 60,
      probabilities: { HIT: Math.fround(0.6), FLOP: Math.fround(0.4) },
      modelVersion: 'v',
      rawProbability: Math.fround(0.6),
      calibrated: false,
    });
  });

  it('answers confidence and probabilities from the calibrated HIT probability, keeping the raw one beside them', () => {
    const [prediction] = hitPredictions(Float32Array.of(0.5, 0.5), 1, { modelVersion: 'v', hitColumn: 1, calibration });
    expect(prediction).toMatchObject({
      prediction: 'HIT',
      confidence: 55,
      probabilities: { HIT: 0.55, FLOP: 1 - 0.55 },
      rawProbability: 0.5,
      calibrated: true,
    });
  });

  it('decides HIT or FLOP by the calibrated probability', () => {
    const [prediction] = hitPredictions(Float32Array.of(0.4, 0.6), 1, { modelVersion: 'v', hitColumn: 1, calibration: { method: 'platt', a: 0, b: 1 } });
    expect(prediction).toMatchObject({ prediction: 'FLOP', rawProbability: Math.fround(0.6) });
    expect(prediction!.confidence).toBeCloseTo(100 / (1 + Math.exp(-1)), 2);
  });

  it('takes an explained row’s raw score (the one its explanation adds up to) instead of onnxruntime’s', () => {
    const [prediction] = hitPredictions(Float32Array.of(0.4, 0.6), 1, { modelVersion: 'v', hitColumn: 1, explained: [{ raw: 0.6000001, explanation }] });
    expect(prediction).toMatchObject({ rawProbability: 0.6000001, probabilities: { HIT: 0.6000001, FLOP: 1 - 0.6000001 }, explanation });
  });

  it('answers a null explanation when asked for one the version cannot give, and none when not asked', () => {
    expect(hitPredictions(Float32Array.of(0.4, 0.6), 1, { modelVersion: 'v', hitColumn: 1, explained: null })[0]!.explanation).toBeNull();
    expect(hitPredictions(Float32Array.of(0.4, 0.6), 1, { modelVersion: 'v', hitColumn: 1 })[0]).not.toHaveProperty('explanation');
  });
});

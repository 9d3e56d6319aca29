import { describe, expect, it } from 'vitest';
import {
  contributionBars,
  describeCalibration,
  describeExplanation,
  featurePhrase,
  featureValue,
  importanceEntries,
  plotPoint,
  pointRadius,
  reliabilityPath,
  reliabilityPoints,
  signedPoints,
  type Calibration,
  type Explanation,
} from '../../../../web/src/features/hit-prediction/explanation.js';

const explanation: Explanation = {
  base_value: 0.49,
  contributions: [
    { feature: 'energy', value: 0.31, contribution: -0.041 },
    { feature: 'danceability', value: 0.82, contribution: 0.092 },
    { feature: 'mode', value: 1, contribution: 0.003 },
    { feature: 'tempo', value: 121.4, contribution: 0 },
  ],
};
const raw = 0.49 + 0.092 - 0.041 + 0.003;

const bin = (from: number, count: number, mean_predicted: number | null, observed_rate: number | null) => ({
  from,
  to: from + 0.1,
  count,
  mean_predicted,
  observed_rate,
});
const calibration: Calibration = {
  method: 'isotonic',
  rows: 12_345,
  brier_before: 0.1834,
  brier_after: 0.1761,
  ece_before: 0.0612,
  ece_after: 0.0148,
  reliability: [bin(0, 0, null, null), bin(0.1, 40, 0.15, 0.12), bin(0.6, 90, 0.64, 0.66)],
  reliability_before: [bin(0, 10, 0.07, 0.02), bin(0.1, 35, 0.14, 0.05), bin(0.6, 80, 0.65, 0.8)],
  fit: { method: 'isotonic', x: [0, 1], y: [0, 1] },
};

describe('contribution sentences', () => {
  it('starts from the average song, names what raised and lowered the chance most, and ends at the model’s score', () => {
    expect(describeExplanation(explanation, raw)).toBe(
      'Starting from the average song’s 49% chance of being a hit, danceability 0.82 raised it most (+9 points) and energy 0.31 lowered it (−4 points); ' +
        'all 4 features together bring the model’s score to 54%.',
    );
  });

  it('adds the calibrated chance when it reads differently from the raw score', () => {
    expect(describeExplanation(explanation, raw, 0.58)).toMatch(
      /score to 54%\. Checked against how often songs with such scores really were hits, that is a 58% chance\.$/,
    );
  });

  it('leaves the calibrated chance out when it rounds to the raw score', () => {
    expect(describeExplanation(explanation, raw, 0.5405)).toMatch(/score to 54%\.$/);
  });

  it('says so when no feature lowered the chance', () => {
    const onlyUp = { base_value: 0.3, contributions: [{ feature: 'explicit', value: 1, contribution: 0.004 }] };
    expect(describeExplanation(onlyUp)).toBe(
      'Starting from the average song’s 30% chance of being a hit, explicit lyrics raised it (+0.4 points) and no feature lowered it; the one feature brings the model’s score to 30%.',
    );
  });

  it('says so when no feature moved the chance', () => {
    expect(describeExplanation({ base_value: 0.5, contributions: [{ feature: 'tempo', value: 120, contribution: 0 }] })).toContain('no feature moved it');
  });

  it('sums the contributions onto the base value when the raw score is not given', () => {
    expect(describeExplanation({ base_value: 0.4, contributions: [{ feature: 'energy', value: 0.9, contribution: -0.12 }] })).toMatch(/score to 28%\.$/);
  });
});

describe('feature words', () => {
  it('writes each value in its unit, also for features the form does not have', () => {
    expect([featureValue('duration_ms', 214_000), featureValue('loudness', -5.23), featureValue('key', 1), featureValue('time_signature', 4)]).toEqual([
      '3:34',
      '-5.2 dB',
      'C♯',
      '4 beats',
    ]);
  });

  it('names a coded feature by what its value means inside a sentence', () => {
    expect([featurePhrase('mode', 0), featurePhrase('explicit', 0), featurePhrase('key', -1), featurePhrase('time_signature', 3)]).toEqual([
      'the minor key',
      'clean lyrics',
      'no detected key',
      'time signature 3 beats',
    ]);
  });

  it('signs points with a true minus and shows a zero without a sign', () => {
    expect([signedPoints(0.092), signedPoints(-0.0041), signedPoints(0.00001)]).toEqual(['+9.2', '−0.4', '0.0']);
  });
});

describe('contribution bars', () => {
  it('puts the largest effect first and scales every bar to it, on the side it pushes toward', () => {
    expect(
      contributionBars(explanation.contributions).map(({ label, value, points, side, share }) => [label, value, points, side, Number(share.toFixed(3))]),
    ).toEqual([
      ['Danceability', '0.82', '+9.2', 'hit', 1],
      ['Energy', '0.31', '−4.1', 'flop', 0.446],
      ['Mode', 'Major', '+0.3', 'hit', 0.033],
      ['Tempo', '121 BPM', '0.0', 'none', 0],
    ]);
  });

  it('draws no bar length when every contribution is zero', () => {
    expect(contributionBars([{ feature: 'energy', value: 0.5, contribution: 0 }])[0]!.share).toBe(0);
  });
});

describe('the reliability curve', () => {
  const box = { left: 40, right: 240, top: 10, bottom: 210 };

  it('draws only the bins that hold songs', () => {
    expect(reliabilityPoints(calibration.reliability)).toEqual([
      { predicted: 0.15, observed: 0.12, count: 40, from: 0.1, to: 0.2 },
      { predicted: 0.64, observed: 0.66, count: 90, from: 0.6, to: 0.7 },
    ]);
  });

  it('places chance 0 at the bottom left and 1 at the top right, clamping what lies outside', () => {
    expect([plotPoint(0, 0, box), plotPoint(1, 1, box), plotPoint(0.5, 0.25, box), plotPoint(1.2, -0.1, box)]).toEqual([
      { x: 40, y: 210 },
      { x: 240, y: 10 },
      { x: 140, y: 160 },
      { x: 240, y: 210 },
    ]);
  });

  it('joins the points in a path, and draws none without points', () => {
    expect(reliabilityPath(reliabilityPoints(calibration.reliability), box)).toBe('M 70.0 186.0 L 168.0 78.0');
    expect(reliabilityPath([], box)).toBe('');
  });

  it('sizes a point by the songs in its bin, the fullest at 7 px', () => {
    expect([pointRadius(90, 90), pointRadius(0, 90), pointRadius(0, 0)]).toEqual([7, 3, 3]);
  });

  it('says how it was fitted, the expected calibration error and the Brier score before and after', () => {
    expect(describeCalibration(calibration)).toEqual([
      'The forest’s scores are turned into chances by isotonic regression (a step curve that only rises), fitted on 12,345 songs, each scored by the trees that had not seen it.',
      'Before calibration a predicted chance was off from the real hit rate by 6.1 points on average (expected calibration error); after calibration, by 1.5 points.',
      'Brier score (the mean squared gap between the predicted chance and what happened; 0 is perfect, lower is better): 0.183 before, 0.176 after.',
    ]);
  });

  it('says when calibration did not lower the error', () => {
    expect(describeCalibration({ ...calibration, method: 'platt', ece_after: 0.07 })[1]).toMatch(/by 7\.0 points, no better\.$/);
  });
});

describe('global importance', () => {
  it('labels each feature by its name and puts the largest mean effect first', () => {
    expect(
      importanceEntries([
        { feature: 'tempo', mean_abs_contribution: 0.01 },
        { feature: 'speechiness', mean_abs_contribution: 0.05 },
      ]),
    ).toEqual([
      { label: 'Speechiness', value: 0.05 },
      { label: 'Tempo', value: 0.01 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { SongPrediction } from '../../../../web/src/api/types.js';
import { DEFAULT_FEATURES } from '../../../../web/src/lib/features.js';
import { calibratedHitProbability, explainResult, fromManualPrediction, fromSongPrediction } from '../../../../web/src/features/hit-prediction/result-view.js';

const answer: SongPrediction = {
  prediction: 'HIT',
  confidence: 86.4,
  features: DEFAULT_FEATURES,
  prediction_id: 7,
  song_id: 3,
  in_dataset: true,
  model_prediction: 'FLOP',
  model_confidence: 66,
  model_version: 'v1',
  adjusted_by_dataset: true,
  dataset_label: 'HIT',
  dataset_popularity: 71,
  raw_probability: 0.35,
  calibrated: true,
  explanation: null,
  song: { title: 'T', artist: 'A', album: null, album_image: null, spotify_url: null, preview_url: null, popularity: 71, track_id: null, demo: false },
};

describe('result views', () => {
  it('keeps what a song prediction says about the dataset and the raw model', () => {
    expect(fromSongPrediction(answer)).toMatchObject({ prediction: 'HIT', inDataset: true, adjustedByDataset: true, modelPrediction: 'FLOP', predictionId: 7 });
  });

  it('explains a dataset label the model disagreed with', () => {
    expect(explainResult(fromSongPrediction(answer))).toBe(
      'In the dataset this song is a HIT. The model said FLOP with 66.0% confidence, so the confidence is lowered accordingly.',
    );
  });

  it('explains a song in no dataset as the model’s own answer', () => {
    expect(explainResult(fromSongPrediction({ ...answer, in_dataset: false, adjusted_by_dataset: false, dataset_label: null }))).toBe(
      'Not in any dataset: this is the model’s own answer.',
    );
  });

  it('explains a manual prediction by its hit probability', () => {
    const view = fromManualPrediction(
      {
        prediction: 'FLOP',
        confidence: 61.2,
        probabilities: { HIT: 0.388, FLOP: 0.612 },
        model_version: 'v1',
      },
      DEFAULT_FEATURES,
    );
    expect(explainResult(view)).toBe('The model gives this song a 38.8% chance of being a hit.');
  });

  it('keeps the explanation and the raw score of an answer that has them', () => {
    const explanation = { base_value: 0.5, contributions: [{ feature: 'energy', value: 0.7, contribution: 0.1 }] };
    expect(fromSongPrediction({ ...answer, explanation, raw_probability: 0.6 })).toMatchObject({ explanation, rawProbability: 0.6 });
  });

  it('shows no explanation for an answer of a model version trained before explanations', () => {
    expect(fromSongPrediction({ ...answer, explanation: null, raw_probability: 0.6 }).explanation).toBeUndefined();
  });

  it('reads the calibrated hit chance from the probabilities, or from the model’s own verdict and confidence', () => {
    const manual = fromManualPrediction(
      { prediction: 'FLOP', confidence: 61.2, probabilities: { HIT: 0.388, FLOP: 0.612 }, model_version: 'v1' },
      DEFAULT_FEATURES,
    );
    expect(calibratedHitProbability(manual)).toBe(0.388);
    expect(calibratedHitProbability(fromSongPrediction(answer))).toBeCloseTo(0.34, 10);
  });
});

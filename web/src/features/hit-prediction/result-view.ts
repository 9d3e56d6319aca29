import type { ManualPrediction, PredictedSong, SongPrediction, StoredPrediction, Verdict } from '../../api/types.js';
import type { Explanation } from './explanation.js';
import type { Features } from '../../lib/features.js';
import type { KeptManualPrediction } from './manual-history.js';

/** Why the model answered so (null from a model version trained before explanations; absent from History). */
type Explained = Partial<Pick<ManualPrediction, 'explanation' | 'raw_probability'>>;

/** What the results card shows, whichever way the prediction was made. */
export interface ResultView {
  prediction: Verdict;
  /** 0–100 */
  confidence: number;
  features: Features;
  modelVersion: string;
  /** Present for songs (not for manual features). */
  song?: PredictedSong;
  inDataset?: boolean;
  adjustedByDataset?: boolean;
  datasetLabel?: Verdict | null;
  modelPrediction?: Verdict;
  modelConfidence?: number;
  /** Present for manual predictions: the model's probability of each class, 0–1. */
  probabilities?: Record<Verdict, number>;
  predictionId?: number;
  predictedAt?: string;
  /** Why the forest scored it so: present when the model answers with contributions. */
  explanation?: Explanation;
  /** The forest's own HIT score (0–1) the contributions add up to, before calibration. */
  rawProbability?: number;
}

/** The model's calibrated chance of a hit (0–1), whichever way the answer gives it. */
export function calibratedHitProbability(view: ResultView): number | undefined {
  if (view.probabilities) return view.probabilities.HIT;
  if (view.modelPrediction === undefined || view.modelConfidence === undefined) return undefined;
  const confidence = view.modelConfidence / 100;
  return view.modelPrediction === 'HIT' ? confidence : 1 - confidence;
}

export function fromSongPrediction(answer: SongPrediction): ResultView {
  return {
    prediction: answer.prediction,
    confidence: answer.confidence,
    features: answer.features,
    modelVersion: answer.model_version,
    song: answer.song,
    inDataset: answer.in_dataset,
    adjustedByDataset: answer.adjusted_by_dataset,
    datasetLabel: answer.dataset_label,
    modelPrediction: answer.model_prediction,
    modelConfidence: answer.model_confidence,
    predictionId: answer.prediction_id,
    explanation: answer.explanation ?? undefined,
    rawProbability: answer.raw_probability,
  };
}

export function fromStoredPrediction(stored: StoredPrediction): ResultView {
  return {
    prediction: stored.prediction,
    confidence: stored.confidence,
    features: stored.features,
    modelVersion: stored.model_version,
    song: stored.song,
    inDataset: stored.in_dataset,
    adjustedByDataset: stored.adjusted_by_dataset,
    datasetLabel: stored.dataset_label,
    modelPrediction: stored.model_prediction,
    modelConfidence: stored.model_confidence,
    predictionId: stored.id,
    predictedAt: stored.created_at,
  };
}

/** An answer of the API, or one kept in History (which keeps no explanation). */
export function fromManualPrediction(answer: KeptManualPrediction & Explained, features: Features): ResultView {
  return {
    prediction: answer.prediction,
    confidence: answer.confidence,
    features,
    modelVersion: answer.model_version,
    probabilities: answer.probabilities,
    explanation: answer.explanation ?? undefined,
    rawProbability: answer.raw_probability,
  };
}

/** The sentence under the badge that says how the answer came about. */
export function explainResult(view: ResultView): string {
  if (view.probabilities) return `The model gives this song a ${(view.probabilities.HIT * 100).toFixed(1)}% chance of being a hit.`;
  if (view.adjustedByDataset && view.datasetLabel) {
    const agrees = view.modelPrediction === view.datasetLabel;
    return (
      `In the dataset this song is a ${view.datasetLabel}. The model ${agrees ? 'agrees' : 'said'} ` +
      `${view.modelPrediction} with ${view.modelConfidence?.toFixed(1)}% confidence, ` +
      `so the confidence is ${agrees ? 'raised' : 'lowered'} accordingly.`
    );
  }
  return 'Not in any dataset: this is the model’s own answer.';
}

import type { Features } from '../lib/features.js';
import type { Schema } from './schema.js';

export type Verdict = 'HIT' | 'FLOP';

export type PredictedSong = Schema<'PredictedSongDto'>;

/** POST /api/predict/spotify/ (the document's features: any numbers, the app's: the model's ten). */
export type SongPrediction = Omit<Schema<'SpotifyPredictionResultDto'>, 'features'> & { features: Features };

/** POST /api/predict/manual/ */
export type ManualPrediction = Schema<'ManualPredictionResultDto'>;

// GET /api/predictions and /api/predictions/:id have no response schema in the document.
/** GET /api/predictions and /api/predictions/:id */
export interface StoredPrediction {
  id: number;
  prediction: Verdict;
  confidence: number;
  model_prediction: Verdict;
  model_confidence: number;
  model_version: string;
  in_dataset: boolean;
  adjusted_by_dataset: boolean;
  dataset_label: Verdict | null;
  dataset_popularity: number | null;
  created_at: string;
  song: PredictedSong & { id: number };
  features: Features;
}

export interface Page<T> {
  count: number;
  page: number;
  page_size: number;
  results: T[];
}

/** POST /api/dataset/search/ */
export type SearchHit = Schema<'SearchHitDto'>;

/** GET /api/dataset/songs */
export type SongSummary = Schema<'SongDto'>;

/** GET /api/dataset/songs/averages (the document's features: any numbers, the app's: the model's ten). */
export type FeatureAverages = Record<'hit' | 'flop', Omit<Schema<'FeatureAverageGroupDto'>, 'features'> & { features: Features | null }>;

/** GET /api/models/active: the hit model's card, with its calibration and global importance (null for older versions). */
export type ModelCard = Schema<'HitModelCardDto'>;

export interface PredictionFilters {
  is_hit?: boolean;
  adjusted_by_dataset?: boolean;
  from?: string;
  to?: string;
  page: number;
  page_size: number;
}

/** POST /api/predict-genre: the app's form fills every field. */
export type GenreProfile = Required<Schema<'PredictGenreDto'>>;

export type GenreAnswer = Schema<'PredictGenreResultDto'>;

// GET /api/genre/customers/:id/prediction has no response schema in the document.
/** GET /api/genre/customers/:id/prediction */
export interface CustomerGenreAnswer extends Omit<GenreAnswer, 'unknown_places'> {
  customer: { id: number; name: string; city: string | null; state: string | null; country: string | null };
  actual_top_genre: string | null;
  correct: boolean | null;
}

export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

// GET /api/genre/model has no response schema in the document.
/** GET /api/genre/model */
export interface GenreModelCard {
  version: string;
  classes: string[];
  training_rows: number;
  test_rows: number;
  data_source: string;
  synthetic_data: boolean;
  created_at: string;
  customers: { total: number; labelled: number };
  other_genre: { min_customers: number; grouped: string[] };
  location_encoding: Record<'country' | 'state' | 'city', { values: string[]; unknown: number }>;
  metrics: {
    accuracy: number;
    f1: number;
    roc_auc: number;
    per_class: Record<string, ClassReport>;
    majority_baseline: { class: string; accuracy: number };
    feature_importances: Record<string, number>;
    evaluation: { method: 'holdout'; test_fraction: number } | { method: 'cross-validation'; folds: number };
  };
}

import type { FeatureName, Features } from '../lib/features.js';

export type Verdict = 'HIT' | 'FLOP';

export interface PredictedSong {
  title: string;
  artist: string;
  album: string | null;
  album_image: string | null;
  spotify_url: string | null;
  preview_url: string | null;
  popularity: number | null;
  track_id: string | null;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
}

/** POST /api/predict/spotify/ */
export interface SongPrediction {
  prediction: Verdict;
  confidence: number;
  song: PredictedSong;
  features: Features;
  prediction_id: number;
  song_id: number;
  in_dataset: boolean;
  model_prediction: Verdict;
  model_confidence: number;
  model_version: string;
  adjusted_by_dataset: boolean;
  dataset_label: Verdict | null;
  dataset_popularity: number | null;
}

/** POST /api/predict/manual/ */
export interface ManualPrediction {
  prediction: Verdict;
  confidence: number;
  probabilities: Record<Verdict, number>;
  model_version: string;
}

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
export interface SearchHit {
  id: number;
  track_id: string | null;
  track_name: string;
  artists: string;
  album_name: string | null;
  album_image: string | null;
  popularity: number | null;
  is_hit: boolean;
  decade: number | null;
  dataset: string | null;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
  match: 'exact' | 'prefix' | 'contains' | 'fuzzy';
}

/** GET /api/dataset/songs */
export interface SongSummary {
  id: number;
  track_id: string | null;
  track_name: string;
  artists: string;
  popularity: number | null;
  is_hit: boolean;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
}

export interface FeatureAverages {
  hit: { songs: number; features: Features | null };
  flop: { songs: number; features: Features | null };
}

/** GET /api/models/active */
export interface ModelCard {
  name: string;
  version: string;
  features: Array<{ name: string; min: number; max: number }>;
  classes: string[];
  hyperparameters: Record<string, number | string | boolean | null>;
  metrics: {
    roc_auc: number;
    accuracy: number;
    precision: number;
    recall: number;
    f1: number;
    confusion_matrix: number[][];
    feature_importances: Partial<Record<FeatureName, number>> & Record<string, number>;
    oob_score: number | null;
  };
  training_seconds: number;
  training_rows: number;
  test_rows: number;
  data_source: string;
  synthetic_data: boolean;
  /** The command that trains the same model again (hit models trained since it was added). */
  training_command?: string;
  created_at: string;
  active?: boolean;
}

export interface PredictionFilters {
  is_hit?: boolean;
  adjusted_by_dataset?: boolean;
  from?: string;
  to?: string;
  page: number;
  page_size: number;
}

/** POST /api/predict-genre */
export interface GenreProfile {
  total_spent: number;
  total_tracks_bought: number;
  genre_spending_ratio: number;
  invoice_count: number;
  average_invoice: number;
  days_since_last_purchase: number;
  country: string;
  state: string;
  city: string;
}

export interface GenreAnswer {
  status: 'OK';
  prediction: { genre: string; confidence: number; all_probabilities: Record<string, number> };
  customer_profile: Record<string, number | string | null>;
  unknown_places: string[];
  model_version: string;
}

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

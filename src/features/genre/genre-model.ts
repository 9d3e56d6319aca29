import type { MulticlassEvaluation } from '../../ml/multiclass-evaluation.js';
import type { ModelCard, ModelMetrics } from '../../platform/models/model-card.js';
import type { LocationEncoding } from './features.js';

export const GENRE_MODEL_NAME = 'genre';

/** Defaults measured on the demo store (3,000 customers): 100 trees with leaves of 5 score as well as 200 fully grown ones in half the time. */
export const GENRE_TRAINING_DEFAULTS = {
  trees: 100,
  minSamplesLeaf: 5,
  seed: 42,
  testFraction: 0.2,
  /** Genres that fewer customers prefer are grouped as "Other". */
  minCustomersPerGenre: 5,
  /** Below this many customers a hold-out split says little: cross-validate instead. */
  crossValidateBelow: 500,
  folds: 5,
};

export interface GenreMetrics extends ModelMetrics, MulticlassEvaluation {
  /** How the metrics were measured. */
  evaluation: { method: 'holdout'; test_fraction: number } | { method: 'cross-validation'; folds: number };
}

/** The genre model's card: also how places are encoded and which genres were grouped. */
export interface GenreModelCard extends ModelCard<GenreMetrics> {
  location_encoding: LocationEncoding;
  other_genre: { min_customers: number; grouped: string[] };
  /** Customers in the data, and how many had bought something (the labelled ones). */
  customers: { total: number; labelled: number };
  /** profilesDigest of the customers it was trained on: a shipped model is activated only on a store with the same (cards before it have none). */
  training_data_digest?: string;
}

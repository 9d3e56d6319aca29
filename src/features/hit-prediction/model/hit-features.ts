import { AUDIO_FEATURE_FIELDS, ORIGINAL_FEATURES, type AudioFeatureName } from '../../../vocabulary/audio-features.js';

/** A hit model can use every audio feature of the vocabulary, by its API name. */
export type HitFeature = AudioFeatureName;

/** The original system's features, in its order. */
export const DEFAULT_HIT_FEATURES: HitFeature[] = [...ORIGINAL_FEATURES];

export const HIT_MODEL_NAME = 'hit';

/**
 * Training defaults. Leaves of at least 20 songs: about the ROC AUC of scikit-learn's fully
 * grown trees (measured −0.001 over five splits) with a seventh of the nodes, so the model is
 * 7× smaller and onnxruntime scores several times more rows per second (npm run bench:ml).
 */
export const HIT_TRAINING_DEFAULTS = { trees: 100, minSamplesLeaf: 20, seed: 42, testFraction: 0.2 };
/** Class labels in the order of the model's probabilities (class index 1 = hit). */
export const HIT_CLASSES = ['FLOP', 'HIT'];

/** A song's audio features, as stored. */
export type SongFeatures = { [F in HitFeature as (typeof AUDIO_FEATURE_FIELDS)[F]]: number | boolean };

export function isHitFeature(name: string): name is HitFeature {
  return Object.hasOwn(AUDIO_FEATURE_FIELDS, name);
}

/** Checks a comma-separated feature list; throws naming unknown or repeated features. */
export function parseFeatureList(list: string): HitFeature[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isHitFeature(name));
  if (unknown.length > 0) throw new Error(`Unknown features: ${unknown.join(', ')}. Known: ${Object.keys(AUDIO_FEATURE_FIELDS).join(', ')}`);
  if (new Set(names).size !== names.length) throw new Error('A feature is listed twice');
  if (names.length === 0) throw new Error('No features given');
  return names as HitFeature[];
}

/** The model's input row: features as numbers (explicit true → 1), in the given order. */
export function featureRow(song: SongFeatures, features: HitFeature[]): number[] {
  return features.map((feature) => Number(song[AUDIO_FEATURE_FIELDS[feature]]));
}

/** The original system's ten features of a song, by their API names (explicit as 0/1). */
export function songFeatures(song: SongFeatures): Record<string, number> {
  return Object.fromEntries(DEFAULT_HIT_FEATURES.map((name) => [name, Number(song[AUDIO_FEATURE_FIELDS[name]])]));
}

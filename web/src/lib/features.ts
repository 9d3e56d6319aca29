import { AUDIO_FEATURES } from '../../../src/vocabulary/audio-features.js';

/** The ten audio features of the hit model, as people see and enter them. */
export type FeatureName =
  'duration_ms' | 'danceability' | 'energy' | 'valence' | 'acousticness' | 'instrumentalness' | 'explicit' | 'loudness' | 'tempo' | 'mode';

export type Features = Record<FeatureName, number>;

export interface FeatureSpec {
  name: FeatureName;
  label: string;
  /** What the feature measures, in a few words. */
  hint: string;
  /** The range the API accepts. */
  min: number;
  max: number;
  step: number;
  /** The range bars and charts span: most songs fall inside it (values outside are clamped). */
  scale: [number, number];
  kind: 'ratio' | 'duration' | 'decibels' | 'tempo' | 'yes-no' | 'major-minor';
}

/** How the form shows each feature; its name, range and words come from the vocabulary (AUDIO_FEATURES). */
const FORM: Record<FeatureName, Pick<FeatureSpec, 'step' | 'scale' | 'kind'>> = {
  danceability: { step: 0.01, scale: [0, 1], kind: 'ratio' },
  energy: { step: 0.01, scale: [0, 1], kind: 'ratio' },
  valence: { step: 0.01, scale: [0, 1], kind: 'ratio' },
  acousticness: { step: 0.01, scale: [0, 1], kind: 'ratio' },
  instrumentalness: { step: 0.01, scale: [0, 1], kind: 'ratio' },
  loudness: { step: 0.1, scale: [-30, 0], kind: 'decibels' },
  tempo: { step: 1, scale: [50, 200], kind: 'tempo' },
  duration_ms: { step: 1000, scale: [60_000, 480_000], kind: 'duration' },
  mode: { step: 1, scale: [0, 1], kind: 'major-minor' },
  explicit: { step: 1, scale: [0, 1], kind: 'yes-no' },
};

export const FEATURES: FeatureSpec[] = (Object.keys(FORM) as FeatureName[]).map((name) => {
  const { label, description, range } = AUDIO_FEATURES[name];
  return { name, label, hint: description, min: range[0], max: range[1], ...FORM[name] };
});

export const FEATURE_BY_NAME = Object.fromEntries(FEATURES.map((spec) => [spec.name, spec])) as Record<FeatureName, FeatureSpec>;

/** A typical pop song: where manual mode starts. */
export const DEFAULT_FEATURES: Features = {
  duration_ms: 210_000,
  danceability: 0.6,
  energy: 0.6,
  valence: 0.55,
  acousticness: 0.25,
  instrumentalness: 0,
  explicit: 0,
  loudness: -8,
  tempo: 118,
  mode: 1,
};

/** Where a value sits on its feature's scale, 0–1 (clamped), for bars and charts. */
export function scalePosition(name: FeatureName, value: number): number {
  const [low, high] = FEATURE_BY_NAME[name].scale;
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}

/** Names of the features whose value is missing or outside what the API accepts. */
export function invalidFeatures(features: Partial<Record<FeatureName, number>>): FeatureName[] {
  return FEATURES.filter(({ name, min, max }) => {
    const value = features[name];
    return typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max;
  }).map(({ name }) => name);
}

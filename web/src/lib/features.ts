/** The ten audio features of the hit model, as people see and enter them. */
export type FeatureName =
  | 'duration_ms'
  | 'danceability'
  | 'energy'
  | 'valence'
  | 'acousticness'
  | 'instrumentalness'
  | 'explicit'
  | 'loudness'
  | 'tempo'
  | 'mode';

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

export const FEATURES: FeatureSpec[] = [
  { name: 'danceability', label: 'Danceability', hint: 'How suitable for dancing', min: 0, max: 1, step: 0.01, scale: [0, 1], kind: 'ratio' },
  { name: 'energy', label: 'Energy', hint: 'Perceived intensity', min: 0, max: 1, step: 0.01, scale: [0, 1], kind: 'ratio' },
  { name: 'valence', label: 'Valence', hint: 'Musical positiveness', min: 0, max: 1, step: 0.01, scale: [0, 1], kind: 'ratio' },
  { name: 'acousticness', label: 'Acousticness', hint: 'Confidence it is acoustic', min: 0, max: 1, step: 0.01, scale: [0, 1], kind: 'ratio' },
  { name: 'instrumentalness', label: 'Instrumentalness', hint: 'Confidence it has no vocals', min: 0, max: 1, step: 0.01, scale: [0, 1], kind: 'ratio' },
  { name: 'loudness', label: 'Loudness', hint: 'Overall loudness', min: -60, max: 5, step: 0.1, scale: [-30, 0], kind: 'decibels' },
  { name: 'tempo', label: 'Tempo', hint: 'Beats per minute', min: 0, max: 300, step: 1, scale: [50, 200], kind: 'tempo' },
  { name: 'duration_ms', label: 'Duration', hint: 'Track length', min: 1, max: 21_600_000, step: 1000, scale: [60_000, 480_000], kind: 'duration' },
  { name: 'mode', label: 'Mode', hint: 'Major or minor key', min: 0, max: 1, step: 1, scale: [0, 1], kind: 'major-minor' },
  { name: 'explicit', label: 'Explicit', hint: 'Explicit lyrics', min: 0, max: 1, step: 1, scale: [0, 1], kind: 'yes-no' },
];

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

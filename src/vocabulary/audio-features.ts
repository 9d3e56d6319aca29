/**
 * Spotify's audio features, the one definition Encore has of them: the name the API, the CSV files
 * and the model use; the field a song is stored with; the range a song may hold (inclusive);
 * whether the value is whole; what it means. The request validation (dataset/dto/audio-feature.decorator.ts),
 * the import (dataset/import), Spotify's answers (spotify/spotify-track.ts), the hit model
 * (hit-prediction/model/hit-features.ts) and the web app's form (web/src/lib/features.ts) read this table.
 * Pure data: the web app imports it too.
 */
export interface AudioFeatureSpec {
  /** The song's field (a column of `songs`). */
  field: string;
  range: readonly [number, number];
  integer: boolean;
  /** A person's name for it. */
  label: string;
  /** What it measures, in a few words (the web app's hint). */
  description: string;
  /** The unit of the number, where it has one. */
  unit?: string;
  /** What the numbers of a coded feature stand for. */
  codes?: string;
  /** A typical value, for documentation. */
  example: number;
}

const ratio = <Field extends string>(field: Field, label: string, description: string, example: number) =>
  ({ field, range: [0, 1], integer: false, label, description, example }) as const;

/** In the hit model's order: the original system's ten features first, then the other four. */
export const AUDIO_FEATURES = {
  // Six hours: real tracks run past an hour (the Kaggle hit-predictor files hold one of 68 minutes).
  duration_ms: {
    field: 'durationMs',
    range: [1, 21_600_000],
    integer: true,
    label: 'Duration',
    description: 'Track length',
    unit: 'milliseconds',
    example: 210_000,
  },
  danceability: ratio('danceability', 'Danceability', 'How suitable for dancing', 0.6),
  energy: ratio('energy', 'Energy', 'Perceived intensity', 0.6),
  valence: ratio('valence', 'Valence', 'Musical positiveness', 0.5),
  acousticness: ratio('acousticness', 'Acousticness', 'Confidence the track is acoustic', 0.2),
  instrumentalness: ratio('instrumentalness', 'Instrumentalness', 'Confidence the track has no vocals', 0),
  explicit: { field: 'explicit', range: [0, 1], integer: true, label: 'Explicit', description: 'Explicit lyrics', codes: '1 yes, 0 no', example: 0 },
  loudness: { field: 'loudness', range: [-60, 5], integer: false, label: 'Loudness', description: 'Overall loudness', unit: 'dB', example: -6.5 },
  tempo: { field: 'tempo', range: [0, 300], integer: false, label: 'Tempo', description: 'Beats per minute', example: 120 },
  mode: { field: 'mode', range: [0, 1], integer: true, label: 'Mode', description: 'Major or minor key', codes: '1 major, 0 minor', example: 1 },
  speechiness: ratio('speechiness', 'Speechiness', 'Presence of spoken words', 0.05),
  liveness: ratio('liveness', 'Liveness', 'Presence of an audience', 0.1),
  key: {
    field: 'key',
    range: [-1, 11],
    integer: true,
    label: 'Key',
    description: 'Pitch class',
    codes: '0 = C … 11 = B; -1 when none was detected',
    example: 5,
  },
  time_signature: { field: 'timeSignature', range: [0, 7], integer: true, label: 'Time signature', description: 'Beats per bar', example: 4 },
} as const satisfies Record<string, AudioFeatureSpec>;

export type AudioFeatureName = keyof typeof AUDIO_FEATURES;

/** The ten features of the original system, in its order: its model's inputs and its dataset averages. */
export const ORIGINAL_FEATURES: readonly AudioFeatureName[] = [
  'duration_ms',
  'danceability',
  'energy',
  'valence',
  'acousticness',
  'instrumentalness',
  'explicit',
  'loudness',
  'tempo',
  'mode',
];
type Spec<N extends AudioFeatureName> = (typeof AUDIO_FEATURES)[N];

/** The features a song stores as numbers (explicit is a flag), by their field: the ranges the import and Spotify's answers are checked against. */
export const FEATURE_RANGES = Object.fromEntries(
  Object.values(AUDIO_FEATURES)
    .filter((spec) => spec.field !== 'explicit')
    .map((spec) => [spec.field, spec.range]),
) as { [N in Exclude<AudioFeatureName, 'explicit'> as Spec<N>['field']]: Spec<N>['range'] };

/** The features measured as fractions (neither whole numbers nor a flag): the ones files write as decimals. */
export type DecimalFeature = { [N in AudioFeatureName]: Spec<N>['integer'] extends false ? N : never }[AudioFeatureName];

/** The DecimalFeatures in this table's order; each is also its song field's name. */
export const DECIMAL_FEATURES = (Object.keys(AUDIO_FEATURES) as AudioFeatureName[]).filter((name) => !AUDIO_FEATURES[name].integer) as DecimalFeature[];

/** Each feature's field, by its name. */
export const AUDIO_FEATURE_FIELDS = Object.fromEntries(Object.entries(AUDIO_FEATURES).map(([name, spec]) => [name, spec.field])) as {
  [N in AudioFeatureName]: Spec<N>['field'];
};

/** How the API documents a feature's number: what it measures, its unit or codes, the range of a ratio. */
export function documentedMeaning(spec: AudioFeatureSpec): string {
  const [minimum, maximum] = spec.range;
  if (spec.unit) return `${spec.description} in ${spec.unit}`;
  if (spec.codes) return `${spec.description}: ${spec.codes}`;
  return !spec.integer && minimum === 0 && maximum === 1 ? `${spec.description}, 0–1` : spec.description;
}

/** Derived flags stored with each song: acoustic and instrumental above even confidence. */
export function isAcoustic(song: { acousticness: number }): boolean {
  return song.acousticness > 0.5;
}

export function isInstrumental(song: { instrumentalness: number }): boolean {
  return song.instrumentalness > 0.5;
}

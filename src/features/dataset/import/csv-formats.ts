import { DECIMAL_FEATURES, FEATURE_RANGES, type DecimalFeature } from '../../../vocabulary/audio-features.js';
import { DECADE_RANGE, type SongRecord } from './song-record.js';

/** A CSV layout we can import, recognised by its header. */
export interface SongCsvFormat {
  name: 'kaggle' | 'hit-predictor';
  description: string;
  columns: readonly string[];
  /** Columns that may be absent. */
  optional: readonly string[];
}

/** The Kaggle "Spotify Tracks Dataset" columns, in its order (the demo songs are written in it too). */
export const KAGGLE_COLUMNS = [
  'track_id',
  'artists',
  'album_name',
  'track_name',
  'popularity',
  'duration_ms',
  'explicit',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'time_signature',
  'track_genre',
] as const;

export const KAGGLE_FORMAT: SongCsvFormat = {
  name: 'kaggle',
  description: 'Kaggle "Spotify Tracks Dataset" (cleaned_data.csv)',
  columns: KAGGLE_COLUMNS,
  optional: [],
};

export const HIT_PREDICTOR_FORMAT: SongCsvFormat = {
  name: 'hit-predictor',
  description: '"Spotify Hit Predictor" decade files (dataset-of-XXs.csv)',
  columns: [
    'track',
    'artist',
    'uri',
    'danceability',
    'energy',
    'key',
    'loudness',
    'mode',
    'speechiness',
    'acousticness',
    'instrumentalness',
    'liveness',
    'valence',
    'tempo',
    'duration_ms',
    'time_signature',
    'chorus_hit',
    'sections',
    'target',
    'decade',
  ],
  optional: ['decade'],
};

export const SONG_CSV_FORMATS = [KAGGLE_FORMAT, HIT_PREDICTOR_FORMAT] as const;

export class UnknownCsvHeaderError extends Error {}

/** A header cell to compare: trimmed, lower case, without a byte-order mark. */
const headerKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** A parsed header: the format and where each of its columns is. */
export interface CsvLayout {
  format: SongCsvFormat;
  index: Record<string, number>;
}

/** Recognises the format from a header row, in any column order; extra columns are ignored. */
export function detectFormat(header: string[]): CsvLayout {
  const keys = header.map(headerKey);
  for (const format of SONG_CSV_FORMATS) {
    const required = format.columns.filter((column) => !format.optional.includes(column));
    if (required.every((column) => keys.includes(column))) {
      return { format, index: Object.fromEntries(format.columns.map((column) => [column, keys.indexOf(column)])) };
    }
  }
  const expected = SONG_CSV_FORMATS.map((format) => `  ${format.description}:\n    ${format.columns.join(',')}`).join('\n');
  throw new UnknownCsvHeaderError(`Unrecognised CSV header: ${keys.join(',')}\nExpected the columns of one of:\n${expected}`);
}

/** Why a row was skipped. */
export class RowError extends Error {}

const SPOTIFY_ID = /^[0-9A-Za-z]{22}$/;
/** A decimal number, as datasets write them (Number() alone would also take "0x1f" or "Infinity"). */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A cell of the row, trimmed; undefined when the layout has no such column. */
function cell(layout: CsvLayout, row: string[], column: string): string | undefined {
  const at = layout.index[column];
  return at === undefined || at < 0 ? undefined : row[at]?.trim();
}

/** A cell that must not be empty. */
function text(layout: CsvLayout, row: string[], column: string): string {
  const value = cell(layout, row, column);
  if (!value) throw new RowError(`missing ${column}`);
  return value;
}

/** A cell that must hold a decimal number in [min, max] (a whole one when integer). */
function number(layout: CsvLayout, row: string[], column: string, [min, max]: readonly [number, number], integer = false): number {
  const raw = text(layout, row, column);
  const value = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new RowError(`${column} is not a number: "${raw}"`);
  if (integer && !Number.isInteger(value)) throw new RowError(`${column} is not a whole number: "${raw}"`);
  if (value < min || value > max) throw new RowError(`${column} out of range ${min}…${max}: ${raw}`);
  return value;
}

/**
 * The decimal features' cells as written, for COPY (see SongRecord.decimalsText). A zero is
 * written "0": the cell may say "-0", or a number too small for a double that PostgreSQL would
 * refuse where JavaScript reads 0.
 */
function decimalsText(layout: CsvLayout, row: string[], song: Record<DecimalFeature, number>): string {
  let text = '';
  for (const feature of DECIMAL_FEATURES) text += `${text ? '\t' : ''}${song[feature] === 0 ? '0' : cell(layout, row, feature)!}`;
  return text;
}

/**
 * Turns one data row into a song; throws RowError naming the first problem. (Its helpers take
 * the row rather than closing over it: no closures made per row, an import reads millions.)
 */
export function parseSongRow(layout: CsvLayout, row: string[], hitPopularityThreshold: number): SongRecord {
  const features = {
    danceability: number(layout, row, 'danceability', FEATURE_RANGES.danceability),
    energy: number(layout, row, 'energy', FEATURE_RANGES.energy),
    valence: number(layout, row, 'valence', FEATURE_RANGES.valence),
    acousticness: number(layout, row, 'acousticness', FEATURE_RANGES.acousticness),
    instrumentalness: number(layout, row, 'instrumentalness', FEATURE_RANGES.instrumentalness),
    speechiness: number(layout, row, 'speechiness', FEATURE_RANGES.speechiness),
    liveness: number(layout, row, 'liveness', FEATURE_RANGES.liveness),
    loudness: number(layout, row, 'loudness', FEATURE_RANGES.loudness),
    tempo: number(layout, row, 'tempo', FEATURE_RANGES.tempo),
    durationMs: Math.round(number(layout, row, 'duration_ms', FEATURE_RANGES.durationMs)),
    key: number(layout, row, 'key', FEATURE_RANGES.key, true),
    mode: number(layout, row, 'mode', FEATURE_RANGES.mode, true),
    timeSignature: number(layout, row, 'time_signature', FEATURE_RANGES.timeSignature, true),
  };

  if (layout.format.name === 'kaggle') {
    const trackId = text(layout, row, 'track_id');
    if (!SPOTIFY_ID.test(trackId)) throw new RowError(`track_id is not a Spotify id: "${trackId}"`);
    const popularity = number(layout, row, 'popularity', [0, 100], true);
    return {
      trackId,
      trackName: text(layout, row, 'track_name'),
      artists: text(layout, row, 'artists'),
      albumName: cell(layout, row, 'album_name') || null,
      popularity,
      trackGenre: cell(layout, row, 'track_genre') || null,
      ...features,
      explicit: parseBoolean(text(layout, row, 'explicit'), 'explicit'),
      explicitKnown: true,
      isHit: popularity >= hitPopularityThreshold,
      hitSource: 'popularity',
      decade: null,
      dataset: 'kaggle',
      decimalsText: decimalsText(layout, row, features),
    };
  }

  const uri = text(layout, row, 'uri');
  const trackId = uri.startsWith('spotify:track:') ? uri.slice('spotify:track:'.length) : '';
  if (!SPOTIFY_ID.test(trackId)) throw new RowError(`uri is not a spotify:track: URI: "${uri}"`);
  const target = number(layout, row, 'target', [0, 1], true);
  const decade = cell(layout, row, 'decade') ? number(layout, row, 'decade', DECADE_RANGE, true) : null;
  return {
    trackId,
    trackName: text(layout, row, 'track'),
    artists: text(layout, row, 'artist'),
    albumName: null,
    popularity: null,
    trackGenre: null,
    ...features,
    explicit: false,
    explicitKnown: false, // the format has no explicit flag
    isHit: target === 1,
    hitSource: 'label',
    decade: decade === null ? null : decade - (decade % 10),
    dataset: 'hit-predictor',
    decimalsText: decimalsText(layout, row, features),
  };
}

function parseBoolean(raw: string, column: string): boolean {
  switch (raw.toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      throw new RowError(`${column} is not True/False: "${raw}"`);
  }
}

import { DECIMAL_FEATURES, FEATURE_RANGES, type DecimalFeature } from '../../../vocabulary/audio-features.js';
import { DECADE_RANGE, type SongRecord } from './song-record.js';

/** A CSV layout we can import, recognised by its header. */
export interface SongCsvFormat {
  name: 'kaggle' | 'hit-predictor';
  description: string;
  columns: readonly SongCsvColumn[];
  /** Columns that may be absent. */
  optional: readonly SongCsvColumn[];
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

/** The "Spotify Hit Predictor" decade files' columns, in their order. */
export const HIT_PREDICTOR_COLUMNS = [
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
] as const;

export const HIT_PREDICTOR_FORMAT: SongCsvFormat = {
  name: 'hit-predictor',
  description: '"Spotify Hit Predictor" decade files (dataset-of-XXs.csv)',
  columns: HIT_PREDICTOR_COLUMNS,
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

/** A column of either format. */
export type SongCsvColumn = (typeof KAGGLE_COLUMNS)[number] | (typeof HIT_PREDICTOR_COLUMNS)[number];

/** Where a column is in a file's rows: `at` is -1 when the file has no such column. */
export interface CsvColumn {
  name: SongCsvColumn;
  at: number;
}

/**
 * A parsed header: the format and where each column is, by name (those of the other format at
 * -1). The row parser reads a column's place by property, not by a name looked up per cell: a
 * lookup by a different name at each of 20 cells per row cost an import a tenth of its parsing.
 */
export interface CsvLayout {
  format: SongCsvFormat;
  columns: Record<SongCsvColumn, CsvColumn>;
  /** The columns of the DECIMAL_FEATURES, in that order. */
  decimals: CsvColumn[];
}

const SONG_CSV_COLUMNS = [...new Set<SongCsvColumn>([...KAGGLE_COLUMNS, ...HIT_PREDICTOR_COLUMNS])];

/** Recognises the format from a header row, in any column order; extra columns are ignored. */
export function detectFormat(header: string[]): CsvLayout {
  const keys = header.map(headerKey);
  for (const format of SONG_CSV_FORMATS) {
    const required = format.columns.filter((column) => !format.optional.includes(column));
    if (required.every((column) => keys.includes(column))) {
      const at = (name: SongCsvColumn) => (format.columns.includes(name) ? keys.indexOf(name) : -1);
      const columns = Object.fromEntries(SONG_CSV_COLUMNS.map((name) => [name, { name, at: at(name) }])) as CsvLayout['columns'];
      return { format, columns, decimals: DECIMAL_FEATURES.map((feature) => columns[feature]) };
    }
  }
  const expected = SONG_CSV_FORMATS.map((format) => `  ${format.description}:\n    ${format.columns.join(',')}`).join('\n');
  throw new UnknownCsvHeaderError(`Unrecognised CSV header: ${keys.join(',')}\nExpected the columns of one of:\n${expected}`);
}

/** Why a row was skipped. */
export class RowError extends Error {}

const SPOTIFY_ID = /^[0-9A-Za-z]{22}$/;

/** A cell of the row, trimmed; undefined when the file has no such column. */
function cell(row: string[], column: CsvColumn): string | undefined {
  return column.at < 0 ? undefined : row[column.at]?.trim();
}

/** A cell that must not be empty. */
function text(row: string[], column: CsvColumn): string {
  const value = cell(row, column);
  if (!value) throw new RowError(`missing ${column.name}`);
  return value;
}

/**
 * Whether a number's text is one of the radix literals ("0x1f", "0b1", "0o7") that Number() reads
 * besides decimals: datasets write decimals only. Number() reads no other non-decimal text but
 * "Infinity", which is not finite, so this check replaces matching a regular expression per cell.
 */
function isRadixLiteral(raw: string): boolean {
  const letter = raw.charCodeAt(1) | 0x20; // lower case
  return raw.charCodeAt(0) === 0x30 && (letter === 0x62 || letter === 0x6f || letter === 0x78); // "0" then b, o or x
}

/** A cell that must hold a decimal number in [min, max] (a whole one when integer). */
function number(row: string[], column: CsvColumn, [min, max]: readonly [number, number], integer = false): number {
  const raw = text(row, column);
  const value = isRadixLiteral(raw) ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new RowError(`${column.name} is not a number: "${raw}"`);
  if (integer && !Number.isInteger(value)) throw new RowError(`${column.name} is not a whole number: "${raw}"`);
  if (value < min || value > max) throw new RowError(`${column.name} out of range ${min}…${max}: ${raw}`);
  return value;
}

/** Each decimal feature's place in DECIMAL_FEATURES, the order of a layout's `decimals`. */
const DECIMAL_AT = Object.fromEntries(DECIMAL_FEATURES.map((feature, at) => [feature, at])) as Record<DecimalFeature, number>;
const DECIMAL_RANGES = DECIMAL_FEATURES.map((feature) => FEATURE_RANGES[feature]);

/**
 * Reads the decimal features into `values`, in DECIMAL_FEATURES' order, and gives their cells as
 * written, for COPY (see SongRecord.decimalsText). A zero is written "0": the cell may say "-0",
 * or a number too small for a double that PostgreSQL would refuse where JavaScript reads 0.
 * (By place, not by name: a song's field looked up by a different name per value cost more.)
 */
function readDecimals(layout: CsvLayout, row: string[], values: number[]): string {
  let text = '';
  for (let i = 0; i < layout.decimals.length; i++) {
    const column = layout.decimals[i]!;
    const value = (values[i] = number(row, column, DECIMAL_RANGES[i]!));
    text += `${i > 0 ? '\t' : ''}${value === 0 ? '0' : cell(row, column)!}`;
  }
  return text;
}

/** What a row says of the track besides its audio features, as its format writes it. */
type TrackFields = Pick<SongRecord, 'trackId' | 'trackName' | 'artists' | 'albumName' | 'popularity' | 'trackGenre' | 'explicit' | 'isHit' | 'decade'>;

function kaggleTrack(columns: CsvLayout['columns'], row: string[], hitPopularityThreshold: number): TrackFields {
  const trackId = text(row, columns.track_id);
  if (!SPOTIFY_ID.test(trackId)) throw new RowError(`track_id is not a Spotify id: "${trackId}"`);
  const popularity = number(row, columns.popularity, [0, 100], true);
  return {
    trackId,
    trackName: text(row, columns.track_name),
    artists: text(row, columns.artists),
    albumName: cell(row, columns.album_name) || null,
    popularity,
    trackGenre: cell(row, columns.track_genre) || null,
    explicit: parseBoolean(text(row, columns.explicit), 'explicit'),
    isHit: popularity >= hitPopularityThreshold,
    decade: null,
  };
}

function hitPredictorTrack(columns: CsvLayout['columns'], row: string[]): TrackFields {
  const uri = text(row, columns.uri);
  const trackId = uri.startsWith('spotify:track:') ? uri.slice('spotify:track:'.length) : '';
  if (!SPOTIFY_ID.test(trackId)) throw new RowError(`uri is not a spotify:track: URI: "${uri}"`);
  const target = number(row, columns.target, [0, 1], true);
  const decade = cell(row, columns.decade) ? number(row, columns.decade, DECADE_RANGE, true) : null;
  return {
    trackId,
    trackName: text(row, columns.track),
    artists: text(row, columns.artist),
    albumName: null,
    popularity: null,
    trackGenre: null,
    explicit: false, // the format has no explicit flag (explicitKnown is false)
    isHit: target === 1,
    decade: decade === null ? null : decade - (decade % 10),
  };
}

/**
 * Turns one data row into a song; throws RowError naming the first problem. (Its helpers take
 * the row rather than closing over it: no closures made per row, an import reads millions. The
 * song is one object literal: a spread of the features copied them per row.)
 */
export function parseSongRow(layout: CsvLayout, row: string[], hitPopularityThreshold: number): SongRecord {
  const { columns } = layout;
  const values: number[] = [];
  const decimalsText = readDecimals(layout, row, values);
  const durationMs = Math.round(number(row, columns.duration_ms, FEATURE_RANGES.durationMs));
  const key = number(row, columns.key, FEATURE_RANGES.key, true);
  const mode = number(row, columns.mode, FEATURE_RANGES.mode, true);
  const timeSignature = number(row, columns.time_signature, FEATURE_RANGES.timeSignature, true);
  const kaggle = layout.format.name === 'kaggle';
  const track = kaggle ? kaggleTrack(columns, row, hitPopularityThreshold) : hitPredictorTrack(columns, row);
  return {
    trackId: track.trackId,
    trackName: track.trackName,
    artists: track.artists,
    albumName: track.albumName,
    popularity: track.popularity,
    trackGenre: track.trackGenre,
    durationMs,
    danceability: values[DECIMAL_AT.danceability]!,
    energy: values[DECIMAL_AT.energy]!,
    valence: values[DECIMAL_AT.valence]!,
    acousticness: values[DECIMAL_AT.acousticness]!,
    instrumentalness: values[DECIMAL_AT.instrumentalness]!,
    speechiness: values[DECIMAL_AT.speechiness]!,
    liveness: values[DECIMAL_AT.liveness]!,
    loudness: values[DECIMAL_AT.loudness]!,
    tempo: values[DECIMAL_AT.tempo]!,
    key,
    mode,
    timeSignature,
    explicit: track.explicit,
    explicitKnown: kaggle,
    isHit: track.isHit,
    hitSource: kaggle ? 'popularity' : 'label',
    decade: track.decade,
    dataset: layout.format.name,
    decimalsText,
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

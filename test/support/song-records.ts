import type { SongRecord } from '../../src/features/dataset/import/song-record.js';

/** One song as an import writes it (the first fixture row's values), with the fields a test sets. */
export function songRecord(overrides: Partial<SongRecord> = {}): SongRecord {
  return {
    trackId: 'EncoreFixtureTrack0001',
    trackName: 'Harbour River',
    artists: 'Mara Lintel',
    albumName: null,
    popularity: null,
    trackGenre: null,
    durationMs: 158308,
    danceability: 0.734,
    energy: 0.564,
    valence: 0.577,
    acousticness: 0.9191,
    instrumentalness: 0,
    speechiness: 0.0308,
    liveness: 0.1618,
    loudness: -7.867,
    tempo: 99.511,
    mode: 1,
    key: 10,
    timeSignature: 3,
    explicit: false,
    explicitKnown: false,
    isHit: false,
    hitSource: 'label',
    decade: 1960,
    dataset: 'hit-predictor',
    ...overrides,
  };
}

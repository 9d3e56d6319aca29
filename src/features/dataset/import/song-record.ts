import { normalizeSearchText } from '../../../vocabulary/search-text.js';

/** One song as an import writes it: the columns of `songs` that come from data. */
export interface SongRecord {
  trackId: string;
  trackName: string;
  artists: string;
  albumName: string | null;
  popularity: number | null;
  trackGenre: string | null;
  durationMs: number;
  danceability: number;
  energy: number;
  valence: number;
  acousticness: number;
  instrumentalness: number;
  speechiness: number;
  liveness: number;
  loudness: number;
  tempo: number;
  mode: number;
  key: number;
  timeSignature: number;
  explicit: boolean;
  explicitKnown: boolean;
  isHit: boolean;
  hitSource: 'popularity' | 'label';
  decade: number | null;
  dataset: string;
  /**
   * The DECIMAL_FEATURES (vocabulary/audio-features.ts) as the file wrote them, tab-separated, when the song comes from a file:
   * COPY takes them as written (PostgreSQL reads each as the same double the validation read),
   * which spares a number-to-text conversion per value, a ninth of an import's JavaScript.
   */
  decimalsText?: string;
}

/** The years a song's decade may be (the hit-predictor files' `decade` column). */
export const DECADE_RANGE = [1900, 2100] as const;

/**
 * Two rows of one track: the later one's values win, and the song is a hit if either says so.
 * Returns which conflicts the second row brought.
 */
export function mergeSongRows(earlier: SongRecord, later: SongRecord): { merged: SongRecord; labelConflict: boolean; titleConflict: boolean } {
  const isHit = earlier.isHit || later.isHit;
  return {
    merged: {
      ...later,
      isHit,
      hitSource: earlier.hitSource === 'label' || later.hitSource === 'label' ? 'label' : 'popularity',
      albumName: later.albumName ?? earlier.albumName,
      popularity: later.popularity ?? earlier.popularity,
      trackGenre: later.trackGenre ?? earlier.trackGenre,
      decade: later.decade ?? earlier.decade,
      // A row that does not know the explicit flag keeps the one an earlier row knew.
      explicit: later.explicitKnown ? later.explicit : earlier.explicit,
      explicitKnown: earlier.explicitKnown || later.explicitKnown,
    },
    labelConflict: earlier.isHit !== later.isHit,
    titleConflict: normalizeSearchText(earlier.trackName) !== normalizeSearchText(later.trackName),
  };
}

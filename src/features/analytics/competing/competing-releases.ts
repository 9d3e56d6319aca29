import type { SpotifyAlbumSummary } from '../../spotify/spotify-album-summary.js';
import { releasedInWeek, type ReleaseWeek } from './release-week.js';

/** Genres searched per artist at most: each costs a Spotify search, and the first ones say the most. */
export const MAX_GENRES_PER_ARTIST = 5;

export type CompetingSource = 'new_releases' | 'search';

/** A release Spotify listed, with the genres it is known to be in. */
export interface CompetingCandidate {
  album: SpotifyAlbumSummary;
  /** Its artists' Spotify genres (new releases), or the genre searched (search). */
  genres: readonly string[];
  source: CompetingSource;
}

export interface CompetingPick {
  album: SpotifyAlbumSummary;
  /** The artist's genres it shares, in the artist's order. */
  genres: string[];
  sources: CompetingSource[];
}

/** "  Indie   Pop " → "indie pop": Spotify's genres are lower case, catalog genres are not. */
export const normalizeGenre = (genre: string) => genre.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * An artist's genres from every source Encore has, most telling first: its Spotify artist's
 * genres, then its catalog songs' genres, then its lead profile's; lower case, each once, at most
 * MAX_GENRES_PER_ARTIST. Empty when no source knows any.
 */
export function artistGenres(...sources: ReadonlyArray<readonly string[]>): string[] {
  const genres = new Set(sources.flat().map(normalizeGenre).filter(Boolean));
  return [...genres].slice(0, MAX_GENRES_PER_ARTIST);
}

/**
 * The candidates that compete with the artist in the week: released on a day of that week, in
 * one of the artist's genres, and not by the artist itself (its Spotify artist id). One pick per
 * release, whichever way Spotify listed it; newest first, then by name.
 */
export function competingReleases(input: {
  genres: readonly string[];
  ownSpotifyId: string | null;
  week: ReleaseWeek;
  candidates: readonly CompetingCandidate[];
}): CompetingPick[] {
  const picks = new Map<string, CompetingPick>();
  for (const { album, genres, source } of input.candidates) {
    if (!releasedInWeek(album.releaseDate, album.releaseDatePrecision, input.week)) continue;
    if (input.ownSpotifyId && album.artists.some((artist) => artist.id === input.ownSpotifyId)) continue;
    const theirs = new Set(genres.map(normalizeGenre));
    const shared = input.genres.filter((genre) => theirs.has(genre));
    if (shared.length === 0) continue;
    const pick = picks.get(album.id) ?? { album, genres: [], sources: [] };
    pick.genres = input.genres.filter((genre) => pick.genres.includes(genre) || shared.includes(genre));
    if (!pick.sources.includes(source)) pick.sources.push(source);
    picks.set(album.id, pick);
  }
  return [...picks.values()].sort(
    (a, b) => b.album.releaseDate!.localeCompare(a.album.releaseDate!) || a.album.name.localeCompare(b.album.name) || a.album.id.localeCompare(b.album.id),
  );
}

/**
 * Spotify's search filters, as documented: `tag:new` (albums released in the last two weeks)
 * applies to albums only, `genre:` to artists and tracks only. So the week's releases in a genre
 * are found as tracks of the genre released in the week's year(s), and new albums are matched
 * through their artists' genres.
 */
export const NEW_ALBUMS_QUERY = 'tag:new';

export function genreTracksQuery(genre: string, week: ReleaseWeek): string {
  const [from, to] = [week.start.slice(0, 4), week.end.slice(0, 4)];
  return `genre:"${genre.replace(/"/g, '')}" year:${from === to ? from : `${from}-${to}`}`;
}

import { describe, expect, it } from 'vitest';
import { artistGenres, competingReleases, genreTracksQuery, type CompetingCandidate } from '../../../../src/features/analytics/competing/competing-releases.js';
import { weekOfDay } from '../../../../src/features/analytics/competing/release-week.js';
import type { SpotifyAlbumSummary } from '../../../../src/features/spotify/spotify-album-summary.js';

const week = weekOfDay('2026-12-02');
const album = (id: string, releaseDate: string, artistId = `artist-${id}`, name = `Release ${id}`): SpotifyAlbumSummary => ({
  id,
  name,
  albumType: 'single',
  artists: [{ id: artistId, name: `Artist of ${id}` }],
  releaseDate,
  releaseDatePrecision: 'day',
  totalTracks: 1,
  image: null,
  spotifyUrl: `https://open.spotify.com/album/${id}`,
});

describe("an artist's genres", () => {
  it('come from Spotify, then the catalog, then the lead profile: lower case, each once, five at most', () => {
    expect(artistGenres(['indie pop'], ['Indie Pop', 'Dream  Pop'], ['shoegaze', 'indie pop'])).toEqual(['indie pop', 'dream pop', 'shoegaze']);
    expect(artistGenres(['a', 'b', 'c'], ['d', 'e', 'f'])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('are none when no source knows any', () => {
    expect(artistGenres([], [], [' '])).toEqual([]);
  });
});

describe('competing releases of a week', () => {
  const genres = ['folk', 'acoustic'];

  it("keep the week's releases sharing a genre, newest first, each once with every genre and source", () => {
    const candidates: CompetingCandidate[] = [
      { album: album('a', '2026-12-01'), genres: ['Folk', 'country'], source: 'new_releases' },
      { album: album('b', '2026-12-04'), genres: ['acoustic'], source: 'search' },
      { album: album('a', '2026-12-01'), genres: ['acoustic'], source: 'search' },
      { album: album('c', '2026-12-03'), genres: ['techno'], source: 'new_releases' },
      { album: album('d', '2026-11-29'), genres: ['folk'], source: 'new_releases' },
    ];
    const picks = competingReleases({ genres, ownSpotifyId: null, week, candidates });
    expect(picks.map(({ album: { id }, genres: shared, sources }) => ({ id, shared, sources }))).toEqual([
      { id: 'b', shared: ['acoustic'], sources: ['search'] },
      { id: 'a', shared: ['folk', 'acoustic'], sources: ['new_releases', 'search'] },
    ]);
  });

  it("leave out the artist's own releases", () => {
    const candidates: CompetingCandidate[] = [{ album: album('mine', '2026-12-02', 'me'), genres: ['folk'], source: 'search' }];
    expect(competingReleases({ genres, ownSpotifyId: 'me', week, candidates })).toEqual([]);
  });
});

describe('the genre search', () => {
  it("asks for the genre's tracks of the week's year, or both years across a new year", () => {
    expect(genreTracksQuery('indie "pop"', week)).toBe('genre:"indie pop" year:2026');
    expect(genreTracksQuery('folk', weekOfDay('2026-12-31'))).toBe('genre:"folk" year:2026-2027');
  });
});

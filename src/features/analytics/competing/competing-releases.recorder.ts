import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { SpotifyAlbumSummary } from '../../spotify/spotify-album-summary.js';
import { SPOTIFY_MAX_PAGE, SpotifyClient, SpotifyRequestError } from '../../spotify/spotify-client.js';
import { utcDay } from '../ingestion/metric-rows.js';
import { parseSpotifyArtistReference } from '../spotify/spotify-artist-reference.js';
import { artistGenres, competingReleases, genreTracksQuery, NEW_ALBUMS_QUERY, type CompetingCandidate, type CompetingPick } from './competing-releases.js';
import { releasedInWeek, weekOfDay, type ReleaseWeek } from './release-week.js';

/** Pages of GET /v1/browse/new-releases read per run (50 releases each). */
export const NEW_RELEASE_PAGES = 2;

interface TrackedArtist {
  id: string;
  name: string;
  spotify_id: string | null;
  catalog_genres: string[];
  lead_genres: string[];
}

/** What a run did, kept as the job's output. */
export interface CompetingReleasesRun {
  week: string;
  /** Tracked analytics artists (metrics or a platform account). */
  artists: number;
  /** Artists compared with the week's releases (those with genres). */
  scanned: number;
  /** Releases recorded for an artist by this run, and how many of them were new. */
  recorded: number;
  new: number;
  /** Artists whose genres no source knows: nothing to compare, nothing recorded. */
  without_genres: Array<{ artist_id: string; name: string }>;
  /** Spotify requests that failed for good (a refused search), the others still used. */
  errors: string[];
  /** Why nothing was recorded, when Spotify is not configured. */
  note?: string;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * The daily job's work (FanPulse's scrape_competing_releases): for every tracked analytics artist,
 * the releases of the current ISO week in its genres, from Spotify's new releases (matched through
 * their artists' genres) and a `tag:new genre:"…"` album search per genre, stored once per
 * artist, week and release in competing_releases, with the scan's genres in competing_release_scans.
 */
@Injectable()
export class CompetingReleasesRecorder {
  private readonly logger = new Logger('CompetingReleases');

  constructor(
    private readonly prisma: PrismaService,
    private readonly spotify: SpotifyClient,
  ) {}

  async recordWeek(now = new Date()): Promise<CompetingReleasesRun> {
    const week = weekOfDay(utcDay(now));
    const artists = await this.trackedArtists();
    const run: CompetingReleasesRun = { week: week.week, artists: artists.length, scanned: 0, recorded: 0, new: 0, without_genres: [], errors: [] };
    if (!this.spotify.configured) {
      run.note = 'Spotify is not configured (set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET): no releases to compare, nothing recorded';
      this.logger.warn(run.note);
      return run;
    }
    // A linked id that is no Spotify artist id (stored by hand) would make Spotify refuse the whole batch.
    const linked = unique(
      artists.flatMap((artist) => (artist.spotify_id && parseSpotifyArtistReference(artist.spotify_id) === artist.spotify_id ? [artist.spotify_id] : [])),
    );
    const spotifyGenres = new Map((await this.spotify.getArtists(linked)).map((artist) => [artist.id, artist.genres]));
    const genresOf = new Map(
      artists.map((artist) => [artist.id, artistGenres(spotifyGenres.get(artist.spotify_id ?? '') ?? [], artist.catalog_genres, artist.lead_genres)]),
    );
    const candidates = await this.candidates(week, unique([...genresOf.values()].flat()), run.errors);
    for (const artist of artists) {
      const genres = genresOf.get(artist.id)!;
      if (genres.length === 0) run.without_genres.push({ artist_id: artist.id, name: artist.name });
      else run.scanned++;
      const picks = genres.length > 0 ? competingReleases({ genres, ownSpotifyId: artist.spotify_id, week, candidates }) : [];
      const stored = await this.store(artist.id, week, genres, picks, now);
      run.recorded += picks.length;
      run.new += stored;
    }
    this.logger.log(
      `Competing releases of ${week.week}: ${run.recorded} for ${run.scanned} artist(s), ${run.new} new; ${run.without_genres.length} without genres`,
    );
    return run;
  }

  /** Artists analytics tracks (metrics or a platform account), with their Spotify id and catalog and lead genres. */
  private trackedArtists(): Promise<TrackedArtist[]> {
    return this.prisma.$queryRaw<TrackedArtist[]>`
      SELECT a.id, a.name,
             (SELECT p.external_id FROM artist_platform_accounts p WHERE p.artist_id = a.id AND p.platform = 'spotify') AS spotify_id,
             COALESCE((SELECT array_agg(g.name ORDER BY g.songs DESC, g.name) FROM (
               SELECT ge.name, count(*) AS songs FROM catalog_songs s
               JOIN catalog_song_genres sg ON sg.song_id = s.id JOIN genres ge ON ge.id = sg.genre_id
               WHERE s.artist_id = a.id GROUP BY ge.name) g), '{}') AS catalog_genres,
             COALESCE((SELECT l.genres FROM lead_profiles l WHERE l.artist_id = a.id), '{}') AS lead_genres
      FROM artists a
      WHERE EXISTS (SELECT 1 FROM artist_metrics_daily m WHERE m.artist_id = a.id) OR EXISTS (SELECT 1 FROM artist_platform_accounts p WHERE p.artist_id = a.id)
      ORDER BY a.name, a.id`;
  }

  /**
   * The week's releases Spotify lists: its new releases and the `tag:new` album search, with their
   * artists' genres; and for each genre, the albums of the genre's tracks released in the week.
   */
  private async candidates(week: ReleaseWeek, genres: string[], errors: string[]): Promise<CompetingCandidate[]> {
    if (genres.length === 0) return [];
    const listed: SpotifyAlbumSummary[] = [];
    for (let page = 0; page < NEW_RELEASE_PAGES; page++) {
      const albums = await this.spotify.getNewReleases(page * SPOTIFY_MAX_PAGE);
      listed.push(...albums);
      if (albums.length < SPOTIFY_MAX_PAGE) break;
    }
    const newAlbums = await this.searching(errors, () => this.spotify.searchAlbums(NEW_ALBUMS_QUERY));
    // Albums carry no genres: their artists' do. Only the week's releases are worth asking about.
    const inWeek = (albums: SpotifyAlbumSummary[]) => albums.filter((album) => releasedInWeek(album.releaseDate, album.releaseDatePrecision, week));
    const [listedInWeek, newInWeek] = [inWeek(listed), inWeek(newAlbums)];
    const albumArtists = unique([...listedInWeek, ...newInWeek].flatMap((album) => album.artists.map((artist) => artist.id)));
    const theirGenres = new Map((await this.spotify.getArtists(albumArtists)).map((artist) => [artist.id, artist.genres]));
    const genresOf = (album: SpotifyAlbumSummary) => album.artists.flatMap((artist) => theirGenres.get(artist.id) ?? []);
    const candidates: CompetingCandidate[] = [
      ...listedInWeek.map((album): CompetingCandidate => ({ album, genres: genresOf(album), source: 'new_releases' })),
      ...newInWeek.map((album): CompetingCandidate => ({ album, genres: genresOf(album), source: 'search' })),
    ];
    for (const genre of genres) {
      const albums = await this.searching(errors, () => this.spotify.searchTrackAlbums(genreTracksQuery(genre, week)));
      candidates.push(...inWeek(albums).map((album): CompetingCandidate => ({ album, genres: [genre], source: 'search' })));
    }
    return candidates;
  }

  /** A search's results; a search Spotify refuses (400) is reported in `errors` and counts as none. */
  private async searching<T>(errors: string[], search: () => Promise<T[]>): Promise<T[]> {
    try {
      return await search();
    } catch (error) {
      if (!(error instanceof SpotifyRequestError)) throw error;
      errors.push(error.message);
      return [];
    }
  }

  /** The scan and its releases, in one transaction; a release already recorded for the artist's week gains the new genres and sources. Answers how many were new. */
  private async store(artistId: string, week: ReleaseWeek, genres: string[], picks: CompetingPick[], now: Date): Promise<number> {
    const rows = picks.map(({ album, genres: shared, sources }) => ({
      spotify_album_id: album.id,
      name: album.name,
      album_type: album.albumType,
      artist_names: album.artists.map((artist) => artist.name),
      release_date: album.releaseDate,
      total_tracks: album.totalTracks,
      genres: shared,
      sources,
      spotify_url: album.spotifyUrl,
      image_url: album.image,
    }));
    const [, inserted] = await this.prisma.$transaction([
      this.prisma.competingReleaseScan.upsert({
        where: { artistId_weekStart: { artistId, weekStart: new Date(`${week.start}T00:00:00Z`) } },
        create: { artistId, weekStart: new Date(`${week.start}T00:00:00Z`), genres, scannedAt: now },
        update: { genres, scannedAt: now },
      }),
      this.prisma.$queryRaw<Array<{ inserted: boolean }>>`
        INSERT INTO competing_releases (artist_id, week_start, spotify_album_id, name, album_type, artist_names, release_date, total_tracks, genres, sources, spotify_url, image_url)
        SELECT ${artistId}::uuid, ${week.start}::date, r.spotify_album_id, r.name, r.album_type, r.artist_names, r.release_date, r.total_tracks, r.genres, r.sources, r.spotify_url, r.image_url
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(spotify_album_id text, name text, album_type text, artist_names text[], release_date date, total_tracks int, genres text[], sources text[], spotify_url text, image_url text)
        ON CONFLICT (artist_id, week_start, spotify_album_id) DO UPDATE SET
          name = EXCLUDED.name, album_type = EXCLUDED.album_type, artist_names = EXCLUDED.artist_names, release_date = EXCLUDED.release_date,
          total_tracks = EXCLUDED.total_tracks, spotify_url = EXCLUDED.spotify_url, image_url = EXCLUDED.image_url,
          genres = competing_releases.genres || ARRAY(SELECT g FROM unnest(EXCLUDED.genres) g WHERE g <> ALL (competing_releases.genres)),
          sources = competing_releases.sources || ARRAY(SELECT s FROM unnest(EXCLUDED.sources) s WHERE s <> ALL (competing_releases.sources)),
          updated_at = now()
        RETURNING (xmax = 0) AS inserted`,
    ]);
    return inserted.filter((row) => row.inserted).length;
  }
}

import { BadRequestException, Injectable, Logger, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { CoalescingReader } from '../../platform/database/coalescing-reader.js';
import { queryPrepared } from '../../platform/database/prepared-query.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { VersionedCache } from '../../platform/database/versioned-cache.js';
import { Prisma, type Song } from '../../generated/prisma/client.js';
import { typoScore } from '../../platform/common/fuzzy-score.js';
import { normalizeSearchText } from '../../vocabulary/search-text.js';
import { DATASET_VERSION } from '../dataset/dataset-version.js';
import { SongsService } from '../dataset/songs.service.js';
import { SpotifyClient, SpotifyUnavailableError } from '../spotify/spotify-client.js';
import type { SpotifyTrack } from '../spotify/spotify-track.js';
import type { SpotifyPredictionDto } from './dto/spotify-prediction.dto.js';
import { InvalidSpotifyReferenceError, parseSpotifyTrackReference } from './spotify-reference.js';

export const SONG_NOT_FOUND = 'Song not found. Please provide a valid Spotify link or song title + artist.';
/** How close a near miss must be to count as the song asked for (typo score, 0–1). */
const TITLE_ARTIST_MATCH = 0.85;
/** Cover art is a nicety: a slow Spotify must not hold up a dataset prediction for long. */
const LINKS_LOOKUP = { maxRetries: 0, timeoutMs: 1500 };

/** What a prediction reads of a song, by field and column: a dataset hit is loaded with just these. */
const PREDICTED_SONG_COLUMNS = {
  id: 'id',
  trackId: 'track_id',
  trackName: 'track_name',
  artists: 'artists',
  albumName: 'album_name',
  albumImage: 'album_image',
  previewUrl: 'preview_url',
  popularity: 'popularity',
  dataset: 'dataset',
  isHit: 'is_hit',
  durationMs: 'duration_ms',
  danceability: 'danceability',
  energy: 'energy',
  valence: 'valence',
  acousticness: 'acousticness',
  instrumentalness: 'instrumentalness',
  speechiness: 'speechiness',
  liveness: 'liveness',
  loudness: 'loudness',
  tempo: 'tempo',
  mode: 'mode',
  key: 'key',
  timeSignature: 'time_signature',
  explicit: 'explicit',
} as const satisfies Partial<Record<keyof Song, string>>;

export type PredictedSong = Pick<Song, keyof typeof PREDICTED_SONG_COLUMNS>;

/**
 * A song a request names. `keptAt`, for a song kept from an earlier request: the songs' version
 * it was read at, which the statement storing the prediction confirms (see storePredictions).
 */
export interface FoundSong {
  song: PredictedSong;
  keptAt: string | null;
}

/** A predicted song's columns, and the songs' version of the statement's snapshot. */
const SELECT_PREDICTED_SONG = Prisma.raw(
  `SELECT ${Object.entries(PREDICTED_SONG_COLUMNS)
    .map(([field, column]) => `${column} AS "${field}"`)
    .join(', ')}, ${DATASET_VERSION} AS version FROM songs`,
);

/** Most track ids looked up by one statement: under load about as many as requests arrive during one lookup (tens). */
export const MAX_TRACK_IDS_PER_LOOKUP = 200;
/**
 * Songs kept by track id, the most recently asked first to stay: about a kilobyte of heap each
 * (2 MB in all, measured), while an A&R tool asking about the same songs again skips their lookup
 * (docs/benchmarks.md, "Dataset hits kept by the songs' version").
 */
const KEPT_SONGS = 2000;

/**
 * Finds the song a request names: in the songs table first (by track id; else by title and
 * artist), else on Spotify (track and audio features), storing what Spotify gave.
 */
@Injectable()
export class SongLookupService {
  private readonly logger = new Logger(SongLookupService.name);
  /** One per app: track ids asked while a lookup is in flight share the next statement. */
  private readonly byTrackId: CoalescingReader<string, PredictedSong & { version: string }>;
  /** Songs found by track id, with the songs' version they were read at. */
  private readonly kept = new VersionedCache<PredictedSong>(KEPT_SONGS, () => 1);

  constructor(
    private readonly prisma: PrismaService,
    private readonly songs: SongsService,
    private readonly spotify: SpotifyClient,
  ) {
    this.byTrackId = new CoalescingReader(
      (trackIds) =>
        queryPrepared<PredictedSong & { version: string }>(prisma.pool, Prisma.sql`${SELECT_PREDICTED_SONG} WHERE track_id = ANY(${trackIds}::text[])`),
      (song) => song.trackId!,
      MAX_TRACK_IDS_PER_LOOKUP,
    );
  }

  /**
   * The song `request` names. A song found by track id before is given as kept (`keptAt` set)
   * unless `kept` is false: then, as every other song, it is read now.
   */
  async find(request: SpotifyPredictionDto, { kept = true } = {}): Promise<FoundSong> {
    const trackId = trackIdOf(request);
    const title = request.title?.trim();
    const artist = request.artist?.trim();
    if (!trackId && (!title || !artist)) {
      throw new BadRequestException('Provide a Spotify link (url), a track_id, or both title and artist.');
    }
    const keptSong = kept && trackId ? this.kept.latest(trackId) : undefined;
    if (keptSong) return { song: keptSong.value, keptAt: keptSong.version };
    const known = trackId ? await this.findByTrackId(trackId) : await this.findByTitleAndArtist(title!, artist!);
    if (known) return { song: await this.withSpotifyLinks(known), keptAt: null };
    if (!this.spotify.configured) throw trackId ? spotifyNotConfigured(trackId) : songNotFound();

    const track = await this.askSpotify(() =>
      trackId
        ? this.spotify.getTrack(trackId)
        : this.spotify.searchTracks(`track:"${unquote(title!)}" artist:"${unquote(artist!)}"`, 1).then(([first]) => first ?? null),
    );
    if (!track) throw songNotFound();
    return { song: await this.fromSpotify(track), keptAt: null };
  }

  /**
   * The hot path of dataset hits: one prepared statement, not Prisma's query, shared by the
   * lookups of concurrent requests (docs/benchmarks.md). The song is kept for the next request
   * unless it still waits for Spotify's cover, which each request tries again.
   */
  private async findByTrackId(trackId: string): Promise<PredictedSong | null> {
    const found = await this.byTrackId.read(trackId);
    if (!found) return null;
    const { version, ...song } = found;
    if (!this.wantsSpotifyLinks(song)) this.kept.set(trackId, version, song);
    return song;
  }

  /** Exact title and artist words first, then the closest near miss. */
  private async findByTitleAndArtist(title: string, artist: string): Promise<Song | null> {
    const wanted = normalizeSearchText(`${title} ${artist}`);
    for (const hit of await this.songs.search(`${title} ${artist}`, 5)) {
      if (hit.match !== 'fuzzy' || typoScore(wanted, normalizeSearchText(`${hit.track_name} ${hit.artists}`)) >= TITLE_ARTIST_MATCH) {
        return this.prisma.song.findUnique({ where: { id: hit.id } });
      }
    }
    return null;
  }

  private async fromSpotify(track: SpotifyTrack): Promise<Song> {
    const known = await this.prisma.song.findUnique({ where: { trackId: track.id } });
    if (known) return known;
    const features = await this.askSpotify(() => this.spotify.getAudioFeatures(track.id));
    if (features) return this.songs.saveSpotifySong(track, features);
    // Without Spotify's features, the dataset may still know the song under another track id (a reissue).
    const inDataset = await this.findByTitleAndArtist(track.title, track.artist.split(';')[0]!);
    if (inDataset) return this.songs.addSpotifyLinks(inDataset, track);
    throw new UnprocessableEntityException({
      error: 'Audio features unavailable',
      message:
        `Spotify found "${track.title}" by ${track.artist.replaceAll(';', ', ')}, but gives this app no audio features for it ` +
        '(its audio-features endpoint refuses apps without extended access), and the song is in no dataset, so it cannot ' +
        'be predicted. Enter its ten features in manual mode (POST /api/predict/manual/) instead.',
      features_available: false,
    });
  }

  /** Dataset songs carry no cover or preview: take Spotify's when it answers quickly, never fail over it. */
  private async withSpotifyLinks(song: PredictedSong): Promise<PredictedSong> {
    if (!this.wantsSpotifyLinks(song)) return song;
    try {
      const track = await this.spotify.getTrack(song.trackId, LINKS_LOOKUP);
      return track ? await this.songs.addSpotifyLinks(song, track) : song;
    } catch (error) {
      this.logger.debug(`No Spotify cover for song ${song.id}: ${(error as Error).message}`);
      return song;
    }
  }

  private wantsSpotifyLinks(song: PredictedSong): song is PredictedSong & { trackId: string } {
    return this.spotify.configured && !!song.trackId && !song.albumImage;
  }

  private async askSpotify<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof SpotifyUnavailableError)) throw error;
      this.logger.warn(error.message);
      throw new ServiceUnavailableException(
        'Spotify is not answering right now, and the song is not in the songs table. Songs in the dataset can still be predicted; please retry shortly.',
      );
    }
  }
}

function trackIdOf({ track_id, url }: SpotifyPredictionDto): string | null {
  const field = track_id?.trim() ? 'track_id' : url?.trim() ? 'url' : null;
  if (!field) return null;
  try {
    return parseSpotifyTrackReference((field === 'track_id' ? track_id : url)!);
  } catch (error) {
    if (error instanceof InvalidSpotifyReferenceError) throw new BadRequestException(`${field}: ${error.message}`);
    throw error;
  }
}

/** A link names a real track, but only Spotify could give its features: "not found" would send the user hunting for another link. */
function spotifyNotConfigured(trackId: string): ServiceUnavailableException {
  return new ServiceUnavailableException({
    error: 'Spotify not configured',
    message:
      `Track ${trackId} is not in the songs table, and Spotify is not configured on this server, so it cannot be looked up there. ` +
      'Set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (an app from the Spotify developer dashboard) and restart, ' +
      'or predict a song of the dataset, or enter its features in manual mode.',
  });
}

function songNotFound(): NotFoundException {
  return new NotFoundException(SONG_NOT_FOUND, { description: SONG_NOT_FOUND });
}

/** Double quotes delimit Spotify's field filters. */
const unquote = (text: string) => text.replaceAll('"', ' ');

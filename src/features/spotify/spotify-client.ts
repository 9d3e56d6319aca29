import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type SpotifyWebApi from 'spotify-web-api-node';
import { AppConfig } from '../../platform/config/app-config.js';
import { decideRetry, parseRetryAfter, type CallFailure } from '../../platform/common/retry-policy.js';
import { toSpotifyAlbum, type SpotifyAlbum } from './spotify-album.js';
import { pagingItems, toSpotifyAlbumSummary, type SpotifyAlbumSummary } from './spotify-album-summary.js';
import { toSpotifyArtist, type SpotifyArtist } from './spotify-artist.js';
import { MalformedSpotifyResponseError, toAudioFeatures, toSpotifyTrack, type SpotifyAudioFeatures, type SpotifyTrack } from './spotify-track.js';

/** Spotify did not give an answer: not configured, credentials rejected, down, slow or rate-limited. */
export class SpotifyUnavailableError extends Error {}

/** Spotify answered with a status that retrying will not change (400, 403, 404). */
export class SpotifyRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Spotify's most ids per GET /v1/artists?ids= and items per page of new releases or search. */
export const SPOTIFY_MAX_IDS = 50;
export const SPOTIFY_MAX_PAGE = 50;

/** A new token this long before the current one expires, so no request carries an expiring token. */
const TOKEN_REFRESH_MARGIN_MS = 60_000;
/** After a 403 from audio-features, how long to believe the app still has no access to it. */
const AUDIO_FEATURES_RECHECK_MS = 60 * 60_000;
const RETRY_BASE_DELAY_MS = 250;
const MAX_RETRY_AFTER_MS = 30_000;

/** Per-call limits, for lookups that are worth less than a quick answer. */
export interface CallOptions {
  maxRetries?: number;
  timeoutMs?: number;
}

interface SpotifyErrorLike {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Spotify's Web API through spotify-web-api-node, with what the library leaves to us: the
 * client-credentials token (cached, refreshed before it expires, one refresh at a time), a
 * deadline per request, retries with backoff on 5xx and network errors, waiting out 429s
 * (all requests wait while one is rate-limited), and remembering that audio features are
 * forbidden to this app (Spotify answers 403 to apps without extended access).
 */
@Injectable()
export class SpotifyClient {
  private readonly logger = new Logger(SpotifyClient.name);
  private api?: Promise<SpotifyWebApi>;
  private token: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;
  private rateLimitedUntil = 0;
  private audioFeaturesForbiddenUntil = 0;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.spotifyConfigured;
  }

  /** False while Spotify's audio-features endpoint is known to answer 403 to this app. */
  get audioFeaturesAvailable(): boolean {
    return Date.now() >= this.audioFeaturesForbiddenUntil;
  }

  /** The track, or null when Spotify has no track with this id. */
  async getTrack(id: string, options: CallOptions = {}): Promise<SpotifyTrack | null> {
    try {
      const track = await this.call(`track ${id}`, (api) => api.getTrack(id, { market: this.config.SPOTIFY_MARKET }), options);
      return readResponse(`track ${id}`, () => toSpotifyTrack(track));
    } catch (error) {
      if (error instanceof SpotifyRequestError && (error.status === 404 || error.status === 400)) return null;
      throw error;
    }
  }

  /** The artist (followers, popularity, genres, images), or null when Spotify has no artist with this id. */
  async getArtist(id: string, options: CallOptions = {}): Promise<SpotifyArtist | null> {
    try {
      const artist = await this.call(`artist ${id}`, (api) => api.getArtist(id), options);
      return readResponse(`artist ${id}`, () => toSpotifyArtist(artist));
    } catch (error) {
      if (error instanceof SpotifyRequestError && (error.status === 404 || error.status === 400)) return null;
      throw error;
    }
  }

  /** The album (label, copyrights, release date), or null when Spotify has no album with this id. */
  async getAlbum(id: string, options: CallOptions = {}): Promise<SpotifyAlbum | null> {
    try {
      const album = await this.call(`album ${id}`, (api) => api.getAlbum(id, { market: this.config.SPOTIFY_MARKET }), options);
      return readResponse(`album ${id}`, () => toSpotifyAlbum(album));
    } catch (error) {
      if (error instanceof SpotifyRequestError && (error.status === 404 || error.status === 400)) return null;
      throw error;
    }
  }

  /** The artists Spotify has among these ids (unknown ids are left out), asked 50 at a time. */
  async getArtists(ids: readonly string[]): Promise<SpotifyArtist[]> {
    const artists: SpotifyArtist[] = [];
    for (let start = 0; start < ids.length; start += SPOTIFY_MAX_IDS) {
      const batch = ids.slice(start, start + SPOTIFY_MAX_IDS);
      const what = `artists ${batch[0]}…(${batch.length})`;
      const body = await this.call(what, (api) => api.getArtists(batch));
      // Spotify answers null in place of an id it does not know.
      artists.push(
        ...readResponse(what, () => (body.artists as Array<SpotifyApi.ArtistObjectFull | null>).filter((artist) => artist !== null).map(toSpotifyArtist)),
      );
    }
    return artists;
  }

  /** One page of Spotify's new releases (GET /v1/browse/new-releases) in SPOTIFY_MARKET. */
  async getNewReleases(offset = 0, limit = SPOTIFY_MAX_PAGE): Promise<SpotifyAlbumSummary[]> {
    const what = `new releases (offset ${offset})`;
    const body = await this.call(what, (api) => api.getNewReleases({ limit, offset, country: this.config.SPOTIFY_MARKET }));
    return readResponse(what, () => pagingItems(body, 'albums').map((album) => toSpotifyAlbumSummary(album as SpotifyApi.AlbumObjectSimplified)));
  }

  /** Albums for a search query (field filters such as `tag:new` and `genre:"..."`, as Spotify documents them). */
  async searchAlbums(query: string, limit = SPOTIFY_MAX_PAGE): Promise<SpotifyAlbumSummary[]> {
    const what = `album search "${query}"`;
    const body = await this.call(what, (api) => api.searchAlbums(query, { limit, market: this.config.SPOTIFY_MARKET }));
    return readResponse(what, () => pagingItems(body, 'albums').map((album) => toSpotifyAlbumSummary(album as SpotifyApi.AlbumObjectSimplified)));
  }

  /**
   * Spotify's Track objects for a search query, as Spotify sent them (unchecked): for callers that
   * need what SpotifyTrack leaves out, such as album and artist ids (Leads: `isrc:<code>`).
   */
  async searchTrackObjects(query: string, limit = 10): Promise<unknown[]> {
    const result = await this.call(`search "${query}"`, (api) => api.searchTracks(query, { limit, market: this.config.SPOTIFY_MARKET }));
    const items: unknown = (result as { tracks?: { items?: unknown } } | undefined)?.tracks?.items;
    if (items === undefined || items === null) return [];
    if (!Array.isArray(items)) throw new SpotifyUnavailableError(`Spotify search "${query}": malformed response (tracks.items is not an array)`);
    return items;
  }

  /** The albums of the tracks a search finds (Spotify's `genre:` filter applies to tracks, not albums), once each. */
  async searchTrackAlbums(query: string, limit = SPOTIFY_MAX_PAGE): Promise<SpotifyAlbumSummary[]> {
    const tracks = await this.searchTrackObjects(query, limit);
    const albums = readResponse(`search "${query}"`, () => tracks.map((track) => toSpotifyAlbumSummary((track as SpotifyApi.TrackObjectFull).album)));
    return [...new Map(albums.map((album) => [album.id, album])).values()];
  }

  /** Tracks for a search query (Spotify's syntax: `track:"..." artist:"..."` narrows by field). */
  async searchTracks(query: string, limit = 10): Promise<SpotifyTrack[]> {
    const result = await this.call(`search "${query}"`, (api) => api.searchTracks(query, { limit, market: this.config.SPOTIFY_MARKET }));
    return readResponse(`search "${query}"`, () => (result.tracks?.items ?? []).map(toSpotifyTrack));
  }

  /** The track's audio features, or null when Spotify does not give them (403 for this app, or none for the track). */
  async getAudioFeatures(id: string): Promise<SpotifyAudioFeatures | null> {
    if (!this.audioFeaturesAvailable) return null;
    try {
      return toAudioFeatures(await this.call(`audio features ${id}`, (api) => api.getAudioFeaturesForTrack(id)));
    } catch (error) {
      if (error instanceof MalformedSpotifyResponseError) {
        this.logger.warn(`Spotify audio features of ${id} unusable: ${error.message}`);
        return null;
      }
      if (!(error instanceof SpotifyRequestError)) throw error;
      if (error.status === 403) {
        this.audioFeaturesForbiddenUntil = Date.now() + AUDIO_FEATURES_RECHECK_MS;
        this.logger.warn('Spotify refuses audio features to this app (403); using the dataset only for the next hour');
        return null;
      }
      if (error.status === 404 || error.status === 400) return null;
      throw error;
    }
  }

  /** One API request with a valid token, a deadline and the retry policy. */
  private async call<T>(what: string, send: (api: SpotifyWebApi) => Promise<{ body: T }>, options: CallOptions = {}): Promise<T> {
    return this.withRetries(what, options, async () => {
      const token = await this.accessToken();
      try {
        return await this.withDeadline(send(await this.webApi()), options.timeoutMs);
      } catch (error) {
        // Whoever sees the 401 first drops the token; the retry gets a fresh one.
        if ((error as SpotifyErrorLike).statusCode === 401 && this.token?.value === token) this.token = null;
        throw error;
      }
    });
  }

  private async withRetries<T>(what: string, options: CallOptions, attempt: () => Promise<{ body: T }>): Promise<T> {
    if (!this.configured) throw new SpotifyUnavailableError('Spotify is not configured (set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET)');
    for (let attemptNumber = 0; ; attemptNumber++) {
      const waitMs = this.rateLimitedUntil - Date.now();
      if (waitMs > 0) await sleep(waitMs);
      try {
        return (await attempt()).body;
      } catch (error) {
        if (error instanceof SpotifyUnavailableError) throw error;
        const failure = describeFailure(error);
        const decision = decideRetry(failure, attemptNumber, {
          maxRetries: options.maxRetries ?? this.config.SPOTIFY_MAX_RETRIES,
          baseDelayMs: RETRY_BASE_DELAY_MS,
          maxRetryAfterMs: MAX_RETRY_AFTER_MS,
        });
        const reason = failure.status ? `HTTP ${failure.status}` : String((error as Error)?.message ?? error);
        if (failure.status === 429 && decision.retry) this.rateLimitedUntil = Math.max(this.rateLimitedUntil, Date.now() + decision.delayMs);
        if (!decision.retry) {
          if (failure.status && failure.status < 500 && failure.status !== 429 && failure.status !== 401) {
            throw new SpotifyRequestError(failure.status, `Spotify ${what}: ${reason}`);
          }
          throw new SpotifyUnavailableError(`Spotify ${what} failed after ${attemptNumber + 1} attempt(s): ${reason}`);
        }
        this.logger.warn(`Spotify ${what}: ${reason}; retry ${attemptNumber + 1} in ${decision.delayMs} ms`);
        if (decision.delayMs > 0) await sleep(decision.delayMs);
      }
    }
  }

  /** The cached token, or a new one; concurrent callers share one token request. */
  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt - TOKEN_REFRESH_MARGIN_MS) return this.token.value;
    this.tokenRequest ??= this.requestToken().finally(() => (this.tokenRequest = null));
    return this.tokenRequest;
  }

  private async requestToken(): Promise<string> {
    let grant: { access_token: string; expires_in: number };
    try {
      const api = await this.webApi();
      grant = await this.withRetries('token', {}, () => this.withDeadline(api.clientCredentialsGrant()));
    } catch (error) {
      // 400/401 from the accounts service: invalid_client, the credentials are wrong.
      if (error instanceof SpotifyRequestError) throw new SpotifyUnavailableError(`Spotify rejected the app credentials: ${error.message}`);
      throw error;
    }
    if (typeof grant?.access_token !== 'string' || !Number.isFinite(grant.expires_in)) {
      throw new SpotifyUnavailableError('Spotify token response without access_token or expires_in');
    }
    this.token = { value: grant.access_token, expiresAt: Date.now() + grant.expires_in * 1000 };
    (await this.webApi()).setAccessToken(grant.access_token);
    return grant.access_token;
  }

  /** The library is imported on the first request: a server without Spotify credentials never loads it. */
  private webApi(): Promise<SpotifyWebApi> {
    this.api ??= loadSpotifyWebApi().then(
      (SpotifyWebApi) => new SpotifyWebApi({ clientId: this.config.SPOTIFY_CLIENT_ID, clientSecret: this.config.SPOTIFY_CLIENT_SECRET }),
    );
    return this.api;
  }

  private withDeadline<T>(request: Promise<T>, timeoutMs = this.config.SPOTIFY_TIMEOUT_MS): Promise<T> {
    return withDeadline(request, timeoutMs);
  }
}

/** spotify-web-api-node's class, imported when first needed (it and superagent weigh about 3 MB of heap). */
export async function loadSpotifyWebApi(): Promise<typeof SpotifyWebApi> {
  return (await import('spotify-web-api-node')).default;
}

/** spotify-web-api-node sets no timeout: a request that does not answer in time counts as failed. */
export async function withDeadline<T>(request: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([request, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A body Spotify's documented format does not describe is as good as no answer. */
function readResponse<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedSpotifyResponseError || error instanceof TypeError) {
      throw new SpotifyUnavailableError(`Spotify ${what}: malformed response (${error.message})`);
    }
    throw error;
  }
}

/** What went wrong, from spotify-web-api-node's errors (status and headers) or a network error. */
function describeFailure(error: unknown): CallFailure {
  const { statusCode, headers } = (error ?? {}) as SpotifyErrorLike;
  if (typeof statusCode !== 'number') return { noResponse: true };
  return { status: statusCode, retryAfterSeconds: statusCode === 429 ? parseRetryAfter(headers?.['retry-after']) : undefined };
}

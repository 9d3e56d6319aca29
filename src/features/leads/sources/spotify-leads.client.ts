import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { SpotifyClient, SpotifyRequestError, SpotifyUnavailableError } from '../../spotify/spotify-client.js';
import { SourceResponseError, SourceUnavailableError } from './http-source.js';
import { SourceConfigurationError, type LeadSource } from './lead-source.js';
import { SourceCache } from './source-cache.js';
import { SourceClientKit } from './source-client-kit.js';
import type { SourceStatus } from './source-status.js';
import { SourceUsage } from './source-usage.js';
import { chooseIsrcTrack, readCachedIsrcLookup, readTrackObject, SpotifyLeadsFormatError, type SpotifyIsrcLookup } from './spotify-leads.format.js';
import { normalizedIsrc } from '../isrc.js';

export type { SpotifyIsrcLookup, SpotifyLeadsTrack } from './spotify-leads.format.js';

export interface SpotifyLeadsLookupOptions {
  /** Ask Spotify even when the cache has an answer (the new answer is cached). */
  forceRefresh?: boolean;
}

/** Results asked of the ISRC search: re-releases and regional copies share an ISRC. */
const SEARCH_LIMIT = 5;
/** SpotifyClient's API (it has no base URL setting), for the status page. */
const SPOTIFY_API = 'https://api.spotify.com/v1';

/**
 * Spotify, as Leads asks it: an ISRC's track (search `isrc:<code>`, the most popular match), its
 * album's label and copyrights, and its primary artist's audience. The HTTP, the token, the
 * deadlines and the retries are SpotifyClient's (the songs feature's client, shared); this adds
 * the choice of track, one cached answer per ISRC (SPOTIFY_LEADS_CACHE_TTL_HOURS, "not found"
 * included), usage counts (one request per SpotifyClient call: its retries are its own) and
 * Leads' errors: SourceConfigurationError, SourceUnavailableError, SourceResponseError.
 */
@Injectable()
export class SpotifyLeadsClient implements LeadSource {
  static readonly SOURCE = 'spotify';
  readonly source = SpotifyLeadsClient.SOURCE;
  private readonly logger = new Logger(SpotifyLeadsClient.name);
  private readonly kit: SourceClientKit;

  constructor(
    private readonly config: AppConfig,
    private readonly spotify: SpotifyClient,
    cache: SourceCache,
    usage: SourceUsage,
  ) {
    this.kit = new SourceClientKit({ source: this.source, displayName: 'Spotify', logger: this.logger, cache, usage, formatError: SpotifyLeadsFormatError });
  }

  /** With SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET, as SpotifyClient. */
  get configured(): boolean {
    return this.spotify.configured;
  }

  /**
   * The ISRC's most popular Spotify track with its album (label, copyrights) and primary artist;
   * null when Spotify has no track with it. Hyphens, spaces and case are forgiven.
   */
  async lookupIsrc(isrc: string, options: SpotifyLeadsLookupOptions = {}): Promise<SpotifyIsrcLookup | null> {
    const code = normalizedIsrc(isrc);
    if (!this.configured) throw new SourceConfigurationError(this.source, 'Spotify is not configured: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET');
    const key = `isrc/${code}`;
    return this.kit.shared(key, options.forceRefresh, () => this.cachedOrFetched(code, key, options));
  }

  /** For GET /api/leads/status: configured, healthy (this instance), last error and today's usage. */
  async sourceStatus(): Promise<SourceStatus> {
    return this.kit.status({ configured: this.configured, baseUrl: SPOTIFY_API });
  }

  private async cachedOrFetched(isrc: string, key: string, options: SpotifyLeadsLookupOptions): Promise<SpotifyIsrcLookup | null> {
    if (!options.forceRefresh) {
      const cached = await this.kit.fromCache(key, readCachedIsrcLookup);
      if (cached !== undefined) return cached;
    }
    let lookup: SpotifyIsrcLookup | null;
    try {
      lookup = await this.fetch(isrc);
    } catch (error) {
      throw this.kit.failed(error);
    }
    this.kit.health.succeeded();
    await this.kit.remember(key, lookup ? { status: 200, body: lookup } : { status: 404, body: null }, this.config.SPOTIFY_LEADS_CACHE_TTL_HOURS);
    return lookup;
  }

  private async fetch(isrc: string): Promise<SpotifyIsrcLookup | null> {
    const items = await this.call(`search isrc:${isrc}`, () => this.spotify.searchTrackObjects(`isrc:${isrc}`, SEARCH_LIMIT));
    let tracks;
    try {
      tracks = items.map((item, i) => readTrackObject(item, `tracks.items[${i}]`));
    } catch (error) {
      if (!(error instanceof SpotifyLeadsFormatError)) throw error;
      await this.kit.count({ errors: 1 });
      throw this.kit.unusable(`search isrc:${isrc}`, error);
    }
    const track = chooseIsrcTrack(tracks, isrc);
    if (!track) return null;
    const primary = track.artists[0]!;
    const [album, artist] = await Promise.all([
      this.call(`album ${track.album.id}`, () => this.spotify.getAlbum(track.album.id)),
      this.call(`artist ${primary.id}`, () => this.spotify.getArtist(primary.id)),
    ]);
    return {
      isrc,
      track,
      candidates: tracks.length,
      album: album && { id: album.id, name: album.name, label: album.label, copyrights: album.copyrights, releaseDate: album.releaseDate },
      artist: artist && { id: artist.id, name: artist.name, followers: artist.followers, popularity: artist.popularity, genres: artist.genres },
    };
  }

  /** One SpotifyClient call, counted, its errors turned into Leads' source errors. */
  private async call<T>(what: string, send: () => Promise<T>): Promise<T> {
    try {
      const result = await send();
      await this.kit.count({ requests: 1, errors: 0 });
      return result;
    } catch (error) {
      await this.kit.count({ requests: 1, errors: 1 });
      if (error instanceof SpotifyRequestError) throw new SourceResponseError(this.source, error.message, error.status);
      if (error instanceof SpotifyUnavailableError) throw new SourceUnavailableError(this.source, error.message);
      throw new SourceUnavailableError(this.source, `Spotify ${what}: ${(error as Error)?.message ?? String(error)}`);
    }
  }
}

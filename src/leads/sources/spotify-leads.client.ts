import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { SpotifyClient, SpotifyRequestError, SpotifyUnavailableError } from '../../spotify/spotify-client.js';
import { SourceResponseError, SourceUnavailableError } from './http-source.js';
import { InflightLookups, SourceConfigurationError, type LeadSource } from './lead-source.js';
import { SourceCache } from './source-cache.js';
import { SourceHealth, type SourceStatus } from './source-status.js';
import { SourceUsage } from './source-usage.js';
import { chooseIsrcTrack, readCachedIsrcLookup, readTrackObject, SpotifyLeadsFormatError, type SpotifyIsrcLookup } from './spotify-leads.format.js';

export type { SpotifyIsrcLookup, SpotifyLeadsTrack } from './spotify-leads.format.js';

export interface SpotifyLeadsLookupOptions {
  /** Ask Spotify even when the cache has an answer (the new answer is cached). */
  forceRefresh?: boolean;
}

/** Results asked of the ISRC search: re-releases and regional copies share an ISRC. */
const SEARCH_LIMIT = 5;
const HOUR_MS = 3_600_000;
const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
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
  private readonly health = new SourceHealth();
  private readonly inflight = new InflightLookups();

  constructor(
    private readonly config: AppConfig,
    private readonly spotify: SpotifyClient,
    private readonly cache: SourceCache,
    private readonly usage: SourceUsage,
  ) {}

  /** With SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET, as SpotifyClient. */
  get configured(): boolean {
    return this.spotify.configured;
  }

  /**
   * The ISRC's most popular Spotify track with its album (label, copyrights) and primary artist;
   * null when Spotify has no track with it. Hyphens, spaces and case are forgiven.
   */
  async lookupIsrc(isrc: string, options: SpotifyLeadsLookupOptions = {}): Promise<SpotifyIsrcLookup | null> {
    const code = isrc.replace(/[\s-]/g, '').toUpperCase();
    if (!ISRC.test(code)) throw new RangeError(`"${isrc}" is not an ISRC (CC-XXX-YY-NNNNN)`);
    if (!this.configured) throw new SourceConfigurationError(this.source, 'Spotify is not configured: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET');
    const key = `isrc/${code}`;
    return this.inflight.run(`${options.forceRefresh ? 'refresh:' : ''}${key}`, () => this.cachedOrFetched(code, key, options));
  }

  /** For GET /api/leads/status: configured, healthy (this instance), last error and today's usage. */
  async sourceStatus(): Promise<SourceStatus> {
    return {
      source: this.source,
      configured: this.configured,
      healthy: this.health.healthy,
      baseUrl: SPOTIFY_API,
      lastError: this.health.lastError,
      lastSuccessAt: this.health.lastSuccessAt,
      rateLimit: null,
      usageToday: await this.usage.today(this.source),
    };
  }

  private async cachedOrFetched(isrc: string, key: string, options: SpotifyLeadsLookupOptions): Promise<SpotifyIsrcLookup | null> {
    if (!options.forceRefresh) {
      const cached = await this.cache.get(this.source, key).catch((error: Error) => {
        this.logger.warn(`Spotify cache unreadable (${key}): ${error.message}`);
        return null;
      });
      if (cached?.status === 404) return null;
      if (cached) {
        try {
          return readCachedIsrcLookup(cached.body);
        } catch (error) {
          if (!(error instanceof SpotifyLeadsFormatError)) throw error;
          // Kept by an older version in a shape this one does not read: ask again.
        }
      }
    }
    let lookup: SpotifyIsrcLookup | null;
    try {
      lookup = await this.fetch(isrc);
    } catch (error) {
      this.health.failed(error);
      throw error;
    }
    this.health.succeeded();
    await this.remember(key, lookup ? { status: 200, body: lookup } : { status: 404, body: null });
    return lookup;
  }

  private async fetch(isrc: string): Promise<SpotifyIsrcLookup | null> {
    const items = await this.call(`search isrc:${isrc}`, () => this.spotify.searchTrackObjects(`isrc:${isrc}`, SEARCH_LIMIT));
    let tracks;
    try {
      tracks = items.map((item, i) => readTrackObject(item, `tracks.items[${i}]`));
    } catch (error) {
      if (!(error instanceof SpotifyLeadsFormatError)) throw error;
      await this.count(1, 0);
      throw new SourceResponseError(this.source, `Spotify search isrc:${isrc}: unexpected response (${error.message})`);
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
      await this.count(0);
      return result;
    } catch (error) {
      await this.count(1);
      if (error instanceof SpotifyRequestError) throw new SourceResponseError(this.source, error.message, error.status);
      if (error instanceof SpotifyUnavailableError) throw new SourceUnavailableError(this.source, error.message);
      throw new SourceUnavailableError(this.source, `Spotify ${what}: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  private async remember(key: string, answer: { status: number; body: unknown }): Promise<void> {
    await this.cache.put(this.source, key, answer, this.config.SPOTIFY_LEADS_CACHE_TTL_HOURS * HOUR_MS).catch((error: Error) => this.logger.warn(`Spotify answer not cached (${key}): ${error.message}`));
  }

  private async count(errors: number, requests = 1): Promise<void> {
    await this.usage.record(this.source, { requests, errors }).catch((error: Error) => this.logger.warn(`Spotify usage not counted: ${error.message}`));
  }
}

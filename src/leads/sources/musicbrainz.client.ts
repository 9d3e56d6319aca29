import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { HttpJsonSource, SourceResponseError, SourceUnavailableError } from './http-source.js';
import type { LeadSource } from './lead-source.js';
import {
  MusicBrainzFormatError,
  readArtist,
  readIsrcLookup,
  readLabel,
  readRelease,
  type MbArtist,
  type MbIsrcLookup,
  type MbLabel,
  type MbRelease,
} from './musicbrainz.format.js';
import { SourceRateLimiter } from './rate-limiter.js';
import { SourceCache } from './source-cache.js';
import { appVersion, SourceHealth, type SourceStatus } from './source-status.js';
import { SourceUsage } from './source-usage.js';

export * from './musicbrainz.format.js';

export interface LookupOptions {
  /** Ask MusicBrainz even when the cache has an answer (the new answer is cached). */
  forceRefresh?: boolean;
}

/** A Retry-After longer than this fails the call rather than hold a worker. */
const MAX_RETRY_AFTER_MS = 60_000;
/** The shortest first backoff, whatever MUSICBRAINZ_MIN_INTERVAL_MS says. */
const MIN_BACKOFF_MS = 100;
const HOUR_MS = 3_600_000;
const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * MusicBrainz's web service (ws/2, JSON; no key): recordings by ISRC, and artists, releases and
 * labels by MBID with the relations Leads needs. Every HTTP request waits for a slot of the
 * shared rate limiter (MUSICBRAINZ_MIN_INTERVAL_MS, 1 s: MusicBrainz's limit, kept across every
 * worker and instance), is counted in source_usage, and is retried with backoff on 5xx, 429,
 * network errors and timeouts; answers, "not found" included, are cached in source_cache.
 *
 * Each lookup answers the parsed object, null when MusicBrainz has no such thing (404), or
 * throws SourceUnavailableError (no answer after the retries) or SourceResponseError (an answer
 * that is not the documented format, or a 4xx such as 400 for a malformed id).
 */
@Injectable()
export class MusicBrainzClient implements LeadSource {
  static readonly SOURCE = 'musicbrainz';
  readonly source = MusicBrainzClient.SOURCE;
  private readonly logger = new Logger(MusicBrainzClient.name);
  private readonly http: HttpJsonSource;
  private readonly health = new SourceHealth();
  /** Lookups under way in this process, so concurrent callers asking for the same key share one request. */
  private readonly inflight = new Map<string, Promise<unknown>>();
  private warnedAboutContact = false;

  constructor(
    private readonly config: AppConfig,
    private readonly limiter: SourceRateLimiter,
    private readonly cache: SourceCache,
    private readonly usage: SourceUsage,
  ) {
    const minIntervalMs = config.MUSICBRAINZ_MIN_INTERVAL_MS;
    this.http = new HttpJsonSource({
      source: this.source,
      displayName: 'MusicBrainz',
      baseUrl: config.MUSICBRAINZ_BASE_URL,
      userAgent: this.userAgent,
      timeoutMs: config.MUSICBRAINZ_TIMEOUT_MS,
      maxRetries: config.MUSICBRAINZ_MAX_RETRIES,
      baseDelayMs: Math.max(MIN_BACKOFF_MS, minIntervalMs),
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      beforeAttempt: async () => {
        this.warnAboutContact();
        try {
          await this.limiter.acquire(this.source, minIntervalMs);
        } catch (error) {
          throw new SourceUnavailableError(this.source, `MusicBrainz: no rate-limit slot (database: ${(error as Error).message})`);
        }
      },
      afterAttempt: (report) => this.count(report.failed ? 1 : 0),
      onRetryAfter: (delayMs) => this.limiter.defer(this.source, delayMs).catch(() => undefined),
      onRetry: (message) => this.logger.warn(message),
    });
  }

  /** MusicBrainz needs no key: always usable. */
  get configured(): boolean {
    return true;
  }

  /** `Encore/<version> ( MUSICBRAINZ_CONTACT )`, or MUSICBRAINZ_USER_AGENT. */
  get userAgent(): string {
    if (this.config.MUSICBRAINZ_USER_AGENT) return this.config.MUSICBRAINZ_USER_AGENT;
    const contact = this.config.MUSICBRAINZ_CONTACT?.trim();
    return contact ? `Encore/${appVersion()} ( ${contact} )` : `Encore/${appVersion()}`;
  }

  /**
   * The recordings with this ISRC, each with its artist credit and releases; null when
   * MusicBrainz knows no recording with it. Hyphens, spaces and case are forgiven.
   */
  async lookupIsrc(isrc: string, options: LookupOptions = {}): Promise<MbIsrcLookup | null> {
    const code = isrc.replace(/[\s-]/g, '').toUpperCase();
    if (!ISRC.test(code)) throw new RangeError(`"${isrc}" is not an ISRC (CC-XXX-YY-NNNNN)`);
    return this.lookup(`ISRC ${code}`, `isrc/${code}`, ['artist-credits', 'releases'], (body) => readIsrcLookup(body, code), options);
  }

  /** The artist with area, life span, URL relations (homepage, social, Bandcamp, YouTube, streaming), tags and genres. */
  async getArtist(mbid: string, options: LookupOptions = {}): Promise<MbArtist | null> {
    return this.lookup(`artist ${mbid}`, `artist/${checkMbid(mbid)}`, ['url-rels', 'tags', 'genres'], readArtist, options);
  }

  /** The release with its labels and catalog numbers, release group and tracks. */
  async getRelease(mbid: string, options: LookupOptions = {}): Promise<MbRelease | null> {
    return this.lookup(`release ${mbid}`, `release/${checkMbid(mbid)}`, ['labels', 'recordings', 'release-groups'], readRelease, options);
  }

  /** The label with its URL relations and label relations (parents: owner, imprint of, distributor). */
  async getLabel(mbid: string, options: LookupOptions = {}): Promise<MbLabel | null> {
    return this.lookup(`label ${mbid}`, `label/${checkMbid(mbid)}`, ['label-rels', 'url-rels'], readLabel, options);
  }

  /** For GET /api/leads/status: configured, healthy (this instance), last error, the shared rate-limit state and today's usage. */
  async sourceStatus(): Promise<SourceStatus> {
    const [rateLimit, usageToday] = await Promise.all([this.limiter.state(this.source), this.usage.today(this.source)]);
    return {
      source: this.source,
      configured: this.configured,
      healthy: this.health.healthy,
      baseUrl: this.config.MUSICBRAINZ_BASE_URL,
      lastError: this.health.lastError,
      lastSuccessAt: this.health.lastSuccessAt,
      rateLimit: { ...rateLimit, minIntervalMs: this.config.MUSICBRAINZ_MIN_INTERVAL_MS },
      usageToday,
    };
  }

  /** One lookup: `key` is both the path under the base URL and the cache key (isrc/<code>, artist/<mbid>). */
  private lookup<T>(what: string, key: string, inc: string[], read: (body: unknown) => T, options: LookupOptions): Promise<T | null> {
    const flightKey = `${options.forceRefresh ? 'refresh:' : ''}${key}`;
    const pending = this.inflight.get(flightKey) as Promise<T | null> | undefined;
    if (pending) return pending;
    const lookup = this.cachedOrFetched(what, key, inc, read, options).finally(() => this.inflight.delete(flightKey));
    this.inflight.set(flightKey, lookup);
    return lookup;
  }

  private async cachedOrFetched<T>(what: string, key: string, inc: string[], read: (body: unknown) => T, options: LookupOptions): Promise<T | null> {
    if (!options.forceRefresh) {
      const cached = await this.cache.get(this.source, key).catch((error: Error) => {
        this.logger.warn(`MusicBrainz cache unreadable (${key}): ${error.message}`);
        return null;
      });
      if (cached?.status === 404) return null;
      if (cached) {
        try {
          return read(cached.body);
        } catch (error) {
          if (!(error instanceof MusicBrainzFormatError)) throw error;
          // Kept by an older version in a shape this one does not read: ask again.
        }
      }
    }

    let answer;
    try {
      // MusicBrainz separates inc values with "+"; URLSearchParams writes a space as "+".
      answer = await this.http.getJson(what, key, { fmt: 'json', inc: inc.join(' ') });
    } catch (error) {
      this.health.failed(error);
      throw error;
    }
    if (!answer) {
      this.health.succeeded();
      await this.remember(key, { status: 404, body: null }, this.config.MUSICBRAINZ_NOT_FOUND_TTL_HOURS);
      return null;
    }
    let value: T;
    try {
      value = read(answer.body);
    } catch (error) {
      if (!(error instanceof MusicBrainzFormatError)) throw error;
      const unusable = new SourceResponseError(this.source, `MusicBrainz ${what}: unexpected response (${error.message})`, answer.status);
      this.health.failed(unusable);
      await this.count(1, 0);
      throw unusable;
    }
    this.health.succeeded();
    await this.remember(key, answer, this.config.MUSICBRAINZ_CACHE_TTL_HOURS);
    return value;
  }

  private async remember(key: string, answer: { status: number; body: unknown }, ttlHours: number): Promise<void> {
    await this.cache.put(this.source, key, answer, ttlHours * HOUR_MS).catch((error: Error) => this.logger.warn(`MusicBrainz answer not cached (${key}): ${error.message}`));
  }

  private async count(errors: number, requests = 1): Promise<void> {
    await this.usage.record(this.source, { requests, errors }).catch((error: Error) => this.logger.warn(`MusicBrainz usage not counted: ${error.message}`));
  }

  private warnAboutContact(): void {
    if (this.warnedAboutContact || this.config.MUSICBRAINZ_CONTACT || this.config.MUSICBRAINZ_USER_AGENT || this.config.NODE_ENV === 'test') return;
    this.warnedAboutContact = true;
    this.logger.warn('MusicBrainz asks every client for a contact in its User-Agent: set MUSICBRAINZ_CONTACT (a URL or an e-mail address)');
  }
}

function checkMbid(mbid: string): string {
  const id = mbid.trim().toLowerCase();
  if (!MBID.test(id)) throw new RangeError(`"${mbid}" is not a MusicBrainz id (MBID)`);
  return id;
}

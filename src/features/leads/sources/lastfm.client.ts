import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { HttpJsonSource, SourceResponseError, type AnswerVerdict } from './http-source.js';
import { SourceConfigurationError, type LeadSource } from './lead-source.js';
import { LastfmFormatError, readArtistInfo, readLastfmError, type LastfmArtistInfo } from './lastfm.format.js';
import { SourceRateLimiter } from './rate-limiter.js';
import { SourceCache } from './source-cache.js';
import { SourceClientKit } from './source-client-kit.js';
import { appVersion, type SourceStatus } from './source-status.js';
import { SourceUsage } from './source-usage.js';

export type { LastfmArtistInfo } from './lastfm.format.js';

export interface LastfmLookupOptions {
  /** Ask Last.fm even when the cache has an answer (the new answer is cached). */
  forceRefresh?: boolean;
}

/** The artist to look up: by MusicBrainz id when known, by name otherwise (or when Last.fm does not know the id). */
export interface LastfmArtistQuery {
  mbid?: string | null;
  name: string;
}

/**
 * Last.fm's error codes (https://www.last.fm/api/errorcodes) and what they mean to a caller:
 * 6 "invalid parameters" is artist.getInfo's "not found"; 29 is the rate limit (as a 429); 8
 * "operation failed", 11 "service offline" and 16 "temporarily unavailable" pass (as a 503);
 * 10 "invalid API key" and 26 "suspended API key" need the operator.
 */
const NOT_FOUND = 6;
const RATE_LIMITED = 29;
const TRY_AGAIN = new Set([8, 11, 16]);
const BAD_KEY = new Set([10, 26]);

const MAX_RETRY_AFTER_MS = 60_000;
const MIN_BACKOFF_MS = 250;
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Last.fm's API 2.0 (with an API key): an artist's listeners, scrobbles, top tags and similar
 * artists (artist.getInfo), by MusicBrainz id, falling back to the name with autocorrect when
 * Last.fm does not know the id. Requests keep LASTFM_MIN_INTERVAL_MS between them across every
 * worker and instance (Last.fm asks for a reasonable rate and answers error 29 beyond it); they
 * are counted in source_usage and retried with backoff on 5xx, 429, network errors, timeouts and
 * Last.fm's "try again" errors, which it may send with HTTP 200 as well as with 4xx/5xx. Answers,
 * "not found" included, are cached for LASTFM_CACHE_TTL_HOURS. The key travels as api_key=; it is
 * removed from every error message this throws.
 */
@Injectable()
export class LastfmClient implements LeadSource {
  static readonly SOURCE = 'lastfm';
  readonly source = LastfmClient.SOURCE;
  private readonly logger = new Logger(LastfmClient.name);
  private readonly kit: SourceClientKit;
  private readonly http: HttpJsonSource;

  constructor(
    private readonly config: AppConfig,
    limiter: SourceRateLimiter,
    cache: SourceCache,
    usage: SourceUsage,
  ) {
    const minIntervalMs = config.LASTFM_MIN_INTERVAL_MS;
    this.kit = new SourceClientKit({
      source: this.source,
      displayName: 'Last.fm',
      logger: this.logger,
      cache,
      usage,
      formatError: LastfmFormatError,
      rateLimit: { limiter, minIntervalMs },
      redact: (text) => this.redact(text),
    });
    this.http = new HttpJsonSource({
      source: this.source,
      displayName: 'Last.fm',
      baseUrl: config.LASTFM_BASE_URL,
      userAgent: `Encore/${appVersion()}`,
      timeoutMs: config.LASTFM_TIMEOUT_MS,
      maxRetries: config.LASTFM_MAX_RETRIES,
      baseDelayMs: Math.max(MIN_BACKOFF_MS, minIntervalMs),
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      beforeAttempt: () => this.kit.waitForSlot(),
      afterAttempt: (report) => this.kit.count({ requests: 1, errors: report.failed ? 1 : 0 }),
      onRetryAfter: (delayMs) => this.kit.deferSlots(delayMs),
      onRetry: (message) => this.logger.warn(this.redact(message)),
      readVerdict: (status, body, what) => this.verdict(status, body, what),
    });
  }

  /** Only with LASTFM_API_KEY. */
  get configured(): boolean {
    return Boolean(this.config.LASTFM_API_KEY);
  }

  /**
   * The artist's Last.fm profile: by `mbid` when given; when Last.fm does not know that id (or none
   * is given), by `name` with autocorrect=1 (Last.fm's own spelling correction). Null when neither
   * finds the artist.
   */
  async artistInfo(query: LastfmArtistQuery, options: LastfmLookupOptions = {}): Promise<LastfmArtistInfo | null> {
    const name = query.name.trim();
    const mbid = query.mbid?.trim().toLowerCase() || null;
    if (mbid !== null && !MBID.test(mbid)) throw new RangeError(`"${query.mbid}" is not a MusicBrainz id (MBID)`);
    if (!name && !mbid) throw new RangeError('Last.fm artist.getInfo needs an artist name or MusicBrainz id');
    if (mbid) {
      const byMbid = await this.lookup(`artist.getInfo mbid ${mbid}`, `artist/mbid/${mbid}`, { method: 'artist.getinfo', mbid, format: 'json' }, options);
      if (byMbid || !name) return byMbid;
    }
    return this.lookup(
      `artist.getInfo "${name}"`,
      `artist/name/${name.toLowerCase()}`,
      { method: 'artist.getinfo', artist: name, autocorrect: '1', format: 'json' },
      options,
    );
  }

  /** For GET /api/leads/status: configured, healthy (this instance), last error, the shared rate-limit state and today's usage. */
  async sourceStatus(): Promise<SourceStatus> {
    return this.kit.status({ configured: this.configured, baseUrl: this.config.LASTFM_BASE_URL });
  }

  private lookup(what: string, key: string, query: Record<string, string>, options: LastfmLookupOptions): Promise<LastfmArtistInfo | null> {
    if (!this.configured) return Promise.reject(new SourceConfigurationError(this.source, 'Last.fm is not configured: set LASTFM_API_KEY'));
    return this.kit.lookup({
      what,
      key,
      forceRefresh: options.forceRefresh,
      read: readArtistInfo,
      fetch: () => this.http.getJson(what, '', { ...query, api_key: this.config.LASTFM_API_KEY! }),
      ttlHours: this.config.LASTFM_CACHE_TTL_HOURS,
    });
  }

  /** Last.fm's error body, whatever the HTTP status it came with. */
  private verdict(status: number, body: unknown, what: string): AnswerVerdict | undefined {
    const error = readLastfmError(body);
    if (!error) return undefined;
    const detail = this.redact(`error ${error.code}${error.message ? `: ${error.message.slice(0, 200)}` : ''}`);
    if (error.code === NOT_FOUND) return { kind: 'not-found' };
    if (error.code === RATE_LIMITED) return { kind: 'retry', like: 429, reason: detail };
    if (TRY_AGAIN.has(error.code)) return { kind: 'retry', like: 503, reason: detail };
    if (BAD_KEY.has(error.code))
      return { kind: 'fail', error: new SourceConfigurationError(this.source, `Last.fm ${what}: LASTFM_API_KEY was refused (${detail})`, status) };
    return { kind: 'fail', error: new SourceResponseError(this.source, `Last.fm ${what}: ${detail}`, status) };
  }

  /** `text` without the API key, wherever it might have been echoed. */
  private redact(text: string): string {
    const key = this.config.LASTFM_API_KEY;
    return key ? text.split(key).join('[LASTFM_API_KEY]') : text;
  }
}

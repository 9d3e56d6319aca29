import type { Logger } from '@nestjs/common';
import { SourceResponseError, SourceUnavailableError, type JsonAnswer } from './http-source.js';
import type { FormatErrorClass } from './json-reader.js';
import { InflightLookups } from './lead-source.js';
import type { SourceRateLimiter } from './rate-limiter.js';
import type { SourceCache } from './source-cache.js';
import { SourceHealth, type SourceStatus } from './source-status.js';
import type { SourceUsage, UsageIncrement } from './source-usage.js';

const HOUR_MS = 3_600_000;

export interface SourceClientKitOptions {
  /** The source's key in the source_* tables: musicbrainz, youtube, ... */
  source: string;
  /** Its name in messages: MusicBrainz. */
  displayName: string;
  /** The client's logger: cache and usage failures are warnings, never errors of the lookup. */
  logger: Logger;
  cache: SourceCache;
  usage: SourceUsage;
  /** What the source's format module throws for a body of another shape. */
  formatError: FormatErrorClass;
  /** For a rate-limited source: the shared limiter and the interval it keeps. */
  rateLimit?: { limiter: SourceRateLimiter; minIntervalMs: number };
  /** Removes secrets (an API key) from error messages. */
  redact?: (text: string) => string;
  /** Errors of calls refused before anything was sent (YouTube's own quota check): they say nothing about the source's health. */
  refusedBeforeSending?: (error: unknown) => boolean;
}

/** One request of lookup(): `key` names it in the cache (isrc/<code>, artist/<mbid>); `what` in messages. */
export interface KitLookup<T> {
  what: string;
  key: string;
  forceRefresh?: boolean;
  /** Reads an answer's body, fresh or cached; throws the format error for a body of another shape. */
  read: (body: unknown) => T;
  /** Asks the source: its answer, or null for "no such thing". */
  fetch: () => Promise<JsonAnswer | null>;
  /** How long an answer is kept. */
  ttlHours: number;
  /** How long a "not found" is kept; ttlHours by default. */
  notFoundTtlHours?: number;
}

/**
 * What every Leads source client does around its own requests: concurrent lookups of one key
 * share a request; answers, "not found" included, are kept in source_cache (an answer kept in a
 * shape this version does not read is asked again); requests and errors are counted in
 * source_usage; this process's successes and failures make the source's health; and
 * sourceStatus() is assembled from all of those. A failing cache or usage table is logged,
 * never fatal. The requests themselves, and what their answers mean, stay with each client.
 */
export class SourceClientKit {
  readonly health = new SourceHealth();
  private readonly inflight = new InflightLookups();

  constructor(private readonly options: SourceClientKitOptions) {}

  /** `lookup()`, unless a caller is already asking for `key` (with the same forceRefresh): then that caller's promise. */
  shared<T>(key: string, forceRefresh: boolean | undefined, lookup: () => Promise<T>): Promise<T> {
    return this.inflight.run(`${forceRefresh ? 'refresh:' : ''}${key}`, lookup);
  }

  /**
   * A JSON-over-HTTP lookup, shared with concurrent callers of the same key: the cached answer
   * unless `forceRefresh`, else the source's, read, remembered and counted toward health. A body
   * `read` rejects fails the lookup with SourceResponseError (counted as an error, not cached).
   */
  lookup<T>(request: KitLookup<T>): Promise<T | null> {
    return this.shared(request.key, request.forceRefresh, () => this.cachedOrFetched(request));
  }

  /** What the cache holds for `key`, read: null for a cached "not found", undefined when nothing usable is kept. */
  async fromCache<T>(key: string, read: (body: unknown) => T): Promise<T | null | undefined> {
    const { source, displayName, logger } = this.options;
    const cached = await this.options.cache.get(source, key).catch((error: Error) => {
      logger.warn(`${displayName} cache unreadable (${key}): ${error.message}`);
      return null;
    });
    if (cached?.status === 404) return null;
    if (!cached) return undefined;
    try {
      return read(cached.body);
    } catch (error) {
      if (!(error instanceof this.options.formatError)) throw error;
      // Kept by an older version in a shape this one does not read: ask again.
      return undefined;
    }
  }

  /** Keeps `answer` under `key` for `ttlHours`. */
  async remember(key: string, answer: { status: number; body: unknown }, ttlHours: number): Promise<void> {
    const { source, displayName, logger } = this.options;
    await this.options.cache
      .put(source, key, answer, ttlHours * HOUR_MS)
      .catch((error: Error) => logger.warn(`${displayName} answer not cached (${key}): ${error.message}`));
  }

  /** Adds to today's usage of the source. */
  async count(increment: UsageIncrement): Promise<void> {
    const { source, displayName, logger } = this.options;
    await this.options.usage.record(source, increment).catch((error: Error) => logger.warn(`${displayName} usage not counted: ${error.message}`));
  }

  /** The error for an answer the format module could not read: "<Source> <what>: unexpected response (...)". */
  unusable(what: string, error: Error, status?: number): SourceResponseError {
    return new SourceResponseError(this.options.source, this.redact(`${this.options.displayName} ${what}: unexpected response (${error.message})`), status);
  }

  /** The error of a failed request, its message redacted, noted in the health (unless refused before sending). */
  failed(error: unknown): unknown {
    if (this.options.redact && error instanceof Error) error.message = this.options.redact(error.message);
    if (!this.options.refusedBeforeSending?.(error)) this.health.failed(error);
    return error;
  }

  /** Waits for a slot of the shared rate limiter (before every attempt); a limiter that cannot be asked makes the source unavailable. */
  async waitForSlot(): Promise<void> {
    const { source, displayName, rateLimit } = this.options;
    if (!rateLimit) return;
    try {
      await rateLimit.limiter.acquire(source, rateLimit.minIntervalMs);
    } catch (error) {
      throw new SourceUnavailableError(source, `${displayName}: no rate-limit slot (database: ${(error as Error).message})`);
    }
  }

  /** The source asked everyone to wait `delayMs` (Retry-After): pushes the shared limiter's next slot. */
  async deferSlots(delayMs: number): Promise<void> {
    await this.options.rateLimit?.limiter.defer(this.options.source, delayMs).catch(() => undefined);
  }

  /** For GET /api/leads/status: what the client says of itself, with this kit's health, the shared schedule and today's usage (and quota). */
  async status(shown: { configured: boolean; baseUrl: string; quotaLimit?: number }): Promise<SourceStatus> {
    const { source, rateLimit } = this.options;
    const [schedule, usageToday] = await Promise.all([rateLimit?.limiter.state(source), this.options.usage.today(source)]);
    return {
      source,
      configured: shown.configured,
      healthy: this.health.healthy,
      baseUrl: shown.baseUrl,
      lastError: this.health.lastError,
      lastSuccessAt: this.health.lastSuccessAt,
      rateLimit: schedule && rateLimit ? { ...schedule, minIntervalMs: rateLimit.minIntervalMs } : null,
      usageToday,
      ...(shown.quotaLimit !== undefined ? { quota: { used: usageToday.units, limit: shown.quotaLimit } } : {}),
    };
  }

  private async cachedOrFetched<T>(request: KitLookup<T>): Promise<T | null> {
    const { what, key, read } = request;
    if (!request.forceRefresh) {
      const cached = await this.fromCache(key, read);
      if (cached !== undefined) return cached;
    }

    let answer;
    try {
      answer = await request.fetch();
    } catch (error) {
      throw this.failed(error);
    }
    if (!answer) {
      this.health.succeeded();
      await this.remember(key, { status: 404, body: null }, request.notFoundTtlHours ?? request.ttlHours);
      return null;
    }
    let value: T;
    try {
      value = read(answer.body);
    } catch (error) {
      if (!(error instanceof this.options.formatError)) throw error;
      const unusable = this.unusable(what, error, answer.status);
      this.health.failed(unusable);
      await this.count({ errors: 1 });
      throw unusable;
    }
    this.health.succeeded();
    await this.remember(key, answer, request.ttlHours);
    return value;
  }

  private redact(text: string): string {
    return this.options.redact ? this.options.redact(text) : text;
  }
}

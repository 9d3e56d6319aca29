import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { HttpJsonSource } from './http-source.js';
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
import { readBrowseCount, readRecordingRights, type MbRecordingRights } from './musicbrainz.works.js';
import { SourceRateLimiter } from './rate-limiter.js';
import { SourceCache } from './source-cache.js';
import { SourceClientKit } from './source-client-kit.js';
import { appVersion, type SourceStatus } from './source-status.js';
import { SourceUsage } from './source-usage.js';
import { normalizedIsrc } from '../isrc.js';

export * from './musicbrainz.format.js';
export * from './musicbrainz.works.js';

export interface LookupOptions {
  /** Ask MusicBrainz even when the cache has an answer (the new answer is cached). */
  forceRefresh?: boolean;
}

/** A Retry-After longer than this fails the call rather than hold a worker. */
const MAX_RETRY_AFTER_MS = 60_000;
/** The shortest first backoff, whatever MUSICBRAINZ_MIN_INTERVAL_MS says. */
const MIN_BACKOFF_MS = 100;
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
  private readonly kit: SourceClientKit;
  private warnedAboutContact = false;

  constructor(
    private readonly config: AppConfig,
    limiter: SourceRateLimiter,
    cache: SourceCache,
    usage: SourceUsage,
  ) {
    const minIntervalMs = config.MUSICBRAINZ_MIN_INTERVAL_MS;
    this.kit = new SourceClientKit({
      source: this.source,
      displayName: 'MusicBrainz',
      logger: this.logger,
      cache,
      usage,
      formatError: MusicBrainzFormatError,
      rateLimit: { limiter, minIntervalMs },
    });
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
        await this.kit.waitForSlot();
      },
      afterAttempt: (report) => this.kit.count({ requests: 1, errors: report.failed ? 1 : 0 }),
      onRetryAfter: (delayMs) => this.kit.deferSlots(delayMs),
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
   * The recordings with this ISRC, each with its artist credit, releases and the ids of the works
   * it performs (so a recording that links to no work needs no rights lookup); null when
   * MusicBrainz knows no recording with it. Hyphens, spaces and case are forgiven.
   */
  async lookupIsrc(isrc: string, options: LookupOptions = {}): Promise<MbIsrcLookup | null> {
    const code = normalizedIsrc(isrc);
    return this.lookup(`ISRC ${code}`, `isrc/${code}`, ['artist-credits', 'releases', 'work-rels'], (body) => readIsrcLookup(body, code), options);
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

  /**
   * The recording's works with their publishers and writers, and the labels related to the
   * recording (℗ holder): one request, as work-level-rels embeds each work's own relations.
   */
  async getRecordingRights(mbid: string, options: LookupOptions = {}): Promise<MbRecordingRights | null> {
    const id = checkMbid(mbid);
    return this.lookup(
      `recording ${id} (works and rights)`,
      `recording/${id}`,
      ['work-rels', 'work-level-rels', 'label-rels', 'artist-rels'],
      readRecordingRights,
      options,
      {
        cacheKey: `recording-rights/${id}`,
      },
    );
  }

  /**
   * How many release groups the artist's official discography has (MusicBrainz's own artist
   * page: `release-group-status=website-default` leaves out groups with only bootleg, promotion
   * or pseudo releases); null when MusicBrainz knows no such artist. One request of one item:
   * only the count is read.
   */
  async countReleaseGroups(artistMbid: string, options: LookupOptions = {}): Promise<number | null> {
    const id = checkMbid(artistMbid);
    return this.lookup(`release groups of artist ${id}`, 'release-group', [], (body) => readBrowseCount(body, 'release-group'), options, {
      cacheKey: `release-group-count/artist/${id}`,
      query: { artist: id, 'release-group-status': 'website-default', limit: '1' },
    });
  }

  /** For GET /api/leads/status: configured, healthy (this instance), last error, the shared rate-limit state and today's usage. */
  async sourceStatus(): Promise<SourceStatus> {
    return this.kit.status({ configured: this.configured, baseUrl: this.config.MUSICBRAINZ_BASE_URL });
  }

  /**
   * One request: `path` under the base URL, also the cache key (isrc/<code>, artist/<mbid>)
   * unless `cacheKey` names it apart (the same path asked with other inc values or a browse).
   */
  private lookup<T>(
    what: string,
    path: string,
    inc: string[],
    read: (body: unknown) => T,
    options: LookupOptions,
    request: { cacheKey?: string; query?: Record<string, string> } = {},
  ): Promise<T | null> {
    // MusicBrainz separates inc values with "+"; URLSearchParams writes a space as "+".
    const query = { ...request.query, fmt: 'json', ...(inc.length > 0 ? { inc: inc.join(' ') } : {}) };
    return this.kit.lookup({
      what,
      key: request.cacheKey ?? path,
      forceRefresh: options.forceRefresh,
      read,
      fetch: () => this.http.getJson(what, path, query),
      ttlHours: this.config.MUSICBRAINZ_CACHE_TTL_HOURS,
      notFoundTtlHours: this.config.MUSICBRAINZ_NOT_FOUND_TTL_HOURS,
    });
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

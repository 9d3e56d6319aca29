import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { HttpJsonSource, SourceResponseError, type AnswerVerdict } from './http-source.js';
import { SourceConfigurationError, SourceQuotaExceededError, type LeadSource } from './lead-source.js';
import { SourceCache } from './source-cache.js';
import { SourceClientKit } from './source-client-kit.js';
import { appVersion, type SourceStatus } from './source-status.js';
import { SourceUsage } from './source-usage.js';
import { channelRefKey, channelRefQuery, parseYoutubeChannelUrl, YOUTUBE_CHANNEL_ID, type YoutubeChannelRef } from './youtube.channel-url.js';
import { readApiError, readChannelList, readPlaylistItemList, readSearchList, YoutubeFormatError, type YtChannel } from './youtube.format.js';
import { chooseArtistChannel, normalizeArtistName, type YoutubeChannelMatch } from './youtube.match.js';
import { YoutubeQuota } from './youtube.quota.js';
import { summarizeChannel, type YoutubeChannelSummary } from './youtube.summary.js';

export type { YoutubeChannelRef } from './youtube.channel-url.js';
export { parseYoutubeChannelUrl } from './youtube.channel-url.js';
export type { YoutubeChannelMatch } from './youtube.match.js';
export type { YoutubeChannelSummary } from './youtube.summary.js';

export interface YoutubeLookupOptions {
  /** Ask YouTube even when the cache has an answer (the new answer is cached; it spends quota). */
  forceRefresh?: boolean;
}

export interface ChannelSummaryOptions extends YoutubeLookupOptions {
  /** The moment "recent uploads" are counted back from; now by default. */
  now?: Date;
}

type Endpoint = 'search' | 'channels' | 'playlistItems';

/** Quota units per request (https://developers.google.com/youtube/v3/determine_quota_cost). */
const UNITS: Record<Endpoint, number> = { search: 100, channels: 1, playlistItems: 1 };
/** YouTube's own channel (@YouTube): what a key check looks up when no artist is named. */
const CHECK_CHANNEL_ID = 'UCBR8-60-B28hp2BmDPdntcQ';
/** A Retry-After longer than this fails the call rather than hold a worker. */
const MAX_RETRY_AFTER_MS = 60_000;
const BASE_BACKOFF_MS = 250;
/** Error reasons (errors[].reason or details[].reason) that mean the key itself is not usable. */
const KEY_REASONS = new Set([
  'keyInvalid',
  'keyExpired',
  'accessNotConfigured',
  'ipRefererBlocked',
  'API_KEY_INVALID',
  'API_KEY_SERVICE_BLOCKED',
  'API_KEY_IP_ADDRESS_BLOCKED',
  'SERVICE_DISABLED',
]);
/** Per-minute limits (not the daily quota): worth a retry. */
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

/**
 * The YouTube Data API v3 (with an API key: public data only): an artist's channel by name
 * (search.list), and a channel's audience and upload activity (channels.list, then the first page
 * of its uploads playlist) by id, handle or legacy username, e.g. from a MusicBrainz URL relation.
 *
 * YouTube has no request rate to keep, but a daily quota of units (YOUTUBE_DAILY_QUOTA): every
 * attempt, retries included, adds its cost to source_usage.units, and an attempt that would pass
 * the quota is refused before sending with SourceQuotaExceededError (so is YouTube's own 403
 * quotaExceeded). Answers are cached for YOUTUBE_CACHE_TTL_HOURS: a search costs 100 units.
 * The key travels as the key= parameter; it is removed from every error message this throws.
 */
@Injectable()
export class YoutubeClient implements LeadSource {
  static readonly SOURCE = 'youtube';
  readonly source = YoutubeClient.SOURCE;
  private readonly logger = new Logger(YoutubeClient.name);
  private readonly kit: SourceClientKit;
  private readonly quota: YoutubeQuota;
  private readonly endpoints: Record<Endpoint, HttpJsonSource>;

  constructor(
    private readonly config: AppConfig,
    cache: SourceCache,
    usage: SourceUsage,
  ) {
    this.kit = new SourceClientKit({
      source: this.source,
      displayName: 'YouTube',
      logger: this.logger,
      cache,
      usage,
      formatError: YoutubeFormatError,
      redact: (text) => this.redact(text),
      // A call refused before sending (our own quota check) says nothing about YouTube's health.
      refusedBeforeSending: (error) => error instanceof SourceQuotaExceededError && error.status === undefined,
    });
    this.quota = new YoutubeQuota(usage, this.source, config.YOUTUBE_DAILY_QUOTA);
    const endpoint = (name: Endpoint) =>
      new HttpJsonSource({
        source: this.source,
        displayName: 'YouTube',
        baseUrl: config.YOUTUBE_BASE_URL,
        userAgent: `Encore/${appVersion()}`,
        timeoutMs: config.YOUTUBE_TIMEOUT_MS,
        maxRetries: config.YOUTUBE_MAX_RETRIES,
        baseDelayMs: BASE_BACKOFF_MS,
        maxRetryAfterMs: MAX_RETRY_AFTER_MS,
        beforeAttempt: () => this.quota.ensureRoom(`${name}.list`, UNITS[name]),
        // Google charges a request whatever it answered; one that never got there is charged too, to err on the safe side.
        afterAttempt: (report) => this.kit.count({ requests: 1, errors: report.failed ? 1 : 0, units: UNITS[name] }),
        readVerdict: (status, body, what) => this.verdict(status, body, what),
        onRetry: (message) => this.logger.warn(this.redact(message)),
      });
    this.endpoints = { search: endpoint('search'), channels: endpoint('channels'), playlistItems: endpoint('playlistItems') };
  }

  /** Only with YOUTUBE_API_KEY. */
  get configured(): boolean {
    return Boolean(this.config.YOUTUBE_API_KEY);
  }

  /**
   * The artist's channel among YouTube's first 5 channel results for the name (search.list, 100
   * units), by chooseArtistChannel's rule: the channel titled with the name, else its "- Topic"
   * channel, else null.
   */
  async findArtistChannel(artistName: string, options: YoutubeLookupOptions = {}): Promise<YoutubeChannelMatch | null> {
    const name = artistName.trim();
    if (!normalizeArtistName(name)) throw new RangeError(`"${artistName}" is no artist name to search YouTube for`);
    const query = { part: 'snippet', type: 'channel', q: name, maxResults: '5' };
    const found = await this.lookup(`search.list "${name}"`, 'search', `search/channel/${name.toLowerCase()}`, query, readSearchList, options);
    return found ? chooseArtistChannel(name, found.channels) : null;
  }

  /** The channel's summary (channels.list, then playlistItems.list on its uploads: 1 unit each), or null when YouTube has no such channel. */
  async channelSummary(channelId: string, options: ChannelSummaryOptions = {}): Promise<YoutubeChannelSummary | null> {
    const id = channelId.trim();
    if (!YOUTUBE_CHANNEL_ID.test(id)) throw new RangeError(`"${channelId}" is not a YouTube channel id (UC and 22 characters)`);
    return this.summaryOf({ kind: 'id', id }, options);
  }

  /** The summary of the channel a URL names: youtube.com/channel/UC…, /@handle (forHandle) or /user/name (forUsername). */
  async channelByUrl(url: string, options: ChannelSummaryOptions = {}): Promise<YoutubeChannelSummary | null> {
    const ref = parseYoutubeChannelUrl(url);
    if (!ref)
      throw new RangeError(`"${url}" is not a YouTube channel URL the API can look up (youtube.com/channel/UC…, youtube.com/@handle or youtube.com/user/name)`);
    return this.summaryOf(ref, options);
  }

  /**
   * A live check of the key: one channels.list (1 unit, where a search costs 100), never answered
   * from the cache and counted in the quota like any call. It asks for the handle an artist name
   * makes ("Tui Harbour" → @TuiHarbour) when one is given, else for YouTube's own channel. The
   * channel found, or null (the key worked, no such channel). Throws as the other lookups do.
   */
  async checkKey(artistName?: string): Promise<YtChannel | null> {
    const ref: YoutubeChannelRef = artistName === undefined ? { kind: 'id', id: CHECK_CHANNEL_ID } : { kind: 'handle', handle: handleOf(artistName) };
    // The parts summaryOf asks for: the fresh answer it leaves in the cache serves that lookup too.
    const query = { part: 'snippet,statistics,contentDetails', ...channelRefQuery(ref) };
    const channels = await this.lookup(`channels.list ${describeRef(ref)}`, 'channels', channelRefKey(ref), query, readChannelList, { forceRefresh: true });
    return channels?.[0] ?? null;
  }

  /** For GET /api/leads/status: configured, healthy (this instance), last error, today's usage and quota. */
  async sourceStatus(): Promise<SourceStatus> {
    return this.kit.status({ configured: this.configured, baseUrl: this.config.YOUTUBE_BASE_URL, quotaLimit: this.quota.limit });
  }

  private async summaryOf(ref: YoutubeChannelRef, options: ChannelSummaryOptions): Promise<YoutubeChannelSummary | null> {
    const query = { part: 'snippet,statistics,contentDetails', ...channelRefQuery(ref) };
    const channels = await this.lookup(`channels.list ${describeRef(ref)}`, 'channels', channelRefKey(ref), query, readChannelList, options);
    const channel = channels?.[0];
    if (!channel) return null;
    const playlistId = channel.uploadsPlaylistId;
    const uploads = playlistId
      ? await this.lookup(
          `playlistItems.list ${playlistId}`,
          'playlistItems',
          `uploads/${playlistId}`,
          { part: 'contentDetails', playlistId, maxResults: '50' },
          readPlaylistItemList,
          options,
        )
      : null;
    return summarizeChannel(channel, uploads, options.now ?? new Date());
  }

  /** One request, cached under `key`; concurrent callers asking for the same key share it (and its quota). */
  private lookup<T>(
    what: string,
    endpoint: Endpoint,
    key: string,
    query: Record<string, string>,
    read: (body: unknown) => T,
    options: YoutubeLookupOptions,
  ): Promise<T | null> {
    if (!this.configured) return Promise.reject(new SourceConfigurationError(this.source, 'YouTube is not configured: set YOUTUBE_API_KEY'));
    return this.kit.lookup({
      what,
      key,
      forceRefresh: options.forceRefresh,
      read,
      fetch: async () => {
        try {
          return await this.endpoints[endpoint].getJson(what, endpoint, { ...query, key: this.config.YOUTUBE_API_KEY! });
        } catch (error) {
          throw await this.withQuotaCounts(error);
        }
      },
      ttlHours: this.config.YOUTUBE_CACHE_TTL_HOURS,
    });
  }

  /** YouTube's own quotaExceeded (a 403) with today's counts: its count is the one that matters. Other errors as they are. */
  private async withQuotaCounts(error: unknown): Promise<unknown> {
    if (!(error instanceof SourceQuotaExceededError && error.status !== undefined)) return error;
    const { used, limit } = await this.quota.markSpent();
    return new SourceQuotaExceededError(
      this.source,
      `${error.message}; Encore had counted ${used} of the ${limit} units of YOUTUBE_DAILY_QUOTA today (UTC) and stops asking until tomorrow`,
      used,
      limit,
      error.status,
    );
  }

  /** What YouTube's error body says: quota spent, key unusable, per-minute limit, or another refusal with its message. */
  private verdict(status: number, body: unknown, what: string): AnswerVerdict | undefined {
    if (status < 400) return undefined;
    const error = readApiError(body);
    if (!error) return undefined;
    const reasons = error.reasons;
    const detail = this.redact([`HTTP ${status}`, reasons[0]].filter(Boolean).join(' ') + (error.message ? `: ${error.message.slice(0, 200)}` : ''));
    if (reasons.includes('quotaExceeded') || reasons.includes('dailyLimitExceeded')) {
      return {
        kind: 'fail',
        error: new SourceQuotaExceededError(
          this.source,
          `YouTube ${what}: the API key's daily quota is spent (${detail})`,
          this.quota.limit,
          this.quota.limit,
          status,
        ),
      };
    }
    if (reasons.some((reason) => KEY_REASONS.has(reason))) {
      return { kind: 'fail', error: new SourceConfigurationError(this.source, `YouTube ${what}: YOUTUBE_API_KEY was refused (${detail})`, status) };
    }
    if (reasons.some((reason) => RATE_REASONS.has(reason))) return { kind: 'retry', like: 429, reason: detail };
    if (status >= 500 || status === 429 || status === 404) return undefined;
    // 400 badRequest, 403 forbidden, ...: retrying will not change them.
    return { kind: 'fail', error: new SourceResponseError(this.source, `YouTube ${what}: ${detail}`, status) };
  }

  /** `text` without the API key, wherever it might have been echoed. */
  private redact(text: string): string {
    const key = this.config.YOUTUBE_API_KEY;
    return key ? text.split(key).join('[YOUTUBE_API_KEY]').split(encodeURIComponent(key)).join('[YOUTUBE_API_KEY]') : text;
  }
}

/** The handle an artist would have: the name's letters, digits, dots, dashes and underscores (YouTube handles are 3–30 of those). */
export function handleOf(artistName: string): string {
  const handle = artistName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '');
  if (handle.length < 3 || handle.length > 30)
    throw new RangeError(`"${artistName}" makes no YouTube handle (3 to 30 letters, digits, dots, dashes or underscores)`);
  return handle;
}

function describeRef(ref: YoutubeChannelRef): string {
  if (ref.kind === 'id') return ref.id;
  return ref.kind === 'handle' ? `@${ref.handle}` : `user ${ref.username}`;
}

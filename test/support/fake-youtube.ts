import type { IncomingMessage } from 'node:http';
import { FakeHttpServer, type CommonFault, type LoggedArrival, type Reply } from './fake-http-server.js';

/**
 * YouTube's own faults:
 * - `{status, body?, headers?}`: that status, with Google's error body for it unless `body` is given;
 * - `{reason}`: Google's error body for that reason with its status (quotaExceeded → 403, ...).
 */
type YtErrorFault = { status: number; body?: unknown; headers?: Record<string, string> } | { reason: YtErrorReason; headers?: Record<string, string> };

/** What the fake answers to the next matching request instead of its normal reply: one of YouTube's errors, or one of the CommonFaults. */
export type YtFault = YtErrorFault | CommonFault;

export type YtErrorReason =
  'quotaExceeded' | 'rateLimitExceeded' | 'forbidden' | 'badRequest' | 'keyInvalid' | 'backendError' | 'channelNotFound' | 'playlistNotFound';

export interface YtLoggedRequest extends LoggedArrival {
  /** search, channels or playlistItems. */
  path: string;
  query: Record<string, string>;
  /** The raw URL asked for (with the key: for tests that check what was sent). */
  url: string;
}

export interface YtChannelFixture {
  /** "UC" and 22 characters. */
  id: string;
  title: string;
  description?: string;
  /** Without "@"; also the snippet's customUrl ("@handle", lower case). */
  handle?: string;
  /** A legacy username (youtube.com/user/<name>). */
  username?: string;
  publishedAt: string;
  country?: string;
  subscribers: number;
  hiddenSubscribers?: boolean;
  views: number;
  /** Newest first or not: the fake sorts them. `publishedAt` null is a private video. */
  uploads: Array<{ videoId: string; publishedAt: string | null }>;
  /** A channel whose contentDetails has no uploads playlist. */
  noUploadsPlaylist?: boolean;
}

/** Quota units per request, as Google charges them. */
export const YT_UNITS: Record<string, number> = { search: 100, channels: 1, playlistItems: 1 };

const ERRORS: Record<YtErrorReason, { code: number; message: string; domain: string }> = {
  quotaExceeded: {
    code: 403,
    domain: 'youtube.quota',
    message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
  },
  rateLimitExceeded: { code: 403, domain: 'usageLimits', message: 'Rate Limit Exceeded' },
  forbidden: { code: 403, domain: 'global', message: 'The request is missing a valid API key.' },
  badRequest: { code: 400, domain: 'global', message: 'Invalid value for parameter.' },
  keyInvalid: { code: 400, domain: 'global', message: 'API key not valid. Please pass a valid API key.' },
  backendError: { code: 503, domain: 'global', message: 'Backend Error' },
  channelNotFound: { code: 404, domain: 'youtube.channel', message: "The channel identified with the request's <code>id</code> parameter cannot be found." },
  playlistNotFound: {
    code: 404,
    domain: 'youtube.playlistItem',
    message: "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
  },
};

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's error body for a reason, as the YouTube Data API sends it. */
export function youtubeErrorBody(reason: YtErrorReason): { code: number; body: unknown } {
  const { code, message, domain } = ERRORS[reason];
  const error: Record<string, unknown> = { code, message, errors: [{ message, domain, reason: reason === 'keyInvalid' ? 'badRequest' : reason }] };
  if (reason === 'keyInvalid') {
    // Google's newer form for a bad key: the reason is in details (google.rpc.ErrorInfo).
    error.status = 'INVALID_ARGUMENT';
    error.details = [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'youtube.googleapis.com' },
      },
    ];
  } else if (STATUS_NAMES[code]) {
    error.status = STATUS_NAMES[code];
  }
  return { code, body: { error } };
}

/**
 * The YouTube Data API v3, as far as Leads uses it (search.list type=channel, channels.list by id,
 * forHandle or forUsername, playlistItems.list; API key; Google's error bodies; quota units),
 * served by a real HTTP server on 127.0.0.1 from fixtures in memory. Every request is logged;
 * faults can be scripted per endpoint; `quotaLimit` makes it answer 403 quotaExceeded as Google
 * does once the key's units are spent. Its data is made up, in the documented format.
 */
export class FakeYoutube extends FakeHttpServer<YtErrorFault, YtLoggedRequest> {
  readonly apiKey = 'fake-yt-key-9f3b2c71d4e8a6055';
  readonly channels = new Map<string, YtChannelFixture>();
  /** Units charged so far (every answered request), as Google counts them. */
  unitsCharged = 0;
  /** Units the key may spend before the fake answers quotaExceeded; unlimited by default. */
  quotaLimit = Number.POSITIVE_INFINITY;
  protected override jsonContentType = 'application/json; charset=UTF-8';
  protected override jsonIndent = 2;

  /** The base URL clients are given (YOUTUBE_BASE_URL). */
  get url(): string {
    return `${this.origin}/youtube/v3`;
  }

  /** Configuration for a client of this fake: its URL and key, quick timeouts. */
  env(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { YOUTUBE_API_KEY: this.apiKey, YOUTUBE_BASE_URL: this.url, YOUTUBE_TIMEOUT_MS: '2000', YOUTUBE_MAX_RETRIES: '2', ...overrides };
  }

  /** The next requests whose path (search, channels, playlistItems) starts with `pathPrefix` get these faults, in order. */
  script(pathPrefix: string, ...faults: YtFault[]): void {
    this.addFaults(pathPrefix, faults);
  }

  /** Forgets scripted faults, the request log and the units charged. */
  override reset(): void {
    super.reset();
    this.unitsCharged = 0;
    this.quotaLimit = Number.POSITIVE_INFINITY;
  }

  requestsTo(path: string): YtLoggedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  addChannel(channel: YtChannelFixture): YtChannelFixture {
    if (!/^UC[A-Za-z0-9_-]{22}$/.test(channel.id)) throw new Error(`fake YouTube: "${channel.id}" is not a channel id (UC and 22 characters)`);
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The realistic fixtures below (YOUTUBE_REALISTIC), all of them. */
  addRealisticFixtures(): typeof YOUTUBE_REALISTIC {
    for (const channel of YOUTUBE_REALISTIC.channels) this.addChannel(channel);
    return YOUTUBE_REALISTIC;
  }

  protected pathOf(url: URL): string {
    return url.pathname.replace(/^\/youtube\/v3\/?/, '');
  }

  protected describe(request: IncomingMessage, url: URL, path: string): Omit<YtLoggedRequest, 'at' | 'status'> {
    return { path, query: Object.fromEntries(url.searchParams), url: request.url ?? '' };
  }

  protected faultReply(fault: YtErrorFault): Reply {
    if ('reason' in fault) {
      const { code, body } = youtubeErrorBody(fault.reason);
      return { status: code, body, headers: fault.headers };
    }
    return { status: fault.status, body: fault.body ?? genericError(fault.status), headers: fault.headers };
  }

  protected answer(logged: YtLoggedRequest): Reply {
    const [status, body] = this.respond(logged.path, logged.query);
    return { status, body };
  }

  private respond(path: string, query: Record<string, string>): [number, unknown] {
    if (!query.key) return error('forbidden');
    if (query.key !== this.apiKey) return error('keyInvalid');
    const units = YT_UNITS[path];
    if (units === undefined) return [404, genericError(404)];
    if (this.unitsCharged + units > this.quotaLimit) return error('quotaExceeded');
    this.unitsCharged += units;
    if (!query.part) return [400, badRequest('No filter selected. Expected one of: part', 'required')];
    const parts = new Set(query.part.split(','));
    const maxResults = Number(query.maxResults ?? 5);
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > 50)
      return [400, badRequest(`Invalid value '${query.maxResults}'. Values must be within the range: [0, 50]`, 'invalidParameter')];
    if (path === 'search') return this.search(query, maxResults);
    if (path === 'channels') return this.channelList(query, parts);
    return this.playlistItems(query, maxResults);
  }

  /** Channels whose title holds every word of q (case and accents aside), in insertion order as "relevance". */
  private search(query: Record<string, string>, maxResults: number): [number, unknown] {
    if (query.type !== 'channel') return [400, badRequest('This fake searches channels only: ask with type=channel.', 'invalidParameter')];
    const words = fold(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const found = [...this.channels.values()].filter((channel) => words.every((word) => fold(channel.title).includes(word)));
    return [
      200,
      {
        kind: 'youtube#searchListResponse',
        etag: etag(`search ${query.q}`),
        ...(found.length > maxResults ? { nextPageToken: 'CAUQAA' } : {}),
        regionCode: 'NZ',
        pageInfo: { totalResults: found.length, resultsPerPage: maxResults },
        items: found.slice(0, maxResults).map((channel) => ({
          kind: 'youtube#searchResult',
          etag: etag(`result ${channel.id}`),
          id: { kind: 'youtube#channel', channelId: channel.id },
          snippet: {
            publishedAt: channel.publishedAt,
            channelId: channel.id,
            title: channel.title,
            description: channel.description ?? '',
            thumbnails: thumbnails(channel.id),
            channelTitle: channel.title,
            liveBroadcastContent: 'none',
            publishTime: channel.publishedAt,
          },
        })),
      },
    ];
  }

  private channelList(query: Record<string, string>, parts: Set<string>): [number, unknown] {
    const all = [...this.channels.values()];
    let found: YtChannelFixture[];
    if (query.id !== undefined)
      found = query.id
        .split(',')
        .map((id) => this.channels.get(id))
        .filter((channel): channel is YtChannelFixture => channel !== undefined);
    else if (query.forHandle !== undefined) {
      const handle = query.forHandle.replace(/^@/, '').toLowerCase();
      found = all.filter((channel) => channel.handle?.toLowerCase() === handle);
    } else if (query.forUsername !== undefined) found = all.filter((channel) => channel.username?.toLowerCase() === query.forUsername!.toLowerCase());
    else return [400, badRequest('No filter selected. Expected one of: forHandle, forUsername, id, mine, ...', 'missingRequiredParameter')];
    return [
      200,
      {
        kind: 'youtube#channelListResponse',
        etag: etag(`channels ${JSON.stringify(query)}`),
        pageInfo: { totalResults: found.length, resultsPerPage: 5 },
        // Google leaves `items` out when nothing matched.
        ...(found.length > 0 ? { items: found.map((channel) => channelJson(channel, parts)) } : {}),
      },
    ];
  }

  private playlistItems(query: Record<string, string>, maxResults: number): [number, unknown] {
    const channel = [...this.channels.values()].find((candidate) => !candidate.noUploadsPlaylist && uploadsPlaylistId(candidate.id) === query.playlistId);
    if (!channel) return error('playlistNotFound');
    const uploads = [...channel.uploads].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    return [
      200,
      {
        kind: 'youtube#playlistItemListResponse',
        etag: etag(`playlist ${query.playlistId}`),
        ...(uploads.length > maxResults ? { nextPageToken: 'EAAaBlBUOkNESQ' } : {}),
        pageInfo: { totalResults: uploads.length, resultsPerPage: maxResults },
        items: uploads.slice(0, maxResults).map((upload, i) => ({
          kind: 'youtube#playlistItem',
          etag: etag(`item ${upload.videoId}`),
          id: Buffer.from(`${query.playlistId}.${i}`).toString('base64url'),
          contentDetails: { videoId: upload.videoId, ...(upload.publishedAt ? { videoPublishedAt: upload.publishedAt } : {}) },
        })),
      },
    ];
  }
}

/** The uploads playlist of a channel: "UU" and the id's 22 characters. */
export function uploadsPlaylistId(channelId: string): string {
  return `UU${channelId.slice(2)}`;
}

function channelJson(channel: YtChannelFixture, parts: Set<string>): Record<string, unknown> {
  return {
    kind: 'youtube#channel',
    etag: etag(`channel ${channel.id}`),
    id: channel.id,
    ...(parts.has('snippet')
      ? {
          snippet: {
            title: channel.title,
            description: channel.description ?? '',
            ...(channel.handle ? { customUrl: `@${channel.handle.toLowerCase()}` } : {}),
            publishedAt: channel.publishedAt,
            thumbnails: thumbnails(channel.id),
            localized: { title: channel.title, description: channel.description ?? '' },
            ...(channel.country ? { country: channel.country } : {}),
          },
        }
      : {}),
    ...(parts.has('contentDetails')
      ? { contentDetails: { relatedPlaylists: { likes: '', ...(channel.noUploadsPlaylist ? {} : { uploads: uploadsPlaylistId(channel.id) }) } } }
      : {}),
    ...(parts.has('statistics')
      ? {
          statistics: {
            viewCount: String(channel.views),
            ...(channel.hiddenSubscribers ? {} : { subscriberCount: String(channel.subscribers) }),
            hiddenSubscriberCount: channel.hiddenSubscribers ?? false,
            videoCount: String(channel.uploads.length),
          },
        }
      : {}),
  };
}

function error(reason: YtErrorReason): [number, unknown] {
  const { code, body } = youtubeErrorBody(reason);
  return [code, body];
}

function badRequest(message: string, reason: string): unknown {
  return { error: { code: 400, message, errors: [{ message, domain: 'global', reason }], status: 'INVALID_ARGUMENT' } };
}

function genericError(status: number): unknown {
  if (status === 503) return youtubeErrorBody('backendError').body;
  if (status >= 500)
    return {
      error: {
        code: status,
        message: 'Internal error encountered.',
        errors: [{ message: 'Internal error encountered.', domain: 'global', reason: 'backendError' }],
        status: 'INTERNAL',
      },
    };
  if (status === 429)
    return {
      error: {
        code: 429,
        message: 'Too many requests',
        errors: [{ message: 'Too many requests', domain: 'global', reason: 'rateLimitExceeded' }],
        status: 'RESOURCE_EXHAUSTED',
      },
    };
  return {
    error: {
      code: status,
      message: 'Not Found',
      errors: [{ message: 'Not Found', domain: 'global', reason: 'notFound' }],
      status: STATUS_NAMES[status] ?? 'UNKNOWN',
    },
  };
}

function thumbnails(id: string): Record<string, unknown> {
  return {
    default: { url: `https://yt3.ggpht.com/fake-${id}=s88-c-k-c0x00ffffff-no-rj`, width: 88, height: 88 },
    medium: { url: `https://yt3.ggpht.com/fake-${id}=s240-c-k-c0x00ffffff-no-rj`, width: 240, height: 240 },
    high: { url: `https://yt3.ggpht.com/fake-${id}=s800-c-k-c0x00ffffff-no-rj`, width: 800, height: 800 },
  };
}

function etag(seed: string): string {
  return Buffer.from(seed).toString('base64url').slice(0, 27);
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `days` days before `from` (ISO), as RFC 3339 with Z. */
function daysBefore(from: string, days: number): string {
  return new Date(Date.parse(from) - days * 86_400_000).toISOString().replace('.000Z', 'Z');
}

/** `count` uploads, one every `everyDays` days, the newest `firstDaysAgo` days before `now`. */
function uploadsEvery(prefix: string, now: string, count: number, everyDays: number, firstDaysAgo = 2): YtChannelFixture['uploads'] {
  return Array.from({ length: count }, (_, i) => ({
    videoId: `${prefix}${String(i).padStart(11 - prefix.length, '0')}`,
    publishedAt: daysBefore(now, firstDaysAgo + i * everyDays),
  }));
}

/**
 * Made-up channels for the artists of fake-musicbrainz's REALISTIC: Tui Harbour's own channel,
 * her "- Topic" channel and a fan page; The Saltbush Parade (hidden subscribers, a legacy
 * username); Marlowe Vance with only a VEVO and a Topic channel (the VEVO one has the handle
 * MusicBrainz links); a daily uploader; nothing for Lagi Faʻatasi. Dates count back from `now`.
 */
export const YOUTUBE_REALISTIC = (() => {
  const now = '2025-06-01T00:00:00Z';
  // Channel ids are "UC" and 22 characters.
  const ids = {
    tuiHarbour: 'UCtuiHarbourOfficial0000',
    tuiHarbourTopic: 'UCtuiHarbourTopicChan000',
    tuiHarbourFans: 'UCtuiHarbourFanPage00000',
    saltbushParade: 'UCsaltbushParadeBand0000',
    marloweVevo: 'UCmarloweVanceVEVO000000',
    marloweTopic: 'UCmarloweVanceTopic00000',
    dailyVlogs: 'UCdailyHarbourVlogs00000',
  };
  const channels: YtChannelFixture[] = [
    {
      id: ids.tuiHarbour,
      title: 'Tui Harbour',
      description: 'Songs from Whanganui. New single "Low Tide Letters" out now.',
      handle: 'TuiHarbour',
      publishedAt: '2016-03-09T21:14:05Z',
      country: 'NZ',
      subscribers: 12_400,
      views: 1_843_220,
      // Every 14 days from 2 days ago: 7 in the last 90 days (days 2 to 86), 5 before; and a private video.
      uploads: [...uploadsEvery('tuiH', now, 12, 14), { videoId: 'tuiHprivate1', publishedAt: null }],
    },
    { id: ids.tuiHarbourTopic, title: 'Tui Harbour - Topic', description: '', publishedAt: '2019-01-12T00:00:00Z', subscribers: 310, views: 0, uploads: [] },
    {
      id: ids.tuiHarbourFans,
      title: 'Tui Harbour Fan Page',
      description: 'Not affiliated.',
      publishedAt: '2021-07-30T10:00:00Z',
      subscribers: 95,
      views: 40_100,
      uploads: uploadsEvery('tuiF', now, 3, 40),
    },
    {
      id: ids.saltbushParade,
      title: 'The Saltbush Parade',
      description: 'Fremantle surf-rock.',
      handle: 'saltbushparade',
      username: 'saltbushparadeband',
      publishedAt: '2017-05-02T08:00:00Z',
      country: 'AU',
      subscribers: 58_000,
      hiddenSubscribers: true,
      views: 9_120_400,
      uploads: uploadsEvery('salt', now, 8, 45, 30),
    },
    {
      id: ids.marloweVevo,
      title: 'MarloweVanceVEVO',
      handle: 'MarloweVanceVEVO',
      publishedAt: '2015-10-01T00:00:00Z',
      country: 'US',
      subscribers: 2_310_000,
      views: 1_204_551_000,
      uploads: uploadsEvery('mvVevo', now, 20, 20, 5),
    },
    {
      id: ids.marloweTopic,
      title: 'Marlowe Vance - Topic',
      publishedAt: '2016-01-01T00:00:00Z',
      subscribers: 410_000,
      views: 0,
      uploads: [],
      noUploadsPlaylist: true,
    },
    // 60 uploads, one a day: its first page (50) covers less than 90 days.
    {
      id: ids.dailyVlogs,
      title: 'Daily Harbour Vlogs',
      handle: 'dailyharbourvlogs',
      publishedAt: '2023-01-01T00:00:00Z',
      subscribers: 3_100,
      views: 402_000,
      uploads: uploadsEvery('dv', now, 60, 1, 0),
    },
  ];
  return { now, ids, channels };
})();

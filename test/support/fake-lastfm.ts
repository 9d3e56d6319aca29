import type { IncomingMessage } from 'node:http';
import { FakeHttpServer, type CommonFault, type LoggedArrival, type Reply } from './fake-http-server.js';

/**
 * Last.fm's own faults:
 * - `{lastfmError, status?}`: Last.fm's error body for that code, with `status` (by default the
 *   status Last.fm sends it with; 200 when `errorsWithHttp200` is set);
 * - `{status, body?, headers?}`: that status and body (an HTML error page unless given).
 */
type LastfmErrorFault =
  { lastfmError: number; status?: number; headers?: Record<string, string> } | { status: number; body?: unknown; headers?: Record<string, string> };

/** What the fake answers to the next request instead of its normal reply: one of Last.fm's errors, or one of the CommonFaults. */
export type LastfmFault = LastfmErrorFault | CommonFault;

export interface LastfmLoggedRequest extends LoggedArrival {
  method: string | undefined;
  query: Record<string, string>;
  url: string;
}

export interface LastfmArtistFixture {
  name: string;
  /** The MusicBrainz id Last.fm has for the artist; none when omitted. */
  mbid?: string;
  listeners: number;
  playcount: number;
  tags?: string[];
  similar?: string[];
  /** Spellings autocorrect=1 turns into this artist ("saltbush parade" → "The Saltbush Parade"). */
  corrections?: string[];
}

/** Last.fm's error messages (https://www.last.fm/api/errorcodes) and the HTTP status it sends each with. */
const ERRORS: Record<number, { message: string; status: number }> = {
  3: { message: 'Invalid Method - No method with that name in this package', status: 400 },
  6: { message: 'The artist you supplied could not be found', status: 200 },
  8: { message: 'Operation failed - Most likely the backend service failed. Please try again.', status: 500 },
  10: { message: 'Invalid API key - You must be granted a valid key by last.fm', status: 403 },
  11: { message: 'Service Offline - This service is temporarily offline. Try again later.', status: 503 },
  16: { message: 'There was a temporary error processing your request. Please try again', status: 503 },
  26: { message: 'Suspended API key - Access for your account has been suspended, please contact Last.fm', status: 403 },
  29: { message: 'Rate Limit Exceded - Your IP has made too many requests in a short period', status: 429 },
};

/** Last.fm's error body for a code. */
export function lastfmErrorBody(code: number): { error: number; message: string; links: [] } {
  return { error: code, message: ERRORS[code]?.message ?? 'Unknown error', links: [] };
}

/**
 * Last.fm's API 2.0 as far as Leads uses it (artist.getInfo by mbid or by name with autocorrect,
 * format=json, api_key; its JSON error bodies), served by a real HTTP server on 127.0.0.1 from
 * fixtures in memory, with Last.fm's JSON quirks: numbers as strings, a list of one as the object
 * itself. Every request is logged with its arrival time; faults can be scripted. Made-up data.
 */
export class FakeLastfm extends FakeHttpServer<LastfmErrorFault, LastfmLoggedRequest> {
  readonly apiKey = 'fakelastfmkey0123456789abcdef012';
  readonly artists: LastfmArtistFixture[] = [];
  /** Send every error body with HTTP 200, as Last.fm does for some errors (and some of its hosts for all). */
  errorsWithHttp200 = false;
  protected override extraHeaders = { 'Access-Control-Allow-Origin': '*' };

  /** The base URL clients are given (LASTFM_BASE_URL). */
  get url(): string {
    return `${this.origin}/2.0/`;
  }

  /** Configuration for a client of this fake: its URL and key, a short interval, quick timeouts. */
  env(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      LASTFM_API_KEY: this.apiKey,
      LASTFM_BASE_URL: this.url,
      LASTFM_MIN_INTERVAL_MS: '20',
      LASTFM_TIMEOUT_MS: '2000',
      LASTFM_MAX_RETRIES: '3',
      ...overrides,
    };
  }

  /** The next requests get these faults, in order. */
  script(...faults: LastfmFault[]): void {
    this.addFaults('', faults);
  }

  /** Forgets scripted faults and the request log; errors go with their own status again. */
  override reset(): void {
    super.reset();
    this.errorsWithHttp200 = false;
  }

  addArtist(artist: LastfmArtistFixture): LastfmArtistFixture {
    this.artists.push(artist);
    return artist;
  }

  addRealisticFixtures(): typeof LASTFM_REALISTIC {
    for (const artist of LASTFM_REALISTIC.artists) this.addArtist(artist);
    return LASTFM_REALISTIC;
  }

  protected pathOf(url: URL): string {
    return url.pathname;
  }

  protected describe(request: IncomingMessage, url: URL): Omit<LastfmLoggedRequest, 'at' | 'status'> {
    const query = Object.fromEntries(url.searchParams);
    return { method: query.method, query, url: request.url ?? '' };
  }

  protected faultReply(fault: LastfmErrorFault): Reply {
    if ('lastfmError' in fault)
      return { status: fault.status ?? this.errorStatus(fault.lastfmError), body: lastfmErrorBody(fault.lastfmError), headers: fault.headers };
    const body = fault.body ?? `<html><head><title>${fault.status}</title></head><body><h1>${fault.status}</h1></body></html>`;
    return { status: fault.status, body, headers: fault.headers, contentType: typeof body === 'string' ? 'text/html' : undefined };
  }

  protected answer(logged: LastfmLoggedRequest, path: string): Reply {
    if (path.replace(/\/+$/, '') !== '/2.0') return { status: 404, body: '<html><body>Not found</body></html>', contentType: 'text/html' };
    const [status, body] = this.respond(logged.query);
    return { status, body };
  }

  private errorStatus(code: number): number {
    return this.errorsWithHttp200 ? 200 : (ERRORS[code]?.status ?? 400);
  }

  private error(code: number): [number, unknown] {
    return [this.errorStatus(code), lastfmErrorBody(code)];
  }

  private respond(query: Record<string, string>): [number, unknown] {
    if (query.api_key !== this.apiKey) return this.error(10);
    if (query.method?.toLowerCase() !== 'artist.getinfo') return this.error(3);
    if (query.format !== 'json') return [200, '<?xml version="1.0" encoding="UTF-8"?><lfm status="ok">This fake serves JSON only: ask with format=json.</lfm>'];
    const artist = this.find(query);
    return artist ? [200, artistJson(artist)] : this.error(6);
  }

  /** By mbid when given (and only by it); by name, case aside, and with autocorrect=1 by the artist's corrections too. */
  private find(query: Record<string, string>): LastfmArtistFixture | undefined {
    if (query.mbid) return this.artists.find((artist) => artist.mbid === query.mbid);
    const name = (query.artist ?? '').trim().toLowerCase();
    if (!name) return undefined;
    const exact = this.artists.find((artist) => artist.name.toLowerCase() === name);
    if (exact || query.autocorrect !== '1') return exact;
    return this.artists.find((artist) => artist.corrections?.some((spelling) => spelling.toLowerCase() === name));
  }
}

const pageUrl = (name: string) => `https://www.last.fm/music/${encodeURIComponent(name).replace(/%20/g, '+')}`;
const images = () => ['small', 'medium', 'large', 'extralarge', 'mega', ''].map((size) => ({ '#text': '', size }));

/** Last.fm's JSON is converted XML: a list of one is the object itself. */
function wrap<T>(items: T[]): T | T[] {
  return items.length === 1 ? items[0]! : items;
}

function artistJson(artist: LastfmArtistFixture): unknown {
  return {
    artist: {
      name: artist.name,
      ...(artist.mbid ? { mbid: artist.mbid } : {}),
      url: pageUrl(artist.name),
      image: images(),
      streamable: '0',
      ontour: '0',
      stats: { listeners: String(artist.listeners), playcount: String(artist.playcount) },
      similar: { artist: wrap((artist.similar ?? []).map((name) => ({ name, url: pageUrl(name), image: images() }))) },
      tags: { tag: wrap((artist.tags ?? []).map((name) => ({ name, url: `https://www.last.fm/tag/${encodeURIComponent(name).replace(/%20/g, '+')}` }))) },
      bio: {
        links: { link: { '#text': '', rel: 'original', href: `${pageUrl(artist.name)}/+wiki` } },
        published: '01 Jan 1970, 00:00',
        summary: ` <a href="${pageUrl(artist.name)}">Read more on Last.fm</a>`,
        content: '',
      },
    },
  };
}

/**
 * Made-up Last.fm profiles for the artists of fake-musicbrainz's REALISTIC: Tui Harbour (known by
 * her MBID), The Saltbush Parade (one tag: the list-of-one quirk; no MBID on Last.fm, found by
 * name), Marlowe Vance (an MBID Last.fm does not have: found by name), Lagi Faʻatasi (spelled
 * "Lagi Faatasi" on Last.fm, found through autocorrect).
 */
export const LASTFM_REALISTIC = (() => {
  const mbids = {
    tuiHarbour: 'ea4eeb66-56c5-4235-87a2-f65428042d2c',
    saltbushParade: '34114d13-891d-4775-9181-2cafaecd774c',
    marloweVance: '9a2baa4b-ed32-48fd-80e2-ef8cb6816adf',
  };
  const artists: LastfmArtistFixture[] = [
    {
      name: 'Tui Harbour',
      mbid: mbids.tuiHarbour,
      listeners: 48_213,
      playcount: 612_004,
      tags: ['folk', 'singer-songwriter', 'new zealand', 'indie folk'],
      similar: ['Aldous Harding', 'Marlon Williams', 'Reb Fountain'],
    },
    { name: 'The Saltbush Parade', listeners: 9_876, playcount: 101_230, tags: ['surf rock'], similar: ['Ocean Alley'], corrections: ['saltbush parade'] },
    { name: 'Marlowe Vance', listeners: 1_402_331, playcount: 38_004_112, tags: ['pop', 'rnb', 'contemporary r&b'], similar: ['Tui Harbour'] },
    { name: 'Lagi Faatasi', listeners: 412, playcount: 2_210, corrections: ['Lagi Faʻatasi'] },
  ];
  return { mbids, artists };
})();

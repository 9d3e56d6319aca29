import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { SourceResponseError, SourceUnavailableError } from '../../../../src/features/leads/sources/http-source.js';
import { LastfmClient } from '../../../../src/features/leads/sources/lastfm.client.js';
import { SourceConfigurationError } from '../../../../src/features/leads/sources/lead-source.js';
import { FakeLastfm, LASTFM_REALISTIC } from '../../../support/fake-lastfm.js';
import { useFakeSourceClient, type SourcesContext } from './sources-context.js';

const { mbids } = LASTFM_REALISTIC;
const UNKNOWN_MBID = '11111111-2222-4333-8444-555555555555';

describe('LastfmClient against a fake Last.fm', () => {
  const fake = new FakeLastfm();
  let sources: SourcesContext;
  let client: LastfmClient;
  const clientWith = useFakeSourceClient(fake, LastfmClient, (started) => ({ sources, client } = started));

  describe('lookups', () => {
    it('gets an artist by MusicBrainz id: listeners, scrobbles, tags, similar artists', async () => {
      expect(await client.artistInfo({ mbid: mbids.tuiHarbour, name: 'Tui Harbour' })).toEqual({
        name: 'Tui Harbour',
        mbid: mbids.tuiHarbour,
        url: 'https://www.last.fm/music/Tui+Harbour',
        listeners: 48_213,
        playcount: 612_004,
        tags: ['folk', 'singer-songwriter', 'new zealand', 'indie folk'],
        similar: ['Aldous Harding', 'Marlon Williams', 'Reb Fountain'],
      });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.query).toEqual({ method: 'artist.getinfo', mbid: mbids.tuiHarbour, format: 'json', api_key: fake.apiKey });
    });

    it('falls back to the name with autocorrect when Last.fm does not know the MBID (error 6 with HTTP 200)', async () => {
      expect(await client.artistInfo({ mbid: mbids.marloweVance, name: 'Marlowe Vance' })).toMatchObject({
        name: 'Marlowe Vance',
        mbid: null,
        listeners: 1_402_331,
      });
      expect(fake.requests.map((request) => [request.query.mbid, request.query.artist, request.query.autocorrect, request.status])).toEqual([
        [mbids.marloweVance, undefined, undefined, 200],
        [undefined, 'Marlowe Vance', '1', 200],
      ]);
    });

    it("finds by name alone, through Last.fm's autocorrect, reading a single tag sent as an object", async () => {
      expect(await client.artistInfo({ name: 'saltbush parade' })).toMatchObject({
        name: 'The Saltbush Parade',
        tags: ['surf rock'],
        similar: ['Ocean Alley'],
      });
      expect(await client.artistInfo({ name: 'Lagi Faʻatasi', mbid: null })).toMatchObject({ name: 'Lagi Faatasi', tags: [] });
    });

    it('answers null when neither the MBID nor the name is known, whether error 6 comes with HTTP 200 or 404', async () => {
      expect(await client.artistInfo({ mbid: UNKNOWN_MBID, name: 'Nobody Whatsoever' })).toBeNull();
      fake.script({ lastfmError: 6, status: 404 });
      expect(await client.artistInfo({ name: 'Somebody Else' })).toBeNull();
      expect(fake.requests).toHaveLength(3);
      expect(await sources.usage.today('lastfm')).toMatchObject({ requests: 3, errors: 0 });
    });

    it('refuses a malformed MBID, or no name nor MBID, without asking', async () => {
      await expect(client.artistInfo({ mbid: 'not-an-mbid', name: 'Tui Harbour' })).rejects.toThrow(RangeError);
      await expect(client.artistInfo({ name: ' ' })).rejects.toThrow(/needs an artist name or MusicBrainz id/);
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('failures', () => {
    it.each([
      ['HTTP 503 without a body', { status: 503 }],
      ['error 29 (rate limit) with HTTP 429', { lastfmError: 29 }],
      ['error 29 with HTTP 200', { lastfmError: 29, status: 200 }],
      ['error 16 (temporary) with HTTP 200', { lastfmError: 16, status: 200 }],
      ['error 11 (offline) with HTTP 503', { lastfmError: 11 }],
      ['error 8 (operation failed) with HTTP 500', { lastfmError: 8 }],
    ])('retries %s, then reads the answer', async (_, fault) => {
      fake.script(fault);
      expect(await client.artistInfo({ name: 'Tui Harbour' })).toMatchObject({ listeners: 48_213 });
      expect(fake.requests).toHaveLength(2);
      expect(await sources.usage.today('lastfm')).toMatchObject({ requests: 2, errors: 1 });
    });

    it('waits the Retry-After of a 429, telling every client through the shared schedule', async () => {
      fake.script({ lastfmError: 29, headers: { 'Retry-After': '1' } });
      const started = Date.now();
      expect(await client.artistInfo({ name: 'Tui Harbour' })).not.toBeNull();
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      // The fake logs arrivals in this same process: a busy event loop may log one late (see rate-limiter.test.ts).
      expect(fake.gaps()[0]).toBeGreaterThanOrEqual(1000 - 50);
    });

    it('gives up with SourceUnavailableError when "try again" outlasts the retries', async () => {
      const impatient = await clientWith(fake.env({ LASTFM_MAX_RETRIES: '1' }));
      fake.script({ lastfmError: 16, status: 200 }, { lastfmError: 16, status: 200 });
      const error = await impatient.artistInfo({ name: 'Tui Harbour' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect((error as Error).message).toMatch(/failed after 2 attempt\(s\): HTTP 200: error 16: There was a temporary error/);
    });

    it('counts a request Last.fm never answers as failed and retries it', async () => {
      const hasty = await clientWith(fake.env({ LASTFM_TIMEOUT_MS: '150' }));
      fake.script({ neverAnswer: true });
      expect(await hasty.artistInfo({ name: 'Tui Harbour' })).toMatchObject({ name: 'Tui Harbour' });
      expect(fake.requests).toHaveLength(2);
      expect(await sources.usage.today('lastfm')).toMatchObject({ requests: 2, errors: 1 });
    });

    it.each([
      ['a body that is not JSON', { raw: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' }, /malformed response \(not JSON/],
      ['a body cut short', { truncate: true as const }, /malformed response \(not JSON/],
      [
        'JSON of another shape',
        { raw: '{"artist": {"name": "Tui Harbour", "url": "x", "stats": {"listeners": "many"}}}' },
        /unexpected response \(artist\.stats\.listeners is not a count/,
      ],
      ['an unknown error code', { lastfmError: 3 }, /HTTP 400|error 3: Invalid Method/],
    ])('throws SourceResponseError, neither retrying nor caching, for %s', async (_, fault, message) => {
      fake.script(fault);
      const error = await client.artistInfo({ name: 'Tui Harbour' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceResponseError);
      expect((error as Error).message).toMatch(message);
      expect(fake.requests).toHaveLength(1);
      expect(await sources.cache.get('lastfm', 'artist/name/tui harbour')).toBeNull();
    });
  });

  describe('the API key', () => {
    it.each([
      ['error 10 with HTTP 403', false],
      ['error 10 with HTTP 200', true],
    ])('is refused as a configuration error (%s), and never shown', async (_, with200) => {
      const secret = 'deadbeefdeadbeefdeadbeefdeadbeef';
      fake.errorsWithHttp200 = with200;
      const warn = vi.spyOn(Logger.prototype, 'warn');
      try {
        const wrong = await clientWith(fake.env({ LASTFM_API_KEY: secret }));
        const error = await wrong.artistInfo({ name: 'Tui Harbour' }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(SourceConfigurationError);
        expect(error).toMatchObject({
          source: 'lastfm',
          status: with200 ? 200 : 403,
          message: expect.stringContaining('LASTFM_API_KEY was refused (error 10: Invalid API key'),
        });
        expect(fake.requests).toHaveLength(1);
        expect(fake.requests[0]!.query.api_key).toBe(secret);

        fake.script({ status: 502, body: { error: 8, message: `backend failed for api_key=${secret}` } }, { neverAnswer: true });
        const hasty = await clientWith(fake.env({ LASTFM_API_KEY: secret, LASTFM_TIMEOUT_MS: '150', LASTFM_MAX_RETRIES: '1' }));
        const unavailable = (await hasty.artistInfo({ name: 'Marlowe Vance' }).catch((caught: Error) => caught)) as Error;
        expect(unavailable).toBeInstanceOf(SourceUnavailableError);
        const messages = [
          (error as Error).message,
          unavailable.message,
          ...warn.mock.calls.map((call) => String(call[0])),
          (await hasty.sourceStatus()).lastError!.message,
        ];
        expect(messages.join('\n')).toContain('[LASTFM_API_KEY]');
        for (const message of messages) expect(message).not.toContain(secret);
      } finally {
        warn.mockRestore();
      }
    });

    it('suspended (error 26) is a configuration error too', async () => {
      fake.script({ lastfmError: 26 });
      await expect(client.artistInfo({ name: 'Tui Harbour' })).rejects.toThrow(SourceConfigurationError);
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe('configuration, rate limit and cache', () => {
    it('is not configured without LASTFM_API_KEY, and then asks nothing', async () => {
      const unkeyed = await clientWith({ LASTFM_BASE_URL: fake.url });
      expect(unkeyed.configured).toBe(false);
      await expect(unkeyed.artistInfo({ name: 'Tui Harbour' })).rejects.toThrow('Last.fm is not configured: set LASTFM_API_KEY');
      expect(await unkeyed.sourceStatus()).toMatchObject({ source: 'lastfm', configured: false });
      expect(fake.requests).toHaveLength(0);
    });

    it('keeps LASTFM_MIN_INTERVAL_MS between requests, across clients', async () => {
      const other = await clientWith(fake.env({ LASTFM_MIN_INTERVAL_MS: '150' }));
      const mine = await clientWith(fake.env({ LASTFM_MIN_INTERVAL_MS: '150' }));
      await Promise.all([
        other.artistInfo({ name: 'Tui Harbour' }),
        mine.artistInfo({ name: 'Marlowe Vance' }),
        other.artistInfo({ name: 'saltbush parade' }),
        mine.artistInfo({ name: 'Lagi Faatasi' }),
      ]);
      expect(fake.requests).toHaveLength(4);
      // Checked per window and in all, as a server counts (see rate-limiter.test.ts).
      expect(fake.busiestWindow(300)).toBeLessThanOrEqual(3);
      expect(fake.gaps().reduce((sum, gap) => sum + gap, 0)).toBeGreaterThanOrEqual(2 * 150);
    });

    it('serves answers and "not found" from the cache for LASTFM_CACHE_TTL_HOURS, and asks again with forceRefresh', async () => {
      await client.artistInfo({ mbid: mbids.marloweVance, name: 'Marlowe Vance' });
      expect(await client.artistInfo({ mbid: mbids.marloweVance, name: 'marlowe vance' })).toMatchObject({ listeners: 1_402_331 });
      expect(fake.requests).toHaveLength(2);
      const rows = await sources.prisma.$queryRaw<Array<{ key: string; status: number; hours: number }>>`
        SELECT key, status, round(EXTRACT(EPOCH FROM (expires_at - fetched_at)) / 3600)::int AS hours FROM source_cache WHERE source = 'lastfm' ORDER BY key`;
      expect(rows).toEqual([
        { key: `artist/mbid/${mbids.marloweVance}`, status: 404, hours: 24 },
        { key: 'artist/name/marlowe vance', status: 200, hours: 24 },
      ]);
      fake.artists.find((artist) => artist.name === 'Marlowe Vance')!.listeners = 1_500_000;
      expect(await client.artistInfo({ name: 'Marlowe Vance' }, { forceRefresh: true })).toMatchObject({ listeners: 1_500_000 });
      expect(fake.requests).toHaveLength(3);
      fake.artists.find((artist) => artist.name === 'Marlowe Vance')!.listeners = 1_402_331;
    });

    it('reports its status: the shared schedule, usage, health', async () => {
      await client.artistInfo({ name: 'Tui Harbour' });
      fake.script({ raw: 'oops' });
      await client.artistInfo({ name: 'Marlowe Vance' }).catch(() => undefined);
      const status = await client.sourceStatus();
      expect(status).toMatchObject({
        source: 'lastfm',
        configured: true,
        healthy: false,
        baseUrl: fake.url,
        rateLimit: { minIntervalMs: 20 },
        usageToday: { requests: 2, errors: 1 },
      });
      expect(status.rateLimit!.nextSlotAt).toBeInstanceOf(Date);
    });
  });
});

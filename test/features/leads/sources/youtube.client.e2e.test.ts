import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { SourceResponseError, SourceUnavailableError } from '../../../../src/features/leads/sources/http-source.js';
import { SourceConfigurationError, SourceQuotaExceededError } from '../../../../src/features/leads/sources/lead-source.js';
import { YoutubeClient } from '../../../../src/features/leads/sources/youtube.client.js';
import { FakeYoutube, uploadsPlaylistId, YOUTUBE_REALISTIC } from '../../../support/fake-youtube.js';
import { useFakeSourceClient, type SourcesContext } from './sources-context.js';

const { ids } = YOUTUBE_REALISTIC;
const now = new Date(YOUTUBE_REALISTIC.now);
const UNKNOWN_CHANNEL = 'UCnobodyHasThisChannel00';

describe('YoutubeClient against a fake YouTube Data API', () => {
  const fake = new FakeYoutube();
  let sources: SourcesContext;
  let client: YoutubeClient;
  /** Another client on the same database with other settings. */
  const clientWith = useFakeSourceClient(fake, YoutubeClient, (started) => ({ sources, client } = started));
  const unitsToday = async () => (await sources.usage.today('youtube')).units;

  describe('lookups', () => {
    it("finds an artist's own channel with search.list, spending 100 units", async () => {
      expect(await client.findArtistChannel('Tui Harbour')).toEqual({
        channelId: ids.tuiHarbour,
        title: 'Tui Harbour',
        description: 'Songs from Whanganui. New single "Low Tide Letters" out now.',
        publishedAt: '2016-03-09T21:14:05Z',
        matchedBy: 'title',
      });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({
        path: 'search',
        query: { part: 'snippet', type: 'channel', q: 'Tui Harbour', maxResults: '5', key: fake.apiKey },
      });
      expect(await sources.usage.today('youtube')).toMatchObject({ requests: 1, errors: 0, units: 100 });
    });

    it('settles for the "- Topic" channel when no channel is titled with the name, and answers null rather than guess', async () => {
      expect(await client.findArtistChannel('Marlowe Vance')).toMatchObject({ channelId: ids.marloweTopic, matchedBy: 'topic' });
      expect(await client.findArtistChannel('Lagi Faʻatasi')).toBeNull();
      await expect(client.findArtistChannel('  ')).rejects.toThrow(RangeError);
      expect(fake.requests).toHaveLength(2);
    });

    it('summarizes a channel: channels.list then its uploads playlist, 1 unit each', async () => {
      expect(await client.channelSummary(ids.tuiHarbour, { now })).toEqual({
        channelId: ids.tuiHarbour,
        title: 'Tui Harbour',
        customUrl: '@tuiharbour',
        subscribers: 12_400,
        views: 1_843_220,
        videoCount: 13,
        channelCreatedAt: '2016-03-09T21:14:05Z',
        recentUploads90d: 7,
        lastUploadAt: '2025-05-30T00:00:00.000Z',
        uploadsPerMonth: 2.33,
      });
      expect(fake.requests.map((request) => [request.path, request.query])).toEqual([
        ['channels', { part: 'snippet,statistics,contentDetails', id: ids.tuiHarbour, key: fake.apiKey }],
        ['playlistItems', { part: 'contentDetails', playlistId: uploadsPlaylistId(ids.tuiHarbour), maxResults: '50', key: fake.apiKey }],
      ]);
      expect(await unitsToday()).toBe(2);
    });

    it('rates a daily uploader over the days its 50 latest uploads cover', async () => {
      expect(await client.channelSummary(ids.dailyVlogs, { now })).toMatchObject({ recentUploads90d: 50, uploadsPerMonth: 30.61 });
    });

    it('follows a MusicBrainz YouTube URL: /@handle by forHandle, /user/ by forUsername', async () => {
      expect(await client.channelByUrl('https://www.youtube.com/@MarloweVanceVEVO', { now })).toMatchObject({
        channelId: ids.marloweVevo,
        subscribers: 2_310_000,
        recentUploads90d: 5,
      });
      expect(fake.requests[0]!.query).toMatchObject({ forHandle: '@MarloweVanceVEVO' });
      const band = await client.channelByUrl('https://www.youtube.com/user/saltbushparadeband', { now });
      expect(band).toMatchObject({
        channelId: ids.saltbushParade,
        title: 'The Saltbush Parade',
        subscribers: null,
        views: 9_120_400,
        recentUploads90d: 2,
        uploadsPerMonth: 0.67,
      });
      expect(fake.requests[2]!.query).toMatchObject({ forUsername: 'saltbushparadeband' });
    });

    it('refuses what is not a channel id or channel URL without asking', async () => {
      await expect(client.channelSummary('UCtooShort')).rejects.toThrow(/is not a YouTube channel id/);
      await expect(client.channelByUrl('https://www.youtube.com/c/TuiHarbour')).rejects.toThrow(RangeError);
      expect(fake.requests).toHaveLength(0);
    });

    it('answers null for a channel YouTube does not have (no items), without asking for uploads', async () => {
      expect(await client.channelSummary(UNKNOWN_CHANNEL)).toBeNull();
      expect(await client.channelByUrl('https://www.youtube.com/@nobody-at-all')).toBeNull();
      expect(fake.requests.map((request) => request.path)).toEqual(['channels', 'channels']);
    });

    it('summarizes a channel without an uploads playlist as having no uploads', async () => {
      expect(await client.channelSummary(ids.marloweTopic, { now })).toMatchObject({ recentUploads90d: 0, lastUploadAt: null, uploadsPerMonth: 0 });
      expect(fake.requests.map((request) => request.path)).toEqual(['channels']);
    });
  });

  describe('failures', () => {
    it('retries a 503 (backendError) and spends the units of both attempts', async () => {
      fake.script('channels', { reason: 'backendError' });
      expect(await client.channelSummary(ids.tuiHarbour, { now })).toMatchObject({ title: 'Tui Harbour' });
      expect(fake.requests.map((request) => [request.path, request.status])).toEqual([
        ['channels', 503],
        ['channels', 200],
        ['playlistItems', 200],
      ]);
      expect(await sources.usage.today('youtube')).toMatchObject({ requests: 3, errors: 1, units: 3 });
    });

    it('waits the Retry-After of a 429, and retries a per-minute rateLimitExceeded 403', async () => {
      fake.script('search', { status: 429, headers: { 'Retry-After': '1' } }, { reason: 'rateLimitExceeded' });
      const started = Date.now();
      expect(await client.findArtistChannel('Tui Harbour')).toMatchObject({ channelId: ids.tuiHarbour });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(fake.requests.map((request) => request.status)).toEqual([429, 403, 200]);
    });

    it('gives up with SourceUnavailableError when YouTube never answers', async () => {
      const hasty = await clientWith(fake.env({ YOUTUBE_TIMEOUT_MS: '150', YOUTUBE_MAX_RETRIES: '1' }));
      fake.script('channels', { neverAnswer: true }, { neverAnswer: true });
      const error = await hasty.channelSummary(ids.tuiHarbour).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect((error as Error).message).toMatch(/YouTube channels\.list .* failed after 2 attempt\(s\): no answer within 150 ms/);
      expect(fake.requests).toHaveLength(2);
    });

    it('retries a request that timed out once', async () => {
      const hasty = await clientWith(fake.env({ YOUTUBE_TIMEOUT_MS: '150' }));
      fake.script('playlistItems', { neverAnswer: true });
      expect(await hasty.channelSummary(ids.tuiHarbour, { now })).toMatchObject({ recentUploads90d: 7 });
      expect(fake.requestsTo('playlistItems')).toHaveLength(2);
    });

    it.each([
      ['a body that is not JSON', { raw: '<html><body>Error 502 (Server Error)</body></html>', contentType: 'text/html' }, /malformed response \(not JSON/],
      ['a body cut short', { truncate: true as const }, /malformed response \(not JSON/],
      [
        'another response kind',
        { raw: '{"kind": "youtube#videoListResponse", "items": []}' },
        /unexpected response \(kind is "youtube#videoListResponse", not youtube#searchListResponse\)/,
      ],
    ])('throws SourceResponseError, neither retrying nor caching, for %s', async (_, fault, message) => {
      fake.script('search', fault);
      const error = await client.findArtistChannel('Tui Harbour').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceResponseError);
      expect((error as Error).message).toMatch(message);
      expect(fake.requests).toHaveLength(1);
      expect(await sources.cache.get('youtube', 'search/channel/tui harbour')).toBeNull();
    });

    it("takes a 400 as the answer, with YouTube's reason and message", async () => {
      fake.script('channels', { reason: 'badRequest' });
      await expect(client.channelSummary(ids.tuiHarbour)).rejects.toMatchObject({
        name: 'SourceResponseError',
        status: 400,
        message: expect.stringContaining('HTTP 400 badRequest: Invalid value for parameter.'),
      });
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe('quota', () => {
    it('refuses, before sending, a call that would pass YOUTUBE_DAILY_QUOTA, saying what is used of what', async () => {
      const thrifty = await clientWith(fake.env({ YOUTUBE_DAILY_QUOTA: '250' }));
      await thrifty.findArtistChannel('Tui Harbour');
      await thrifty.findArtistChannel('Marlowe Vance');
      const error = await thrifty.findArtistChannel('The Saltbush Parade').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceQuotaExceededError);
      expect(error).toMatchObject({ source: 'youtube', used: 200, limit: 250, status: undefined });
      expect((error as Error).message).toBe(
        'YouTube search.list refused: it costs 100 quota unit(s) and 200 of the 250 units of YOUTUBE_DAILY_QUOTA are used today (UTC)',
      );
      expect(fake.requests).toHaveLength(2);
      // Cheaper calls still fit.
      expect(await thrifty.channelSummary(ids.tuiHarbour, { now })).toMatchObject({ subscribers: 12_400 });
      expect(await unitsToday()).toBe(202);
      // A refusal before sending says nothing about YouTube's health.
      expect(await thrifty.sourceStatus()).toMatchObject({ healthy: true, quota: { used: 202, limit: 250 } });
    });

    it('counts every attempt, retries included, against the quota', async () => {
      const thrifty = await clientWith(fake.env({ YOUTUBE_DAILY_QUOTA: '150' }));
      fake.script('search', { reason: 'backendError' });
      // The first search spent 100; its retry would take 200 past 150: refused.
      await expect(thrifty.findArtistChannel('Tui Harbour')).rejects.toThrow(SourceQuotaExceededError);
      expect(fake.requests).toHaveLength(1);
      expect(await sources.usage.today('youtube')).toMatchObject({ requests: 1, errors: 1, units: 100 });
    });

    it("maps YouTube's 403 quotaExceeded to SourceQuotaExceededError and stops asking for the day", async () => {
      fake.quotaLimit = 0;
      const error = await client.findArtistChannel('Tui Harbour').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceQuotaExceededError);
      expect(error).toMatchObject({ status: 403, used: 100, limit: 10_000 });
      expect((error as Error).message).toMatch(
        /the API key's daily quota is spent \(HTTP 403 quotaExceeded: The request cannot be completed because you have exceeded your .*quota.*\); Encore had counted 100 of the 10000 units/,
      );
      expect(fake.requests).toHaveLength(1);
      expect(await unitsToday()).toBe(10_000);
      await expect(client.channelSummary(ids.tuiHarbour)).rejects.toThrow(/refused: it costs 1 quota unit\(s\) and 10000 of the 10000 units/);
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe('the API key', () => {
    it('is refused as a configuration error, and appears in no error message and no log line', async () => {
      const secret = 'AIzaSy-not-the-fakes-key-0123456789';
      const warn = vi.spyOn(Logger.prototype, 'warn');
      try {
        const wrong = await clientWith(fake.env({ YOUTUBE_API_KEY: secret }));
        const refused = await wrong.findArtistChannel('Tui Harbour').catch((caught: unknown) => caught);
        expect(refused).toBeInstanceOf(SourceConfigurationError);
        expect((refused as Error).message).toMatch(/YOUTUBE_API_KEY was refused \(HTTP 400 badRequest: API key not valid/);
        expect(fake.requests.at(-1)!.url).toContain(`key=${secret}`);

        const messages: string[] = [(refused as Error).message];
        // YouTube echoing the key back, retries that log, a timeout: none may carry it.
        fake.script('search', { status: 400, body: { error: { code: 400, message: `Bad request for key ${secret}`, errors: [{ reason: 'badRequest' }] } } });
        messages.push((await wrong.findArtistChannel('Marlowe Vance', { forceRefresh: true }).catch((caught: Error) => caught.message)) as string);
        const hasty = await clientWith(fake.env({ YOUTUBE_API_KEY: secret, YOUTUBE_TIMEOUT_MS: '150', YOUTUBE_MAX_RETRIES: '1' }));
        fake.script('channels', { reason: 'backendError' }, { neverAnswer: true });
        messages.push((await hasty.channelSummary(ids.tuiHarbour).catch((caught: Error) => caught.message)) as string);
        messages.push(...warn.mock.calls.map((call) => String(call[0])));
        messages.push(...(await Promise.all([wrong.sourceStatus(), hasty.sourceStatus()])).map((status) => status.lastError?.message ?? ''));

        expect(messages.some((message) => message.includes('[YOUTUBE_API_KEY]'))).toBe(true);
        expect(warn).toHaveBeenCalled();
        for (const message of messages) expect(message).not.toContain(secret);
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe('configuration', () => {
    it('is not configured without YOUTUBE_API_KEY, and then asks nothing', async () => {
      const unkeyed = await clientWith({ YOUTUBE_BASE_URL: fake.url });
      expect(unkeyed.configured).toBe(false);
      await expect(unkeyed.findArtistChannel('Tui Harbour')).rejects.toThrow(SourceConfigurationError);
      await expect(unkeyed.channelSummary(ids.tuiHarbour)).rejects.toThrow('YouTube is not configured: set YOUTUBE_API_KEY');
      expect(await unkeyed.sourceStatus()).toMatchObject({ source: 'youtube', configured: false, rateLimit: null, quota: { used: 0, limit: 10_000 } });
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('cache', () => {
    it('serves a search again from the cache (no quota spent), and asks again with forceRefresh', async () => {
      const first = await client.findArtistChannel('Tui Harbour');
      expect(await client.findArtistChannel('tui harbour')).toEqual(first);
      expect(fake.requests).toHaveLength(1);
      expect(await client.findArtistChannel('Tui Harbour', { forceRefresh: true })).toEqual(first);
      expect(fake.requests).toHaveLength(2);
      expect(await unitsToday()).toBe(200);
    });

    it("caches both requests of a summary for YOUTUBE_CACHE_TTL_HOURS, and counts recent uploads from each call's now", async () => {
      expect(await client.channelSummary(ids.tuiHarbour, { now })).toMatchObject({ recentUploads90d: 7 });
      const later = new Date(now.getTime() + 30 * 86_400_000);
      expect(await client.channelSummary(ids.tuiHarbour, { now: later })).toMatchObject({ recentUploads90d: 5 });
      expect(fake.requests).toHaveLength(2);
      const rows = await sources.prisma.$queryRaw<Array<{ key: string; hours: number }>>`
        SELECT key, round(EXTRACT(EPOCH FROM (expires_at - fetched_at)) / 3600)::int AS hours FROM source_cache WHERE source = 'youtube' ORDER BY key`;
      expect(rows).toEqual([
        { key: `channel/id/${ids.tuiHarbour}`, hours: 24 },
        { key: `uploads/${uploadsPlaylistId(ids.tuiHarbour)}`, hours: 24 },
      ]);
      await client.channelSummary(ids.tuiHarbour, { now, forceRefresh: true });
      expect(fake.requests).toHaveLength(4);
    });

    it('keeps "no such channel" too, and shares one request between concurrent lookups', async () => {
      await client.channelSummary(UNKNOWN_CHANNEL);
      expect(await client.channelSummary(UNKNOWN_CHANNEL)).toBeNull();
      expect(fake.requests).toHaveLength(1);
      await Promise.all(Array.from({ length: 5 }, () => client.findArtistChannel('The Saltbush Parade')));
      expect(fake.requestsTo('search')).toHaveLength(1);
      expect(await unitsToday()).toBe(101);
    });
  });

  describe('status', () => {
    it('shows configuration, health, last error and quota used of the limit', async () => {
      expect(await client.sourceStatus()).toMatchObject({
        source: 'youtube',
        configured: true,
        baseUrl: fake.url,
        rateLimit: null,
        quota: { used: 0, limit: 10_000 },
      });
      fake.script('search', { raw: 'oops' });
      await client.findArtistChannel('Tui Harbour').catch(() => undefined);
      expect(await client.sourceStatus()).toMatchObject({
        healthy: false,
        lastError: { message: expect.stringContaining('malformed response') },
        usageToday: { requests: 1, errors: 1, units: 100 },
        quota: { used: 100 },
      });
      await client.findArtistChannel('Tui Harbour');
      expect(await client.sourceStatus()).toMatchObject({ healthy: true, quota: { used: 200, limit: 10_000 } });
    });
  });
});

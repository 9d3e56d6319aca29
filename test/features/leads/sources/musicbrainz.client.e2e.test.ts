import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SourceResponseError, SourceUnavailableError } from '../../../../src/features/leads/sources/http-source.js';
import { MB_NO_LABEL_ID, type MusicBrainzClient } from '../../../../src/features/leads/sources/musicbrainz.client.js';
import { FakeMusicBrainz, REALISTIC } from '../../../support/fake-musicbrainz.js';
import { createSourcesContext, resetSources, type SourcesContext } from './sources-context.js';

const { ids, isrcs } = REALISTIC;
const UNKNOWN = '11111111-2222-4333-8444-555555555555';

describe('MusicBrainzClient against a fake MusicBrainz', () => {
  const fake = new FakeMusicBrainz();
  let sources: SourcesContext;
  let client: MusicBrainzClient;
  /** Another client on the same database with other settings (retries, timeouts). */
  const extra: SourcesContext[] = [];
  const clientWith = async (env: NodeJS.ProcessEnv) => {
    const context = await createSourcesContext(fake.env(env), sources);
    extra.push(context);
    return context.musicBrainz;
  };

  beforeAll(async () => {
    await fake.start();
    fake.addRealisticFixtures();
    sources = await createSourcesContext(fake.env());
    client = sources.musicBrainz;
  });
  afterAll(async () => {
    for (const context of extra) await context.close();
    await sources?.close();
    await fake.stop();
  });
  beforeEach(async () => {
    fake.requests.length = 0;
    fake.clearFaults();
    await resetSources(sources.prisma);
  });

  describe('lookups', () => {
    it('finds the recordings of an ISRC with their artist credits, releases and works', async () => {
      const found = await client.lookupIsrc(isrcs.glassSkyline);
      expect(found).toEqual({
        isrc: isrcs.glassSkyline,
        recordings: [
          {
            id: ids.glassSkyline,
            title: 'Glass Skyline',
            lengthMs: 187_250,
            disambiguation: null,
            firstReleaseDate: '2025-02-14',
            artistName: 'Marlowe Vance feat. Tui Harbour',
            artistCredit: [
              {
                name: 'Marlowe Vance',
                joinPhrase: ' feat. ',
                artist: { id: ids.marloweVance, name: 'Marlowe Vance', sortName: 'Marlowe Vance', type: 'Person', disambiguation: null },
              },
              {
                name: 'Tui Harbour',
                joinPhrase: '',
                artist: { id: ids.tuiHarbour, name: 'Tui Harbour', sortName: 'Tui Harbour', type: 'Person', disambiguation: 'New Zealand singer-songwriter' },
              },
            ],
            releases: [{ id: ids.glassSkylineRelease, title: 'Glass Skyline', status: 'Official', date: '2025-02-14', country: 'XW', disambiguation: null }],
            workIds: [ids.glassSkylineWork],
          },
        ],
      });
      const [request] = fake.requests;
      expect(request).toMatchObject({ path: `isrc/${isrcs.glassSkyline}`, query: { fmt: 'json' }, inc: ['artist-credits', 'releases', 'work-rels'] });
      expect(request!.userAgent).toMatch(/^Encore\/\d+\.\d+\.\d+ \( tests@encore\.invalid \)$/);
    });

    it("reads a recording's works with their publishers, and its ℗ holder, in one request", async () => {
      const rights = await client.getRecordingRights(ids.glassSkyline);
      expect(rights?.works.map((work) => [work.title, work.publishers.map((publisher) => publisher.name)])).toEqual([
        ['Glass Skyline', ['Summit Avenue Songs']],
      ]);
      expect(rights?.phonographicCopyright.map((label) => label.name)).toEqual(['Summit Avenue Music']);
      expect(fake.requestsTo('recording/')).toHaveLength(1);
    });

    it("counts an artist's release groups from a one-item browse, null for an artist MusicBrainz does not know", async () => {
      expect(await client.countReleaseGroups(ids.saltbushParade)).toBe(5);
      expect(fake.requestsTo('release-group').map((logged) => logged.query)).toEqual([
        { artist: ids.saltbushParade, 'release-group-status': 'website-default', limit: '1', fmt: 'json' },
      ]);
      expect(await client.countReleaseGroups('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('forgives hyphens, spaces and lower case in the ISRC, and refuses what is not one without asking', async () => {
      expect(await client.lookupIsrc(' nz-th1-24-00031 ')).toMatchObject({ isrc: isrcs.lowTide, recordings: [{ title: 'Low Tide Letters' }] });
      await expect(client.lookupIsrc('NZ-TH1-24')).rejects.toThrow(RangeError);
      await expect(client.getArtist('not-an-mbid')).rejects.toThrow(RangeError);
      expect(fake.requests).toHaveLength(1);
    });

    it('reads an artist with area, URL relations, tags and genres', async () => {
      const artist = await client.getArtist(ids.saltbushParade);
      expect(artist).toMatchObject({
        id: ids.saltbushParade,
        name: 'The Saltbush Parade',
        sortName: 'Saltbush Parade, The',
        type: 'Group',
        country: 'AU',
        area: { name: 'Australia', type: 'Country', countryCodes: ['AU'] },
        beginArea: { name: 'Fremantle', type: 'City', countryCodes: [] },
        lifeSpan: { begin: '2017', end: null, ended: false },
        genres: [
          { name: 'indie rock', count: 3 },
          { name: 'surf rock', count: 1 },
        ],
      });
      expect(artist!.urls).toEqual([
        { type: 'official homepage', url: 'https://saltbushparade.example/', ended: false },
        { type: 'social network', url: 'https://www.facebook.com/saltbushparade', ended: false },
        { type: 'youtube', url: 'https://www.youtube.com/channel/UCsaltbushParadeFake0001', ended: false },
        { type: 'soundcloud', url: 'https://soundcloud.com/saltbush-parade', ended: false },
        { type: 'free streaming', url: 'https://open.spotify.com/artist/0SaltbushParadeFakeId1', ended: false },
        { type: 'social network', url: 'https://twitter.com/saltbushparade', ended: true },
      ]);
      expect(artist!.tags.map((tag) => tag.name)).toEqual(['indie rock', 'australian']);
      expect(fake.requests[0]!.inc).toEqual(['url-rels', 'tags', 'genres']);
    });

    it('reads a release with its labels, release group and tracks; "[no label]" marks a self-release', async () => {
      const release = await client.getRelease(ids.dashboardRelease);
      expect(release).toMatchObject({
        id: ids.dashboardRelease,
        title: 'Dust on the Dashboard',
        date: '2023-09-01',
        country: 'AU',
        barcode: '9345678901234',
        labels: [{ catalogNumber: 'RGL-014', noLabel: false, label: { id: ids.redgumLane, name: 'Redgum Lane Records', type: 'Original Production' } }],
        releaseGroup: { title: 'Dust on the Dashboard', primaryType: 'EP', secondaryTypes: [] },
        media: [
          {
            format: 'Digital Media',
            trackCount: 2,
            tracks: [
              { position: 1, title: 'Dust on the Dashboard', recordingId: ids.dashboard },
              { position: 2, title: 'Nullarbor Static', recordingId: ids.dashboardB },
            ],
          },
        ],
      });
      const selfReleased = await client.getRelease(ids.lowTideRelease);
      expect(selfReleased!.labels).toEqual([
        { catalogNumber: null, noLabel: true, label: expect.objectContaining({ id: MB_NO_LABEL_ID, name: '[no label]' }) },
      ]);
      expect(fake.requests[0]!.inc).toEqual(['labels', 'recordings', 'release-groups']);
    });

    it('reads a label with its parents: owner, the label it is an imprint of, its distributor', async () => {
      const imprint = await client.getLabel(ids.brightline);
      expect(imprint).toMatchObject({ id: ids.brightline, name: 'Brightline', type: 'Imprint', country: 'US' });
      expect(imprint!.parents).toEqual([
        { kind: 'imprint_of', type: 'imprint', ended: false, label: expect.objectContaining({ id: ids.summitAvenue, name: 'Summit Avenue Music' }) },
      ]);

      const owned = await client.getLabel(ids.summitAvenue);
      expect(owned!.labelCode).toBe(98765);
      expect(owned!.parents).toEqual([
        {
          kind: 'owner',
          type: 'label ownership',
          ended: false,
          label: expect.objectContaining({ id: ids.universal, name: 'Universal Music Group', type: 'Holding' }),
        },
      ]);
      // Its imprint is a relation too, but forward: a child, not a parent.
      expect(owned!.relations).toContainEqual(
        expect.objectContaining({ type: 'imprint', direction: 'forward', label: expect.objectContaining({ id: ids.brightline }) }),
      );

      const indie = await client.getLabel(ids.redgumLane);
      expect(indie!.parents).toEqual([
        { kind: 'distributor', type: 'label distribution', ended: false, label: expect.objectContaining({ name: 'Southern Wire Distribution' }) },
      ]);
      expect(indie!.urls.map((url) => url.type)).toEqual(['official homepage', 'bandcamp']);
      expect(fake.requests[0]!.inc).toEqual(['label-rels', 'url-rels']);
    });

    it('answers null for what MusicBrainz does not have (404 with its error body)', async () => {
      expect(await client.lookupIsrc('ZZXX19900001')).toBeNull();
      expect(await client.getArtist(UNKNOWN)).toBeNull();
      expect(fake.requests.map((request) => request.status)).toEqual([404, 404]);
    });
  });

  describe('failures', () => {
    it('retries a 503 with backoff, then reads the answer', async () => {
      fake.script('artist/', { status: 503 });
      expect(await client.getArtist(ids.tuiHarbour)).toMatchObject({ name: 'Tui Harbour' });
      expect(fake.requests.map((request) => request.status)).toEqual([503, 200]);
      // Backoff starts at max(100 ms, the interval) with equal jitter: at least half of it.
      expect(fake.gaps()[0]).toBeGreaterThanOrEqual(50 - 5);
    });

    it('waits the Retry-After of a 429', async () => {
      fake.script('artist/', { status: 429, headers: { 'Retry-After': '1' } });
      const started = Date.now();
      expect(await client.getArtist(ids.tuiHarbour)).toMatchObject({ name: 'Tui Harbour' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(fake.gaps()[0]).toBeGreaterThanOrEqual(1000 - 50);
    });

    it('honours the Retry-After of a 503 (MusicBrainz throttling) across clients through the shared schedule', async () => {
      fake.script('artist/', { status: 503, headers: { 'Retry-After': '1' } });
      const other = await clientWith({});
      const first = client.getArtist(ids.tuiHarbour);
      await new Promise((resolve) => setTimeout(resolve, 150)); // the 503 has been answered
      const second = other.getLabel(ids.redgumLane);
      await Promise.all([first, second]);
      const [throttled, ...rest] = [...fake.requests].sort((a, b) => a.at - b.at);
      expect(throttled!.status).toBe(503);
      // Neither the retry nor the other client's request went before the second was up.
      for (const request of rest) expect(request.at - throttled!.at).toBeGreaterThanOrEqual(1000 - 50);
    });

    it('gives up with SourceUnavailableError when 503s outlast the retries', async () => {
      const impatient = await clientWith({ MUSICBRAINZ_MAX_RETRIES: '2' });
      fake.script('artist/', { status: 503 }, { status: 502 }, { status: 504 });
      const error = await impatient.getArtist(ids.tuiHarbour).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect(error).toMatchObject({ source: 'musicbrainz', status: 504, message: expect.stringMatching(/after 3 attempt\(s\): HTTP 504/) });
      expect(fake.requests).toHaveLength(3);
    });

    it('counts a request that does not answer in time as failed and retries it', async () => {
      const hasty = await clientWith({ MUSICBRAINZ_TIMEOUT_MS: '150' });
      fake.script('release/', { delayMs: 500 });
      expect(await hasty.getRelease(ids.lowTideRelease)).toMatchObject({ title: 'Low Tide Letters' });
      expect(fake.requests).toHaveLength(2);
    });

    it('retries a connection closed without an answer', async () => {
      fake.script('label/', { hangUp: true });
      expect(await client.getLabel(ids.distroKid)).toMatchObject({ name: 'DistroKid', type: 'Distributor' });
      expect(fake.requests).toHaveLength(2);
    });

    it.each([
      ['a body that is not JSON', { raw: '<html><body>Maintenance</body></html>', contentType: 'text/html' }, /malformed response \(not JSON/],
      ['a body cut short', { truncate: true as const }, /malformed response \(not JSON/],
      ['an empty body', { raw: '' }, /malformed response \(empty body\)/],
      ['JSON of another shape', { raw: '{"id": 42, "name": ["Tui"]}' }, /unexpected response \(artist\.id is not a string\)/],
      ['a list where an object belongs', { raw: '[1, 2, 3]' }, /unexpected response \(artist is not an object\)/],
    ])('throws SourceResponseError, neither retrying nor caching, for %s', async (_, fault, message) => {
      fake.script('artist/', fault);
      const error = await client.getArtist(ids.tuiHarbour).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceResponseError);
      expect((error as Error).message).toMatch(message);
      expect(fake.requests).toHaveLength(1);
      expect(await sources.cache.get('musicbrainz', `artist/${ids.tuiHarbour}`)).toBeNull();
    });

    it('takes a 400 as the answer (SourceResponseError with its status), without retrying', async () => {
      fake.script('isrc/', { status: 400, body: { error: 'Invalid isrc.', help: 'For usage, please see: https://musicbrainz.org/development/mmd' } });
      await expect(client.lookupIsrc(isrcs.lowTide)).rejects.toMatchObject({
        name: 'SourceResponseError',
        status: 400,
        message: expect.stringContaining('HTTP 400: Invalid isrc.'),
      });
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe('cache', () => {
    it('serves a second lookup from the cache, and asks again with forceRefresh', async () => {
      const first = await client.getArtist(ids.tuiHarbour);
      expect(await client.getArtist(ids.tuiHarbour)).toEqual(first);
      expect(fake.requests).toHaveLength(1);

      fake.artists.get(ids.tuiHarbour)!.name = 'Tui Harbour & the Tides';
      expect(await client.getArtist(ids.tuiHarbour, { forceRefresh: true })).toMatchObject({ name: 'Tui Harbour & the Tides' });
      expect(fake.requests).toHaveLength(2);
      // The refreshed answer is the one kept.
      expect(await client.getArtist(ids.tuiHarbour)).toMatchObject({ name: 'Tui Harbour & the Tides' });
      expect(fake.requests).toHaveLength(2);
      fake.artists.get(ids.tuiHarbour)!.name = 'Tui Harbour';
    });

    it('keeps answers for MUSICBRAINZ_CACHE_TTL_HOURS and "not found" for MUSICBRAINZ_NOT_FOUND_TTL_HOURS', async () => {
      await client.getArtist(ids.tuiHarbour);
      await client.getArtist(UNKNOWN);
      expect(await client.getArtist(UNKNOWN)).toBeNull();
      expect(fake.requests).toHaveLength(2);
      const rows = await sources.prisma.$queryRaw<Array<{ key: string; status: number; hours: number }>>`
        SELECT key, status, round(EXTRACT(EPOCH FROM (expires_at - fetched_at)) / 3600)::int AS hours FROM source_cache ORDER BY status`;
      expect(rows).toEqual([
        { key: `artist/${ids.tuiHarbour}`, status: 200, hours: 168 },
        { key: `artist/${UNKNOWN}`, status: 404, hours: 24 },
      ]);
    });

    it('asks again once an answer has expired, and purges expired answers', async () => {
      await client.getLabel(ids.universal);
      await sources.prisma.$executeRaw`UPDATE source_cache SET expires_at = now() - interval '1 minute'`;
      await client.getLabel(ids.universal);
      expect(fake.requests).toHaveLength(2);
      await sources.prisma.$executeRaw`UPDATE source_cache SET expires_at = now() - interval '1 minute'`;
      expect(await sources.cache.purgeExpired('musicbrainz')).toBe(1);
      expect(await sources.cache.get('musicbrainz', `label/${ids.universal}`)).toBeNull();
    });

    it('shares one request between concurrent lookups of the same thing', async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => client.lookupIsrc(isrcs.dashboard)));
      expect(new Set(answers.map((answer) => answer!.recordings[0]!.id))).toEqual(new Set([ids.dashboard]));
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe('usage and status', () => {
    it('counts every request, retries included, and the failed ones, per UTC day', async () => {
      fake.script('artist/', { status: 503 });
      await client.getArtist(ids.marloweVance);
      await client.getArtist(ids.marloweVance); // cached: no request
      await client.getArtist(UNKNOWN); // 404: a request, not an error
      fake.script('label/', { raw: 'oops' });
      await client.getLabel(ids.universal).catch(() => undefined);
      expect(await sources.usage.today('musicbrainz')).toEqual({
        source: 'musicbrainz',
        day: new Date().toISOString().slice(0, 10),
        requests: 4,
        errors: 2,
        units: 0,
      });
      expect(await sources.usage.today('youtube')).toMatchObject({ requests: 0, errors: 0, units: 0 });
    });

    it("reports its status: configured, healthy, last error, the shared schedule and today's usage", async () => {
      const status = await client.sourceStatus();
      expect(status).toMatchObject({
        source: 'musicbrainz',
        configured: true,
        baseUrl: fake.url,
        rateLimit: { nextSlotAt: null, waitMs: 0, minIntervalMs: 20 },
        usageToday: { requests: 0 },
      });

      fake.script('artist/', { raw: 'oops' });
      await client.getArtist(ids.tuiHarbour).catch(() => undefined);
      const failing = await client.sourceStatus();
      expect(failing).toMatchObject({
        healthy: false,
        lastError: { message: expect.stringContaining('malformed response') },
        usageToday: { requests: 1, errors: 1 },
      });
      expect(failing.rateLimit!.nextSlotAt).toBeInstanceOf(Date);

      await client.getArtist(ids.tuiHarbour);
      expect(await client.sourceStatus()).toMatchObject({ healthy: true, lastSuccessAt: expect.any(Date) });
    });
  });
});

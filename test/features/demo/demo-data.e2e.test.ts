import { createReadStream } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAnalyticsService } from '../../../src/features/analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from '../../../src/features/analytics/jobs/analytics-scoring.jobs.js';
import { DemoCatalogService } from '../../../src/features/catalog/demo/demo-catalog.service.js';
import { DEMO_ARTISTS } from '../../../src/features/catalog/demo/demo-catalog.js';
import { DemoDataService } from '../../../src/features/demo/demo-data.service.js';
import { AppConfig } from '../../../src/platform/config/app-config.js';
import { draftLead } from '../../../src/features/leads/analysis/lead-facts.js';
import { LeadStoreService } from '../../../src/features/leads/analysis/lead-store.service.js';
import { DemoLeadsService } from '../../../src/features/leads/demo/demo-leads.service.js';
import { DEMO_LEADS, demoFindings, type DemoLead } from '../../../src/features/leads/demo/demo-leads.js';
import { scoreLead } from '../../../src/features/leads/scoring/score-lead.js';
import { DEMO_SONG_COUNT, DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { SongImportService } from '../../../src/features/dataset/import/song-import.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { spawnApp, waitForHealth } from '../../support/app-process.js';
import { uploadSong } from '../../support/catalog.js';
import { createPrediction } from '../../support/dataset-rows.js';
import { spawnCli } from '../../support/cli-process.js';
import { freePort } from '../../support/free-port.js';
import { hitPredictorFixtures } from '../../support/sample-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { geographyTargets } from '../../../src/features/leads/scoring/geography-targets.js';

const DEMO_CATALOG_SONGS = DEMO_ARTISTS.flatMap((artist) => artist.albums.flatMap((album) => album.songs)).length;

type Listed = { demo: boolean; [field: string]: unknown };

/** Every row of a paged listing (100 a page). */
async function everyPage(t: TestApp, path: string, bearer: string): Promise<Listed[]> {
  const rows: Listed[] = [];
  for (let page = 1; ; page++) {
    const { body } = await request(t.http)
      .get(`${path}${path.includes('?') ? '&' : '?'}page=${page}&page_size=100`)
      .set('authorization', bearer)
      .expect(200);
    rows.push(...body.results);
    if (rows.length >= body.count) return rows;
  }
}

/** Whether a contact (URL or e-mail address) points at a reserved domain only: example.com and its subdomains, or .invalid. */
function onReservedDomain(value: string): boolean {
  const host = value.includes('://') ? new URL(value).hostname : value.slice(value.lastIndexOf('@') + 1);
  return host === 'example.com' || host.endsWith('.example.com') || host.endsWith('.invalid');
}

/** The first start's demo importers, in main.ts's order. */
async function firstStartImports(t: TestApp): Promise<unknown[]> {
  const songs = await t.app.get(DemoSongsService).importIfEmpty();
  const catalog = await t.app.get(DemoCatalogService).importIfEmpty();
  const analytics = await t.app.get(DemoAnalyticsService).importIfEmpty();
  if (analytics) await t.app.get(AnalyticsScoringJobs).scoreEverything();
  return [songs, catalog, analytics, await t.app.get(DemoLeadsService).importIfEmpty()];
}

describe('demo data: marked in the API, on reserved domains, and removable', () => {
  let t: TestApp;
  let admin: TestAccount;
  let realArtist: TestAccount;
  let realSongId: string;
  let realLeadArtistId: string;

  const get = async (path: string) => (await request(t.http).get(path).set('authorization', admin.bearer).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off' });
    admin = await createAccount(t, 'admin');
    // A new install's demo data...
    await firstStartImports(t);
    // ...then real data of every kind beside it: imported songs, a published song, an analysed lead, metrics.
    await t.app.get(SongImportService).import([{ name: hitPredictorFixtures[0]!, stream: createReadStream(hitPredictorFixtures[0]!) }], { clear: false });
    realArtist = await createAccount(t, 'artist');
    realSongId = (await uploadSong(t, realArtist, { title: 'A Real Upload' })).id;
    await t.prisma.artistMetricDaily.create({
      data: { artistId: realArtist.artistId!, platform: 'spotify', date: new Date(Date.UTC(2026, 10, 1)), followers: 120, source: 'api' },
    });
    // A lead as the analysis drafts it from what the sources answered (here: as the demo's first lead, renamed).
    const real: DemoLead = {
      ...DEMO_LEADS[0]!,
      isrc: 'NZABC2600001',
      artist: 'Real Lead',
      links: [['instagram', 'https://www.instagram.com/real.lead.test/']],
    };
    const { findings, previous } = demoFindings(real, 40, new Date());
    const draft = draftLead(findings, previous);
    const score = scoreLead(draft.facts, { now: new Date(), targets: geographyTargets(t.app.get(AppConfig)) });
    realLeadArtistId = (await t.app.get(LeadStoreService).save({ isrc: real.isrc, findings, draft, score, sources: ['musicbrainz'] }))!;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers demo: true for every demo dataset song and demo: false for the imported ones, in the listing, a song, search and the search fallback', async () => {
    const songs = await everyPage(t, '/api/dataset/songs', admin.bearer);
    expect(songs.filter((song) => song.demo)).toHaveLength(DEMO_SONG_COUNT);
    for (const song of songs) expect(song.demo).toBe(song.dataset === 'demo');
    const imported = songs.find((song) => song.dataset === 'hit-predictor')!;
    expect(await get(`/api/dataset/songs/${imported.id}`)).toMatchObject({ demo: false });
    const demo = songs.find((song) => song.demo)!;
    expect(await get(`/api/dataset/songs/${demo.id}`)).toMatchObject({ demo: true, dataset: 'demo' });
    const found = (await get(`/api/dataset/search/?q=${encodeURIComponent(String(demo.track_name))}&limit=100`)).songs as Listed[];
    expect(found.find((song) => song.id === demo.id)).toMatchObject({ demo: true });
    for (const song of found) expect(song.demo).toBe(song.dataset === 'demo');
  });

  it('gives no Spotify link for demo songs, whose track ids are invented, and keeps it for real ones, in searches and predictions', async () => {
    const [demo] = await t.prisma.song.findMany({ where: { dataset: 'demo' }, take: 1 });
    const [real] = await t.prisma.song.findMany({ where: { dataset: 'hit-predictor' }, take: 1 });
    const tracks = async (title: string) => (await get(`/api/spotify/search?q=${encodeURIComponent(title)}`)).tracks as Listed[];
    expect((await tracks(demo!.trackName)).find((track) => track.id === demo!.trackId)).toMatchObject({ demo: true, spotify_url: null });
    expect((await tracks(real!.trackName)).find((track) => track.id === real!.trackId)).toMatchObject({
      demo: false,
      spotify_url: `https://open.spotify.com/track/${real!.trackId}`,
    });

    const [demoPrediction, realPrediction] = [await createPrediction(t, demo!.id), await createPrediction(t, real!.id)];
    expect(await get(`/api/predictions/${demoPrediction.id}`)).toMatchObject({ song: { demo: true, spotify_url: null } });
    expect(await get(`/api/predictions/${realPrediction.id}`)).toMatchObject({
      song: { demo: false, spotify_url: `https://open.spotify.com/track/${real!.trackId}` },
    });
    expect(await get(`/api/admin/predictions/${demoPrediction.id}`)).toMatchObject({ song: { demo: true } });
    expect(await get(`/api/admin/songs/${demo!.id}`)).toMatchObject({ demo: true });
    expect(await get(`/api/admin/songs/${real!.id}`)).toMatchObject({ demo: false });
  });

  it('answers demo: true for the demo label’s songs, albums and artists, and demo: false for a published song and its artist', async () => {
    const songs = await everyPage(t, '/api/songs', admin.bearer);
    expect(songs.filter((song) => song.demo).length).toBeGreaterThan(0);
    for (const song of songs) expect(song.demo).toBe(song.id !== realSongId);
    const albums = await everyPage(t, '/api/albums', admin.bearer);
    expect(albums.length).toBeGreaterThan(0);
    for (const album of albums) expect(album).toMatchObject({ demo: true });
    const demoSong = songs.find((song) => song.demo)!;
    expect(await get(`/api/songs/${demoSong.id}`)).toMatchObject({ demo: true });
    expect(await get(`/api/albums/${albums[0]!.id}`)).toMatchObject({ demo: true });
    expect(await get(`/api/songs/${realSongId}`)).toMatchObject({ demo: false });

    const artists = await everyPage(t, '/api/artists', admin.bearer);
    const demoArtistIds = new Set((await t.prisma.artist.findMany({ where: { demo: true }, select: { id: true } })).map((artist) => artist.id));
    for (const artist of artists) expect(artist.demo).toBe(demoArtistIds.has(String(artist.id)));
    expect(await get(`/api/artists/${(songs.find((song) => song.demo)!.artist as { id: string }).id}/profile`)).toMatchObject({ demo: true });
    expect(await get(`/api/artists/${realArtist.artistId}/profile`)).toMatchObject({ demo: false });
  });

  it('answers demo: true for the demo analytics artists (their metrics and scores) and their alerts, and demo: false for a real artist', async () => {
    const artists = await everyPage(t, '/api/analytics/artists', admin.bearer);
    expect(artists.filter((artist) => artist.demo)).toHaveLength(5);
    expect(artists.find((artist) => artist.id === realArtist.artistId)).toMatchObject({ demo: false });
    const demo = artists.find((artist) => artist.demo)!;
    expect(await get(`/api/analytics/artists/${demo.id}`)).toMatchObject({ demo: true, scores: { fan_value_score: expect.any(Number) } });
    expect((await get(`/api/analytics/dashboard/top-performers?by=fvs`)).results.every((artist: Listed) => artist.demo)).toBe(true);
    const alerts = await everyPage(t, '/api/analytics/alerts', admin.bearer);
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(alert).toMatchObject({ demo: true });
  });

  it('answers demo: true for every demo lead, whose contacts all point at example.com or .invalid, and demo: false for an analysed lead', async () => {
    const leads = await everyPage(t, '/api/leads', admin.bearer);
    expect(leads.filter((lead) => lead.demo)).toHaveLength(DEMO_LEADS.length);
    expect(leads.find((lead) => lead.artist_id === realLeadArtistId)).toMatchObject({ demo: false });
    for (const lead of leads.filter((candidate) => candidate.demo)) {
      const detail = await get(`/api/leads/artists/${lead.artist_id}`);
      expect(detail.demo).toBe(true);
      expect(detail.contacts.length).toBeGreaterThan(0);
      for (const contact of detail.contacts as Array<{ value: string }>) expect(onReservedDomain(contact.value), contact.value).toBe(true);
    }
  });

  it('removes every demo record with `demo remove`, reports what per kind, keeps the real data, and is idempotent', async () => {
    const env = { DATABASE_URL: t.database.url, MODELS_DIR: t.modelsDir, MEDIA_DIR: t.mediaDir, LOG_LEVEL: 'warn' };
    const removal = spawnCli(['demo', 'remove'], env);
    expect(await removal.exit(), removal.output()).toEqual({ code: 0, signal: null });
    expect(removal.output()).toMatch(new RegExp(`dataset songs\\s+${DEMO_SONG_COUNT.toLocaleString('en-US')}`));
    expect(removal.output()).toMatch(new RegExp(`catalog songs\\s+${DEMO_CATALOG_SONGS}\\b`));
    expect(removal.output()).toMatch(/analytics artists\s+5/);
    expect(removal.output()).toMatch(new RegExp(`leads\\s+${DEMO_LEADS.length}\\b`));

    for (const path of ['/api/dataset/songs', '/api/songs', '/api/albums', '/api/artists', '/api/analytics/artists', '/api/analytics/alerts', '/api/leads']) {
      expect(
        (await everyPage(t, path, admin.bearer)).filter((row) => row.demo),
        path,
      ).toEqual([]);
    }
    expect(await t.prisma.artist.count({ where: { demo: true } })).toBe(0);
    expect(await t.prisma.song.count({ where: { dataset: 'hit-predictor' } })).toBeGreaterThan(0);
    expect(await get(`/api/songs/${realSongId}`)).toMatchObject({ demo: false });
    expect(await t.prisma.artistMetricDaily.count({ where: { artistId: realArtist.artistId! } })).toBe(1);
    expect(await get(`/api/leads/artists/${realLeadArtistId}`)).toMatchObject({ demo: false });

    const again = spawnCli(['demo', 'remove'], env);
    expect(await again.exit()).toEqual({ code: 0, signal: null });
    expect(again.output()).toContain('No demo data was left: nothing removed.');
  }, 120_000);

  it('adds no demo data back at the next start, even on emptied tables', async () => {
    expect(await firstStartImports(t)).toEqual([undefined, undefined, undefined, undefined]);
    await t.prisma.$executeRaw`TRUNCATE songs, catalog_songs, artist_metrics_daily, lead_profiles CASCADE`;
    const env = {
      DATABASE_URL: t.database.url,
      MODELS_DIR: t.modelsDir,
      MEDIA_DIR: t.mediaDir,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      GENRE_TRAIN_CRON: 'off',
    };
    const app = spawnApp(env);
    try {
      expect((await waitForHealth(app, 170_000)).status).toBe(200);
    } finally {
      app.child.kill('SIGINT');
      await new Promise((resolve) => app.child.once('exit', resolve));
    }
    expect(await t.prisma.song.count()).toBe(0);
    expect(await t.prisma.catalogSong.count()).toBe(0);
    expect(await t.prisma.artistMetricDaily.count()).toBe(0);
    expect(await t.prisma.leadProfile.count()).toBe(0);
  }, 180_000);

  it('brings the demo data back with `demo add`, and adds only what is missing when run again', async () => {
    expect(await t.app.get(DemoDataService).add()).toEqual({
      datasetSongs: DEMO_SONG_COUNT,
      catalogSongs: DEMO_CATALOG_SONGS,
      analyticsArtists: 5,
      leads: DEMO_LEADS.length,
    });
    expect((await everyPage(t, '/api/leads', admin.bearer)).filter((lead) => lead.demo)).toHaveLength(DEMO_LEADS.length);
    expect(await t.app.get(DemoDataService).add()).toEqual({ datasetSongs: 0, catalogSongs: 0, analyticsArtists: 5, leads: 0 });
  }, 120_000);
});

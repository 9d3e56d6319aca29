import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueueService } from '../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { binaryBody } from '../support/binary-body.js';
import { shapeDifferences } from '../support/documented-shape.js';
import { eventually } from '../support/eventually.js';
import { FakeMusicBrainz, REALISTIC } from '../support/fake-musicbrainz.js';
import { FakeYoutube, YOUTUBE_REALISTIC } from '../support/fake-youtube.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The ISRCs of the Prism document's examples (../shared/seeds/004). */
const [NZ_ISRC, AU_ISRC] = ['USRC17607839', 'GBUM71505078'];

/** The document's request examples, as written there. */
const ANALYZE_ISRC = { isrc: NZ_ISRC, save_to_db: true, include_youtube: true, force_refresh: false };
const ANALYZE_BULK = { isrcs: [NZ_ISRC, AU_ISRC], batch_size: 10 };
const EXPORT = { filters: { tier: 'A', region: 'new_zealand', min_score: 70, youtube_filter: 'has_channel' }, format: 'excel', include_youtube: true };
/** Its troubleshooting call: curl /api/youtube/test -d '{"artist_name": "test"}'. */
const YOUTUBE_TEST = { artist_name: 'test' };

/**
 * The fields the document names (no response bodies are shown): the lead score's components and
 * tier ("Independence Score", "Opportunity Score", "Geographic Score", "Lead Tiers"), under the
 * original's snake_case names; the value types are those of a scored lead.
 */
const SCORES = { total_score: 0, independence_score: 0, opportunity_score: 0, geographic_score: 0, lead_tier: 'A' };
const LEAD = { id: 'uuid', region: 'nz', genres: ['folk'], outreach_status: 'new', ...SCORES };
/** "Dashboard Metrics": total leads, tier, geographic and genre distribution, YouTube coverage, API usage, processing performance. */
const DASHBOARD = {
  leads: 0,
  by_tier: { A: 0, B: 0, C: 0, D: 0 },
  by_region: [{ region: 'nz', count: 0 }],
  by_genre: [{ genre: 'indie folk', count: 0 }],
  youtube: { with_channel: 0, without_channel: 0, not_checked: 0 },
  sources: [{ source: 'youtube', requests_today: 0 }],
  processing: { per_minute_last_hour: 0 },
};
/** "Channel discovery and analytics: subscriber and view count". */
const YOUTUBE_CHECK = {
  status: 'success',
  configured: true,
  channel_data: { channel_id: 'UC', subscribers: 0, views: 0, video_count: 0 },
  quota: { used: 0, limit: 0 },
};

/** Scores on the document's scales: total 0–100 (independence 0–40, opportunity 0–40, geographic 0–20), tiers A–D by the total. */
function expectDocumentedScales(lead: typeof SCORES): void {
  expect(lead.total_score).toBeGreaterThanOrEqual(0);
  expect(lead.total_score).toBeLessThanOrEqual(100);
  for (const [score, max] of [
    [lead.independence_score, 40],
    [lead.opportunity_score, 40],
    [lead.geographic_score, 20],
  ] as const) {
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(max);
  }
  expect(lead.total_score).toBeCloseTo(lead.independence_score + lead.opportunity_score + lead.geographic_score, 1);
  const tier = lead.total_score >= 70 ? 'A' : lead.total_score >= 50 ? 'B' : lead.total_score >= 30 ? 'C' : 'D';
  expect(lead.lead_tier).toBe(tier);
}

/** The Prism Analytics Engine's clients (document 004) replayed against Encore: every request example, a call to each listed path. */
describe('clients of the Prism Analytics Engine', () => {
  const musicBrainz = new FakeMusicBrainz();
  const youtube = new FakeYoutube();
  let t: TestApp;
  let admin: TestAccount;
  let listener: TestAccount;
  let artistId: string;

  beforeAll(async () => {
    await Promise.all([musicBrainz.start(), youtube.start()]);
    musicBrainz.addRealisticFixtures();
    youtube.addRealisticFixtures();
    // The document's ISRCs, as recordings of a self-released New Zealand artist and an Australian indie band.
    const { ids } = REALISTIC;
    musicBrainz.addRecording({
      id: '0b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01',
      title: 'Harbour Lights',
      isrcs: [NZ_ISRC],
      credits: [{ artistId: ids.tuiHarbour }],
      releaseIds: [ids.lowTideRelease],
    });
    musicBrainz.addRecording({
      id: '0b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c02',
      title: 'Red Dirt Radio',
      isrcs: [AU_ISRC],
      credits: [{ artistId: ids.saltbushParade }],
      releaseIds: [ids.dashboardRelease],
    });
    t = await createTestApp({ ...musicBrainz.env(), ...youtube.env(), GENRE_TRAIN_CRON: 'off' });
    [admin, listener] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user')]);
    await t.app.get(JobQueueService).start();
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([musicBrainz.stop(), youtube.stop()]);
  });

  const as = (account: TestAccount) => ({
    get: (path: string) => request(t.http).get(path).set('authorization', account.bearer),
    post: (path: string) => request(t.http).post(path).set('authorization', account.bearer),
    put: (path: string) => request(t.http).put(path).set('authorization', account.bearer),
  });
  const staff = () => as(admin);

  it('POST /api/analyze-isrc with the documented body keeps the lead and answers its scores on the documented scales', async () => {
    const { body } = await staff().post('/api/analyze-isrc').send(ANALYZE_ISRC).expect(200);
    expect(shapeDifferences(body, { isrc: NZ_ISRC, artist_id: 'uuid', youtube: { has_channel: true }, ...SCORES })).toEqual([]);
    expect(body.isrc).toBe(NZ_ISRC);
    expect(body.youtube.channel_id).toBe(YOUTUBE_REALISTIC.ids.tuiHarbour);
    expectDocumentedScales(body);
    expect(body.lead_tier).toBe(body.score.tier);
    artistId = body.artist_id;
  });

  it('POST /api/analyze-bulk with the documented body analyses both ISRCs', async () => {
    const { body } = await staff().post('/api/analyze-bulk').send(ANALYZE_BULK).expect(202);
    expect(body).toMatchObject({ total: 2, duplicates: 0 });
    const job = await eventually('the bulk job to finish', async () => {
      const { body: state } = await staff().get(`/api/jobs/${body.job_id}`).expect(200);
      return state.state === 'completed' && state;
    });
    expect(job.progress).toMatchObject({ total: 2, done: 2, failed: 0 });
  });

  it('POST /api/upload-isrcs takes a CSV file of ISRCs', async () => {
    const csv = `ISRC\n${NZ_ISRC}\n${AU_ISRC}\n`;
    const { body } = await staff().post('/api/upload-isrcs').attach('file', Buffer.from(csv), 'isrcs.csv').expect(202);
    expect(body).toMatchObject({ total: 2, duplicates: 0, invalid: [] });
  });

  it('GET /api/leads filters by the original names (tier, region new_zealand, min_score, youtube_filter) and answers the documented scores', async () => {
    const { body } = await staff().get('/api/leads?tier=a&region=new_zealand&min_score=70&youtube_filter=has_channel').expect(200);
    expect(body.results.map((lead: { id: string }) => lead.id)).toEqual([artistId]);
    const everyLead = (await staff().get('/api/leads').expect(200)).body.results as Array<typeof LEAD>;
    expect(everyLead.length).toBeGreaterThanOrEqual(2);
    for (const lead of everyLead) {
      expect(shapeDifferences(lead, LEAD)).toEqual([]);
      expectDocumentedScales(lead);
    }
  });

  it('GET /api/artist/{id} and PUT /api/artist/{id}/outreach answer for the lead the list names by id', async () => {
    const { body } = await staff().get(`/api/artist/${artistId}`).expect(200);
    expect(shapeDifferences(body, { ...LEAD, recordings: [{ isrc: NZ_ISRC }], youtube_channel: null })).toEqual([]);
    expect(body.recordings.map((recording: { isrc: string }) => recording.isrc)).toContain(NZ_ISRC);
    const { body: updated } = await staff().put(`/api/artist/${artistId}/outreach`).send({ status: 'contacted', notes: 'Called the manager' }).expect(200);
    expect(updated).toMatchObject({ id: artistId, outreach_status: 'contacted', outreach_notes: 'Called the manager' });
  });

  it('POST /api/export with the documented body exports the New Zealand A-tier lead with a channel as Excel', async () => {
    const response = await staff().post('/api/export').send(EXPORT).buffer(true).parse(binaryBody).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.body as Buffer).buffer);
    const names = workbook.getWorksheet('Leads')!.getColumn(2).values.slice(2);
    expect(names).toEqual(['Tui Harbour']);
  });

  it.each([
    ['region', { region: 'europe' }, 'filters.region must be one of nz (new_zealand), au (australia), pacific (pacific_islands), other, unknown'],
    ['tier', { tier: 'E' }, 'filters.tier must be among A, B, C, D'],
    [
      'youtube_filter',
      { youtube_filter: 'famous' },
      'filters.youtube_filter must be one of has_channel, no_channel, high_potential, underperforming, active_uploaders',
    ],
  ])('POST /api/export with an unknown %s answers 400 naming the accepted values', async (_field, filters, message) => {
    const { body } = await staff()
      .post('/api/export')
      .send({ ...EXPORT, filters })
      .expect(400);
    expect(body.message).toContain(message);
  });

  it('POST /api/export with an unknown format answers 400 naming the accepted ones', async () => {
    const { body } = await staff()
      .post('/api/export')
      .send({ ...EXPORT, format: 'docx' })
      .expect(400);
    expect(body.message).toContain('format must be one of csv, excel, json, pdf');
  });

  it('POST /api/youtube/test with the documented body checks the key with one 1-unit call, counted in the quota', async () => {
    const before = youtube.requests.length;
    const { body } = await staff().post('/api/youtube/test').send(YOUTUBE_TEST).expect(200);
    expect(youtube.requests.slice(before).map((logged) => logged.path)).toEqual(['channels']);
    expect(body).toMatchObject({ status: 'not_found', artist_name: 'test', configured: true, channel_data: null, units_spent: 1 });
    const { body: found } = await staff().post('/api/youtube/test').send({ artist_name: 'Tui Harbour' }).expect(200);
    expect(shapeDifferences(found, YOUTUBE_CHECK)).toEqual([]);
    expect(found.channel_data).toMatchObject({ channel_id: YOUTUBE_REALISTIC.ids.tuiHarbour, subscribers: 12_400 });
    expect(found.quota.used).toBe(body.quota.used + 1);
  });

  it('POST /api/youtube/test answers 503 status error with YouTube’s reason when the key is refused', async () => {
    youtube.script('channels', { reason: 'keyInvalid' });
    const { body } = await staff().post('/api/youtube/test').send({}).expect(503);
    expect(body).toMatchObject({ status: 'error', configured: true, quota: { limit: 10_000 } });
    expect(body.message).toContain('YOUTUBE_API_KEY was refused');
  });

  it('GET /api/youtube/opportunities, GET /api/youtube/stats and POST /api/artist/{id}/youtube/refresh answer', async () => {
    const { body: opportunities } = await staff().get('/api/youtube/opportunities').expect(200);
    expect(opportunities.results.find((lead: { artist_id: string }) => lead.artist_id === artistId).opportunities).toContainEqual({
      kind: 'inconsistent_uploads',
      evidence: expect.any(String),
    });
    const { body: stats } = await staff().get('/api/youtube/stats').expect(200);
    expect(stats).toMatchObject({ configured: true, with_channel: 2, quota: { limit: 10_000 } });
    const { body: refreshed } = await staff().post(`/api/artist/${artistId}/youtube/refresh`).expect(200);
    expect(refreshed.youtube_channel).toMatchObject({ channel_id: YOUTUBE_REALISTIC.ids.tuiHarbour, subscribers: 12_400 });
  });

  it('GET /api/status reports each source with its rate limits and YouTube quota', async () => {
    const { body } = await staff().get('/api/status').expect(200);
    expect(body.sources.map((source: { source: string }) => source.source)).toEqual(['musicbrainz', 'spotify', 'lastfm', 'youtube']);
    expect(body.sources[3]).toMatchObject({ configured: true, quota: { limit: 10_000 } });
  });

  it('the dashboard statistics, at /api/leads/dashboard/stats (/api/dashboard/stats is another original’s), carry the documented metrics and the genre distribution', async () => {
    const { body } = await staff().get('/api/leads/dashboard/stats').expect(200);
    expect(shapeDifferences(body, DASHBOARD)).toEqual([]);
    expect(body.by_region).toEqual(
      expect.arrayContaining([expect.objectContaining({ region: 'nz', count: 1 }), expect.objectContaining({ region: 'au', count: 1 })]),
    );
    expect(body.by_genre).toEqual(
      expect.arrayContaining([
        { genre: 'indie folk', count: 1 },
        { genre: 'indie rock', count: 1 },
      ]),
    );
  });

  it('GET /api/health answers (Encore’s health, which another original’s clients read too)', async () => {
    const { body } = await request(t.http).get('/api/health').expect(200);
    expect(body.status).toBe('ok');
  });

  it.each([
    ['post', '/api/analyze-isrc'],
    ['post', '/api/analyze-bulk'],
    ['post', '/api/upload-isrcs'],
    ['get', '/api/leads'],
    ['get', '/api/artist/00000000-0000-4000-8000-000000000000'],
    ['put', '/api/artist/00000000-0000-4000-8000-000000000000/outreach'],
    ['post', '/api/export'],
    ['post', '/api/youtube/test'],
    ['get', '/api/youtube/opportunities'],
    ['get', '/api/youtube/stats'],
    ['post', '/api/artist/00000000-0000-4000-8000-000000000000/youtube/refresh'],
    ['get', '/api/status'],
  ] as const)('%s %s is for label staff as at its Encore path: 401 signed out, 403 for a listener', async (method, path) => {
    await request(t.http)[method](path).expect(401);
    await as(listener)[method](path).expect(403);
  });
});

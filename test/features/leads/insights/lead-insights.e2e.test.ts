import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { binaryBody } from '../../../support/binary-body.js';
import { FakeMusicBrainz, REALISTIC } from '../../../support/fake-musicbrainz.js';
import { FakeYoutube, YOUTUBE_REALISTIC } from '../../../support/fake-youtube.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const run = promisify(execFile);

describe('Leads dashboard, sources status, YouTube views and exports', () => {
  const musicBrainz = new FakeMusicBrainz();
  const youtube = new FakeYoutube();
  let t: TestApp;
  let admin: TestAccount;
  let folder: string;
  let tuiId: string;

  beforeAll(async () => {
    await Promise.all([musicBrainz.start(), youtube.start()]);
    musicBrainz.addRealisticFixtures();
    youtube.addRealisticFixtures();
    folder = await mkdtemp(join(tmpdir(), 'encore-lead-exports-'));
    t = await createTestApp({ ...musicBrainz.env(), ...youtube.env(), GENRE_TRAIN_CRON: 'off' });
    admin = await createAccount(t, 'admin');
    for (const isrc of [REALISTIC.isrcs.lowTide, REALISTIC.isrcs.dashboard, REALISTIC.isrcs.islandTime]) {
      const { body } = await analyze(isrc);
      if (isrc === REALISTIC.isrcs.lowTide) tuiId = body.artist_id;
    }
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([musicBrainz.stop(), youtube.stop()]);
    await rm(folder, { recursive: true, force: true });
  });

  async function analyze(isrc: string): Promise<request.Response> {
    return request(t.http).post('/api/leads/analyze-isrc').set('authorization', admin.bearer).send({ isrc }).expect(200);
  }
  const get = (path: string) => request(t.http).get(path).set('authorization', admin.bearer).expect(200);
  const exported = (body: object) => request(t.http).post('/api/leads/export').set('authorization', admin.bearer).send(body).buffer(true).parse(binaryBody);

  it('sums the leads by tier, region, independence and outreach, with YouTube coverage and source usage', async () => {
    const { body } = await get('/api/leads/dashboard/stats');
    expect(body).toMatchObject({ leads: 3, recordings: 3, youtube: { with_channel: 2, without_channel: 1, not_checked: 0 } });
    expect(Object.values(body.by_tier as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(3);
    expect(body.by_region).toEqual(
      expect.arrayContaining([
        { region: 'nz', name: 'New Zealand', count: 1 },
        { region: 'pacific', name: 'Pacific Islands', count: 1 },
      ]),
    );
    expect(body.by_outreach.new).toBe(3);
    const sources = Object.fromEntries(body.sources.map((source: { source: string }) => [source.source, source]));
    expect(sources.musicbrainz).toMatchObject({ configured: true, min_interval_ms: 20 });
    expect(sources.musicbrainz.requests_today).toBeGreaterThan(0);
    expect(sources.spotify.configured).toBe(false);
    expect(sources.youtube.units_today).toBeGreaterThanOrEqual(100);
  });

  it('reports each source configured or not, healthy, with its rate limit and quota', async () => {
    const { body } = await get('/api/leads/status');
    expect(body.sources.map((source: { source: string }) => source.source)).toEqual(['musicbrainz', 'spotify', 'lastfm', 'youtube']);
    expect(body.sources[0]).toMatchObject({ configured: true, healthy: true, rate_limit: { min_interval_ms: 20 } });
    expect(body.sources[2]).toMatchObject({ source: 'lastfm', configured: false });
    expect(body.sources[3].quota).toEqual({ used: expect.any(Number), limit: 10_000 });
  });

  it('lists YouTube opportunities with their evidence, by kind', async () => {
    const { body } = await get('/api/leads/youtube/opportunities');
    expect(body.count).toBeGreaterThan(0);
    const tui = body.results.find((lead: { artist_id: string }) => lead.artist_id === tuiId);
    expect(tui.youtube.channel_id).toBe(YOUTUBE_REALISTIC.ids.tuiHarbour);
    expect(tui.opportunities).toContainEqual({ kind: 'inconsistent_uploads', evidence: expect.any(String) });
    const onlyInconsistent = await get('/api/leads/youtube/opportunities?kind=inconsistent_uploads');
    expect(
      onlyInconsistent.body.results.every((lead: { youtube: { opportunities: string[] } }) => lead.youtube.opportunities.includes('inconsistent_uploads')),
    ).toBe(true);
    await request(t.http).get('/api/leads/youtube/opportunities?kind=famous').set('authorization', admin.bearer).expect(400);
    const stats = await get('/api/leads/youtube/stats');
    expect(stats.body).toMatchObject({ configured: true, with_channel: 2, without_channel: 1 });
    expect(stats.body.by_opportunity.inconsistent_uploads).toBeGreaterThanOrEqual(1);
  });

  it('asks YouTube again for one lead on refresh, and answers 404 for an artist without a lead', async () => {
    const before = youtube.requests.length;
    const { body } = await request(t.http).post(`/api/leads/artists/${tuiId}/youtube/refresh`).set('authorization', admin.bearer).expect(200);
    expect(youtube.requests.length).toBeGreaterThan(before);
    expect(body.youtube_channel).toMatchObject({ channel_id: YOUTUBE_REALISTIC.ids.tuiHarbour, subscribers: 12_400 });
    await request(t.http).post('/api/leads/artists/00000000-0000-4000-8000-000000000000/youtube/refresh').set('authorization', admin.bearer).expect(404);
  });

  it('exports CSV that csv-parse reads, best lead first, as an attachment', async () => {
    const response = await exported({ format: 'csv' }).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="encore-leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(response.body as Buffer, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(3);
    expect(Object.values(rows[0]!)).toContain('Tui Harbour');
  });

  it('exports a real .xlsx that exceljs reads back, with a leads and a summary sheet', async () => {
    const response = await exported({ format: 'excel', filters: { tier: ['A'] } }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.body as Buffer).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Leads', 'Summary']);
    const leads = workbook.getWorksheet('Leads')!;
    const names = leads.getColumn(2).values.slice(2);
    expect(names).toContain('Tui Harbour');
    expect(leads.rowCount - 1).toBe((await get('/api/leads?tier=A')).body.count);
  });

  it('exports JSON with the summary and the leads', async () => {
    const response = await exported({ format: 'json', include_youtube: false }).expect(200);
    const document = JSON.parse((response.body as Buffer).toString('utf8'));
    expect(document.summary.total).toBe(3);
    expect(document.leads.map((lead: { artist_name: string }) => lead.artist_name)).toContain('Lagi Faʻatasi');
    expect(document.leads[0].youtube).toBeUndefined();
  });

  it('exports a PDF report whose text pdftotext reads', async () => {
    const response = await exported({ format: 'pdf' }).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = join(folder, 'report.pdf');
    await writeFile(file, response.body as Buffer);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    expect(stdout).toContain('A&R lead report');
    expect(stdout).toContain('Tui Harbour');
    expect(stdout).toContain('Leads per tier');
  });

  it('refuses an unknown format and bad filters with a 400 naming them', async () => {
    expect((await exported({ format: 'docx' }).expect(400)).body.toString()).toContain('format must be one of csv, excel, json, pdf');
    expect((await exported({ format: 'csv', filters: { min_score: 500 } }).expect(400)).body.toString()).toContain('min_score must be at most 100');
  });
});

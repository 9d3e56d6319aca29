import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { FakeMusicBrainz, REALISTIC } from '../../support/fake-musicbrainz.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('Leads: analysing ISRCs, the lead list, details and outreach', () => {
  const musicBrainz = new FakeMusicBrainz();
  let t: TestApp;
  let admin: TestAccount;
  let listener: TestAccount;

  beforeAll(async () => {
    await musicBrainz.start();
    musicBrainz.addRealisticFixtures();
    t = await createTestApp({ ...musicBrainz.env(), GENRE_TRAIN_CRON: 'off' });
    [admin, listener] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user')]);
  });
  afterAll(async () => {
    await t?.close();
    await musicBrainz.stop();
  });

  const analyze = (body: object, account = admin) => request(t.http).post('/api/leads/analyze-isrc').set('authorization', account.bearer).send(body);
  const get = (path: string) => request(t.http).get(path).set('authorization', admin.bearer);

  it('analyses a self-released New Zealand recording, whatever the ISRC spelling, into an A-tier lead with reasons and contacts', async () => {
    const { body } = await analyze({ isrc: ' nz-th1-24-00031 ' }).expect(200);
    expect(body.isrc).toBe(REALISTIC.isrcs.lowTide);
    expect(body.recording).toMatchObject({ title: 'Low Tide Letters', length_ms: 214_000 });
    expect(body.artist).toMatchObject({ name: 'Tui Harbour', country: 'NZ', genres: ['indie folk'] });
    expect(body.label).toMatchObject({ names: ['[no label]'], independence_class: 'self_released' });
    expect(body.score).toMatchObject({ tier: 'A', independence_class: 'self_released', region: 'nz' });
    expect(body.score.independence.points).toBe(40);
    expect(body.score.geography.points).toBe(20);
    expect(body.score.reasons[0]).toMatch(/self-released/i);
    expect(body.contacts).toEqual(
      expect.arrayContaining([
        { kind: 'website', value: 'https://tuiharbour.example/', source: 'musicbrainz' },
        { kind: 'instagram', value: 'https://www.instagram.com/tuiharbour.music/', source: 'musicbrainz' },
        { kind: 'bandcamp', value: 'https://tuiharbour.bandcamp.com/', source: 'musicbrainz' },
      ]),
    );
    expect(body.sources.find((source: { source: string }) => source.source === 'musicbrainz')).toEqual({
      source: 'musicbrainz',
      status: 'answered',
      detail: null,
    });
    expect(body.artist_id).toEqual(expect.any(String));
  });

  it('finds a major behind an imprint of a label the major owns', async () => {
    const { body } = await analyze({ isrc: REALISTIC.isrcs.glassSkyline, save_to_db: false }).expect(200);
    expect(body.label.names).toEqual(['Brightline', 'Summit Avenue Music', 'Universal Music Group']);
    expect(body.score.independence_class).toBe('major');
    expect(body.score.independence.points).toBe(0);
    expect(body.artist_id).toBeNull();
  });

  it('does not keep a lead analysed with save_to_db false', async () => {
    expect(await t.prisma.leadRecording.count({ where: { isrc: REALISTIC.isrcs.glassSkyline } })).toBe(0);
  });

  it('reads a second recording of an artist from the cache and keeps one lead for both', async () => {
    await analyze({ isrc: REALISTIC.isrcs.dashboard }).expect(200);
    const before = musicBrainz.requests.length;
    const { body } = await analyze({ isrc: REALISTIC.isrcs.dashboardB }).expect(200);
    // The ISRC is new and its recording links to no work; the artist, discography, release and labels were asked for the first recording.
    expect(musicBrainz.requests.slice(before).map((logged) => logged.path.split('/')[0])).toEqual(['isrc']);
    expect(body.label).toMatchObject({ names: ['Redgum Lane Records'], distributor: 'Southern Wire Distribution', independence_class: 'indie_label' });
    const detail = await get(`/api/leads/artists/${body.artist_id}`).expect(200);
    expect(detail.body.isrcs.sort()).toEqual([REALISTIC.isrcs.dashboard, REALISTIC.isrcs.dashboardB].sort());
    expect(detail.body.recordings).toHaveLength(2);
  });

  it('asks MusicBrainz again with force_refresh', async () => {
    const before = musicBrainz.requests.length;
    await analyze({ isrc: REALISTIC.isrcs.dashboard, force_refresh: true }).expect(200);
    expect(musicBrainz.requests.length - before).toBeGreaterThanOrEqual(4);
  });

  it('answers 400 naming the wrong part of an invalid ISRC', async () => {
    const { body } = await analyze({ isrc: 'US-RC1-7X-07839' }).expect(400);
    expect(JSON.stringify(body)).toContain('the year');
    const missing = await analyze({}).expect(400);
    expect(JSON.stringify(missing.body)).toContain('isrc');
  });

  it('answers 404 for an ISRC no source knows, saying which sources were asked', async () => {
    const { body } = await analyze({ isrc: 'GBAYE0000001' }).expect(404);
    expect(body.message).toContain('musicbrainz: no recording with this ISRC');
  });

  it('answers 503 when MusicBrainz does not answer, and stores nothing', async () => {
    musicBrainz.script('isrc/', ...Array.from({ length: 10 }, () => ({ status: 503 })));
    const { body } = await analyze({ isrc: 'QZES82400417' }).expect(503);
    musicBrainz.clearFaults();
    expect(body.message).toContain('musicbrainz');
    expect(await t.prisma.leadRecording.count({ where: { isrc: 'QZES82400417' } })).toBe(0);
  });

  it('lists leads best first, with filters by tier, region, minimum score and search', async () => {
    const all = await get('/api/leads').expect(200);
    expect(all.body.count).toBe(2);
    expect(all.body.results.map((lead: { artist_name: string }) => lead.artist_name)).toEqual(['Tui Harbour', 'The Saltbush Parade']);
    expect(all.body.results[0]).toMatchObject({
      tier: 'A',
      region: 'nz',
      independence: 'self_released',
      outreach_status: 'new',
      isrcs: [REALISTIC.isrcs.lowTide],
    });
    expect((await get('/api/leads?tier=B,C,D').expect(200)).body.results.map((lead: { region: string }) => lead.region)).toEqual(['au']);
    expect((await get('/api/leads?region=nz').expect(200)).body.count).toBe(1);
    expect((await get('/api/leads?min_score=101').expect(400)).body.message).toContain('min_score must be at most 100');
    expect((await get('/api/leads?search=saltbush').expect(200)).body.results[0].artist_name).toBe('The Saltbush Parade');
    expect((await get('/api/leads?tier=E').expect(400)).body.message).toContain('tier must be among A, B, C, D');
  });

  it('keeps each outreach change with its notes and who made it', async () => {
    const lead = (await get('/api/leads?region=nz').expect(200)).body.results[0];
    const put = (body: object) => request(t.http).put(`/api/leads/artists/${lead.artist_id}/outreach`).set('authorization', admin.bearer).send(body);
    await put({ status: 'contacted', notes: 'Emailed via website form' }).expect(200);
    const { body } = await put({ status: 'responded' }).expect(200);
    expect(body.outreach_status).toBe('responded');
    expect(body.outreach_notes).toBe('Emailed via website form');
    expect(body.outreach_history.map((event: { status: string }) => event.status)).toEqual(['responded', 'contacted']);
    expect(body.outreach_history[0].username).toBe(admin.username);
    expect((await put({ status: 'signed' }).expect(400)).body.message).toContain('status must be one of');
    expect((await get('/api/leads?outreach_status=responded').expect(200)).body.count).toBe(1);
  });

  it('answers 409 not_configured to a YouTube test without YOUTUBE_API_KEY', async () => {
    const { body } = await request(t.http).post('/api/leads/youtube/test').set('authorization', admin.bearer).send({}).expect(409);
    expect(body).toMatchObject({ status: 'not_configured', configured: false, message: 'YouTube is not configured: set YOUTUBE_API_KEY' });
  });

  it('answers 400 naming the accepted regions, original names included, for a region no target has', async () => {
    expect((await get('/api/leads?region=new_zealand').expect(200)).body.count).toBe((await get('/api/leads?region=nz').expect(200)).body.count);
    const { body } = await get('/api/leads?region=europe').expect(400);
    expect(body.message).toBe('region must be one of nz (new_zealand), au (australia), pacific (pacific_islands), other, unknown; got "europe"');
  });

  it('is for label staff: listeners get 403, anonymous callers 401', async () => {
    await analyze({ isrc: REALISTIC.isrcs.lowTide }, listener).expect(403);
    await request(t.http).get('/api/leads').expect(401);
    await request(t.http).get('/api/leads').set('authorization', listener.bearer).expect(403);
  });
});

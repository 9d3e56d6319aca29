import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { FakeMusicBrainz, REALISTIC } from '../../support/fake-musicbrainz.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** An indie New Zealand artist with a small discography, and a song a publisher administers. */
const KAURI = {
  artist: '5a1e2d3c-4b5a-4698-8776-655443322110',
  label: '6b2f3e4d-5c6b-47a9-9887-766554433221',
  publisher: '7c3a4f5e-6d7c-48ba-a998-877665544332',
  work: '8d4b5a6f-7e8d-49cb-baa9-988776655443',
  recording: '9e5c6b7a-8f9e-4adc-8bba-a99887766554',
  otherRecording: 'af6d7c8b-9a0f-4bed-9ccb-baa998877665',
  releases: ['b07e8d9c-0b1a-4cfe-8ddc-cbbaa9988776', 'c18f9e0d-1c2b-4d0f-9eed-dccbbaa99887', 'd2909f1e-2d3c-4e10-afee-eddccbbaa998'],
  moreReleases: ['e3a1a02f-3e4d-4f21-80ff-feeddccbbaa9', 'f4b2b130-4f5e-4032-9100-0ffeeddccbba'],
  isrc: 'NZKL12500001',
  otherIsrc: 'NZKL12500002',
};

describe('Leads: release count and publisher facts from MusicBrainz in the score', () => {
  const musicBrainz = new FakeMusicBrainz();
  let t: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    await musicBrainz.start();
    musicBrainz.addRealisticFixtures();
    musicBrainz.addArtist({ id: KAURI.artist, name: 'Kauri Lane', type: 'Group', area: { name: 'New Zealand', type: 'Country', countryCodes: ['NZ'] } });
    musicBrainz.addLabel({ id: KAURI.label, name: 'Pōhutukawa Records', type: 'Original Production', country: 'NZ' });
    musicBrainz.addLabel({ id: KAURI.publisher, name: 'Rangitoto Songs', type: 'Publisher', country: 'NZ' });
    musicBrainz.addWork({ id: KAURI.work, title: 'Ferry Lights', writerIds: [KAURI.artist], publishers: [{ labelId: KAURI.publisher }] });
    musicBrainz.addRecording({
      id: KAURI.recording,
      title: 'Ferry Lights',
      isrcs: [KAURI.isrc],
      credits: [{ artistId: KAURI.artist }],
      releaseIds: [KAURI.releases[2]!],
      workIds: [KAURI.work],
    });
    musicBrainz.addRecording({
      id: KAURI.otherRecording,
      title: 'Harbour Bridge',
      isrcs: [KAURI.otherIsrc],
      credits: [{ artistId: KAURI.artist }],
      releaseIds: [KAURI.releases[1]!],
    });
    KAURI.releases.forEach((id, i) =>
      musicBrainz.addRelease({
        id,
        title: `Kauri Lane ${i + 1}`,
        date: `202${2 + i}-03-01`,
        country: 'NZ',
        labels: [{ labelId: KAURI.label }],
        artistIds: [KAURI.artist],
        recordingIds: i === 2 ? [KAURI.recording] : i === 1 ? [KAURI.otherRecording] : [],
      }),
    );
    t = await createTestApp({ ...musicBrainz.env(), GENRE_TRAIN_CRON: 'off' });
    admin = await createAccount(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await musicBrainz.stop();
  });

  const analyze = (body: object) => request(t.http).post('/api/leads/analyze-isrc').set('authorization', admin.bearer).send(body);
  const factor = (body: { score: { opportunity: { items: Array<{ factor: string }> } } }, name: string) =>
    body.score.opportunity.items.find((item) => item.factor === name);
  const input = (inputs: Array<{ fact: string }>, fact: string) => inputs.find((item) => item.fact === fact);

  it('scores the "3 releases or fewer" basic-distribution points from the discography, and takes them away when it grows to 5', async () => {
    const small = (await analyze({ isrc: KAURI.isrc }).expect(200)).body;
    expect(small.score.independence_class).toBe('indie_label');
    expect(factor(small, 'basic_distribution')).toMatchObject({ points: 15, reason: 'Basic distribution: only 3 releases' });
    expect(input(small.scoring_inputs, 'release_count')).toMatchObject({ known: true, value: 3 });

    for (const [i, id] of KAURI.moreReleases.entries()) {
      musicBrainz.addRelease({ id, title: `Kauri Lane Live ${i + 1}`, date: '2019-05-01', labels: [{ labelId: KAURI.label }], artistIds: [KAURI.artist] });
    }
    const grown = (await analyze({ isrc: KAURI.isrc, force_refresh: true }).expect(200)).body;
    expect(factor(grown, 'basic_distribution')).toMatchObject({ points: 0, reason: 'Established distribution: indie label (5 releases)' });
    expect(input(grown.scoring_inputs, 'release_count')).toMatchObject({ known: true, value: 5 });
    // 15 raw opportunity points × 40 / 85 = 7.06 (each total rounded on its own: ± 0.01)
    expect(small.score.total - grown.score.total).toBeCloseTo(7.06, 1);
  });

  it("scores no publishing points when a label publishes the recording's work", async () => {
    const { body } = await analyze({ isrc: KAURI.isrc, save_to_db: false }).expect(200);
    expect(factor(body, 'no_publishing')).toMatchObject({ points: 0, reason: 'Has a publisher' });
    expect(input(body.scoring_inputs, 'has_publisher')).toEqual({ fact: 'has_publisher', known: true, value: true, detail: 'Published by Rangitoto Songs' });
  });

  it('scores full publishing points for a documented song with no publisher, and half for a song MusicBrainz knows by title only', async () => {
    const documented = (await analyze({ isrc: REALISTIC.isrcs.lowTide, save_to_db: false }).expect(200)).body;
    expect(factor(documented, 'no_publishing')).toMatchObject({ points: 10 });
    const bare = (await analyze({ isrc: REALISTIC.isrcs.dashboard, save_to_db: false }).expect(200)).body;
    expect(factor(bare, 'no_publishing')).toMatchObject({ points: 5, reason: 'Publishing not known (half points)' });
    expect(input(bare.scoring_inputs, 'has_publisher')).toMatchObject({
      known: false,
      value: null,
      detail: "The recording's 1 work in MusicBrainz have no writers or publishers documented",
    });
  });

  it("leaves publishing unknown when the works lookup fails, and says so in MusicBrainz's outcome", async () => {
    musicBrainz.script(`recording/${KAURI.recording}`, ...Array.from({ length: 10 }, () => ({ status: 503 })));
    const { body } = await analyze({ isrc: KAURI.isrc, save_to_db: false, force_refresh: true }).expect(200);
    musicBrainz.clearFaults();
    expect(factor(body, 'no_publishing')).toMatchObject({ points: 5 });
    expect(input(body.scoring_inputs, 'has_publisher')).toMatchObject({ known: false, detail: "The recording's works were not read from MusicBrainz" });
    expect(body.sources.find((source: { source: string }) => source.source === 'musicbrainz')).toMatchObject({
      status: 'answered',
      detail: expect.stringContaining('works and rights'),
    });
  });

  it("shows in the lead's detail which facts were found and which are unknown", async () => {
    const { body } = await analyze({ isrc: KAURI.isrc }).expect(200);
    const detail = (await request(t.http).get(`/api/leads/artists/${body.artist_id}`).set('authorization', admin.bearer).expect(200)).body;
    const known = Object.fromEntries(detail.scoring_inputs.map((item: { fact: string; known: boolean }) => [item.fact, item.known]));
    expect(known).toEqual({
      label: true,
      country: true,
      platforms: true,
      release_count: true,
      has_publisher: true,
      latest_release_date: true,
      spotify_followers: false,
      lastfm_listeners: false,
      youtube: false,
    });
    expect(input(detail.scoring_inputs, 'spotify_followers')).toMatchObject({ value: null, detail: 'Spotify not asked or artist not found there' });
  });

  it('asks MusicBrainz for the works in one recording lookup and for the discography as a one-item browse', async () => {
    musicBrainz.requests.length = 0;
    await analyze({ isrc: KAURI.isrc, save_to_db: false, force_refresh: true }).expect(200);
    expect(musicBrainz.requestsTo('isrc/')[0]!.inc).toContain('work-rels');
    expect(musicBrainz.requestsTo(`recording/${KAURI.recording}`).map((logged) => logged.inc.sort())).toEqual([
      ['artist-rels', 'label-rels', 'work-level-rels', 'work-rels'],
    ]);
    expect(musicBrainz.requestsTo('release-group').map((logged) => logged.query)).toEqual([
      { artist: KAURI.artist, 'release-group-status': 'website-default', limit: '1', fmt: 'json' },
    ]);
  });

  it('asks nothing more for a recording that links to no work, by an artist whose discography is cached', async () => {
    musicBrainz.requests.length = 0;
    const { body } = await analyze({ isrc: KAURI.otherIsrc, save_to_db: false }).expect(200);
    expect(musicBrainz.requests.map((logged) => logged.path.split('/')[0])).not.toContain('recording');
    expect(musicBrainz.requestsTo('release-group')).toEqual([]);
    expect(input(body.scoring_inputs, 'has_publisher')).toMatchObject({ known: false, detail: 'MusicBrainz links no work to the recording' });
    expect(input(body.scoring_inputs, 'release_count')).toMatchObject({ known: true, value: 5 });
  });
});

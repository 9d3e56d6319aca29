import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { FakeLastfm } from '../../support/fake-lastfm.js';
import { FakeMusicBrainz, REALISTIC } from '../../support/fake-musicbrainz.js';
import { FakeSpotify } from '../../support/fake-spotify.js';
import { FakeYoutube, YOUTUBE_REALISTIC } from '../../support/fake-youtube.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const TUI_SPOTIFY_ID = '0TuiHarbourFakeId00001';

describe('Leads with every source configured (MusicBrainz, Spotify, Last.fm, YouTube fakes)', () => {
  const musicBrainz = new FakeMusicBrainz();
  const spotify = new FakeSpotify();
  const lastfm = new FakeLastfm();
  const youtube = new FakeYoutube();
  let t: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    await Promise.all([musicBrainz.start(), lastfm.start(), youtube.start()]);
    spotify.start();
    musicBrainz.addRealisticFixtures();
    lastfm.addRealisticFixtures();
    youtube.addRealisticFixtures();
    spotify.addTrack({
      id: '1LowTideLettersFakeId1',
      name: 'Low Tide Letters',
      popularity: 38,
      external_ids: { isrc: REALISTIC.isrcs.lowTide },
      album: {
        id: '2LowTideAlbumFakeId001',
        name: 'Low Tide Letters',
        release_date: '2024-05-17',
        release_date_precision: 'day',
        album_type: 'single',
        artists: [],
        available_markets: ['NZ'],
        external_urls: { spotify: '' },
        href: '',
        images: [],
        type: 'album',
        uri: '',
        total_tracks: 1,
      } as SpotifyApi.AlbumObjectSimplified,
      artists: [
        {
          id: TUI_SPOTIFY_ID,
          name: 'Tui Harbour',
          type: 'artist',
          uri: `spotify:artist:${TUI_SPOTIFY_ID}`,
          href: '',
          external_urls: { spotify: `https://open.spotify.com/artist/${TUI_SPOTIFY_ID}` },
        },
      ],
    });
    spotify.addAlbum({
      id: '2LowTideAlbumFakeId001',
      name: 'Low Tide Letters',
      label: 'Tui Harbour',
      copyrights: [{ text: '℗ 2024 Tui Harbour', type: 'P' }],
      release_date: '2024-05-17',
    });
    spotify.addArtist({ id: TUI_SPOTIFY_ID, name: 'Tui Harbour', followers: { href: null, total: 15_200 }, popularity: 41, genres: ['nz folk'] });
    t = await createTestApp({ ...musicBrainz.env(), ...spotify.env, ...lastfm.env(), ...youtube.env(), GENRE_TRAIN_CRON: 'off' });
    admin = await createAccount(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    spotify.stop();
    await Promise.all([musicBrainz.stop(), lastfm.stop(), youtube.stop()]);
  });

  const analyze = (body: object) => request(t.http).post('/api/leads/analyze-isrc').set('authorization', admin.bearer).send(body);

  it('combines the four sources: Spotify audience, Last.fm listeners, the YouTube channel, and contacts from each', async () => {
    const { body } = await analyze({ isrc: REALISTIC.isrcs.lowTide }).expect(200);
    expect(body.sources).toEqual([
      { source: 'musicbrainz', status: 'answered', detail: null },
      { source: 'spotify', status: 'answered', detail: null },
      { source: 'lastfm', status: 'answered', detail: null },
      { source: 'youtube', status: 'answered', detail: null },
    ]);
    expect(body.artist.spotify).toEqual({ id: TUI_SPOTIFY_ID, followers: 15_200, popularity: 41, track_popularity: 38 });
    expect(body.artist.lastfm).toMatchObject({ listeners: 48_213, playcount: 612_004 });
    expect(body.artist.genres).toEqual(['indie folk', 'nz folk']);
    expect(body.youtube).toMatchObject({ has_channel: true, channel_id: YOUTUBE_REALISTIC.ids.tuiHarbour, subscribers: 12_400 });
    expect(body.contacts).toEqual(
      expect.arrayContaining([{ kind: 'youtube', value: `https://www.youtube.com/channel/${YOUTUBE_REALISTIC.ids.tuiHarbour}`, source: 'youtube' }]),
    );
    // Every upload of the fixture channel is over 90 days old by now.
    expect(body.youtube_opportunities.map((opportunity: { kind: string }) => opportunity.kind)).toContain('inconsistent_uploads');
    const lead = (await request(t.http).get(`/api/leads/artists/${body.artist_id}`).set('authorization', admin.bearer).expect(200)).body;
    expect(lead).toMatchObject({
      spotify_followers: 15_200,
      lastfm_listeners: 48_213,
      youtube: { channel_id: YOUTUBE_REALISTIC.ids.tuiHarbour, subscribers: 12_400 },
    });
  });

  it('scores stream growth from the previous analysis', async () => {
    spotify.addArtist({ id: TUI_SPOTIFY_ID, name: 'Tui Harbour', followers: { href: null, total: 18_240 }, popularity: 44, genres: ['nz folk'] });
    const { body } = await analyze({ isrc: REALISTIC.isrcs.lowTide, force_refresh: true }).expect(200);
    const growing = body.score.opportunity.items.find((item: { factor: string }) => item.factor === 'growing_streams');
    expect(growing.points).toBe(15);
    expect(growing.reason).toContain('15,200 → 18,240');
  });

  it('goes on without a source that fails, and says why', async () => {
    lastfm.script(...Array.from({ length: 6 }, () => ({ status: 503 })));
    const { body } = await analyze({ isrc: REALISTIC.isrcs.dashboard, force_refresh: true, include_youtube: false }).expect(200);
    lastfm.reset();
    expect(body.sources.find((source: { source: string }) => source.source === 'lastfm')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('503'),
    });
    expect(body.sources.find((source: { source: string }) => source.source === 'youtube')).toEqual({
      source: 'youtube',
      status: 'skipped',
      detail: 'include_youtube is false',
    });
    expect(body.score.tier).toEqual(expect.any(String));
  });
});

import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import type { Song } from '../../../src/generated/prisma/client.js';
import { artists, FakeSpotify } from '../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const TRACK = '0VjIjW4GlUZAMYd2vXMi3b';

describe('GET|POST /api/spotify/search/', () => {
  const spotify = new FakeSpotify();
  let withSpotify: TestApp;
  let withoutSpotify: TestApp;
  let datasetSong: Song;

  beforeAll(async () => {
    spotify.start();
    withSpotify = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0' });
    withoutSpotify = await createTestApp();
    for (const t of [withSpotify, withoutSpotify]) await t.app.get(DemoSongsService).import(300);
    datasetSong = (await withSpotify.prisma.song.findFirst({ orderBy: { id: 'asc' } }))!;
    spotify.addTrack({ id: TRACK, name: 'Blinding Lights', artists: artists('The Weeknd'), duration_ms: 200_040, explicit: false, popularity: 91 });
    spotify.addTrack({ id: datasetSong.trackId!, name: 'Blinding Lights (Live)', artists: artists('The Weeknd') });
  });
  afterAll(async () => {
    await withSpotify.close();
    await withoutSpotify.close();
    spotify.stop();
  });

  it('answers Spotify’s tracks, marking those in the dataset', async () => {
    const { body } = await request(withSpotify.http).post('/api/spotify/search/').send({ query: 'blinding lights' }).expect(200);
    expect(body).toMatchObject({ query: 'blinding lights', source: 'spotify' });
    expect(body.tracks).toHaveLength(2);
    expect(body.tracks[0]).toEqual({
      id: TRACK,
      title: 'Blinding Lights',
      artist: 'The Weeknd',
      album: 'Fake Album',
      album_image: expect.stringContaining('https://i.scdn.co/'),
      duration_ms: 200_040,
      explicit: false,
      preview_url: `https://p.scdn.co/mp3-preview/${TRACK}`,
      spotify_url: `https://open.spotify.com/track/${TRACK}`,
      popularity: 91,
      in_dataset: false,
      demo: false,
    });
    expect(body.tracks[1]).toMatchObject({ id: datasetSong.trackId, in_dataset: true });
  });

  it('takes the query from ?q= on GET', async () => {
    const { body } = await request(withSpotify.http).get('/api/spotify/search?q=weeknd&limit=1').expect(200);
    expect(body.tracks.map((track: { id: string }) => track.id)).toEqual([TRACK]);
  });

  it('answers from the dataset, saying so, when Spotify is not configured', async () => {
    const song = (await withoutSpotify.prisma.song.findFirst({ orderBy: { id: 'asc' } }))!;
    const { body } = await request(withoutSpotify.http)
      .get(`/api/spotify/search/?q=${encodeURIComponent(song.trackName)}`)
      .expect(200);
    expect(body).toMatchObject({ source: 'dataset', notice: expect.stringContaining('not configured') });
    expect(body.tracks[0]).toMatchObject({ id: song.trackId, title: song.trackName, artist: song.artists, duration_ms: song.durationMs, in_dataset: true });
  });

  it('falls back to the dataset when Spotify fails', async () => {
    spotify.script('/v1/search', { status: 500 });
    const { body } = await request(withSpotify.http)
      .get(`/api/spotify/search/?q=${encodeURIComponent(datasetSong.trackName)}`)
      .expect(200);
    expect(body).toMatchObject({ source: 'dataset', notice: expect.stringContaining('not answering') });
    expect(body.tracks[0].id).toBe(datasetSong.trackId);
  });

  it('refuses an empty query with 400', async () => {
    const { body } = await request(withSpotify.http).get('/api/spotify/search/?q=%20').expect(400);
    expect(body.message).toBe('q must not be empty');
  });
});

import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { SongImportService } from '../../../src/features/dataset/import/song-import.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import type { Song } from '../../../src/generated/prisma/client.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const NOT_FOUND = 'Song not found. Please provide a valid Spotify link or song title + artist.';

describe('POST /api/predict/spotify/ for songs Encore knows', () => {
  let t: TestApp;
  let known: Song;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSongsService).import(1500);
    await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    known = (await t.prisma.song.findFirst({ where: { trackName: { not: { contains: ',' } } }, orderBy: { id: 'asc' } }))!;
  });
  afterAll(() => t.close());

  const predict = (body: object) => request(t.http).post('/api/predict/spotify/').set('x-request-id', 'audit-1').send(body);

  it('predicts a dataset song by track id, answering its label, and stores the prediction and its audit log', async () => {
    const { body } = await predict({ track_id: known.trackId }).expect(200);
    expect(body).toMatchObject({
      prediction: known.isHit ? 'HIT' : 'FLOP',
      in_dataset: true,
      adjusted_by_dataset: true,
      dataset_label: known.isHit ? 'HIT' : 'FLOP',
      dataset_popularity: known.popularity,
      song_id: known.id,
      // A demo song: its track id is invented, so no Spotify link.
      song: { title: known.trackName, artist: known.artists, track_id: known.trackId, spotify_url: null, demo: true },
      features: { duration_ms: known.durationMs, energy: known.energy, explicit: known.explicit ? 1 : 0 },
    });
    expect(body.model_prediction).toMatch(/^(HIT|FLOP)$/);
    expect(body.confidence).toBeGreaterThanOrEqual(60);
    const stored = await t.prisma.prediction.findUniqueOrThrow({ where: { id: body.prediction_id }, include: { auditLogs: true } });
    expect(stored).toMatchObject({ songId: known.id, isHit: known.isHit, inDataset: true, modelVersion: body.model_version });
    expect(stored.auditLogs).toHaveLength(1);
    expect(stored.auditLogs[0]).toMatchObject({ requestId: 'audit-1', request: { track_id: known.trackId }, response: body });
  });

  it.each([
    (id: string) => ({ url: `https://open.spotify.com/track/${id}?si=0123abcd` }),
    (id: string) => ({ url: `https://open.spotify.com/intl-fr/track/${id}` }),
    (id: string) => ({ url: `spotify:track:${id}` }),
  ])('finds the same song by link or URI (%#)', async (body) => {
    const response = await predict(body(known.trackId!)).expect(200);
    expect(response.body.song_id).toBe(known.id);
  });

  it('finds the song by title and artist, whatever the case and accents', async () => {
    const { body } = await predict({ title: known.trackName.toUpperCase(), artist: known.artists.split(';')[0] }).expect(200);
    expect(body.song_id).toBe(known.id);
  });

  it('gives the model’s own answer for a song in no dataset', async () => {
    const own = await t.prisma.song.create({
      data: {
        trackId: '0000000000000000000001',
        trackName: 'Kitchen Demo',
        artists: 'Nobody Yet',
        durationMs: 180_000,
        danceability: 0.7,
        energy: 0.6,
        valence: 0.5,
        acousticness: 0.2,
        instrumentalness: 0,
        speechiness: 0.05,
        liveness: 0.1,
        loudness: -6,
        tempo: 118,
        mode: 1,
        key: 2,
        timeSignature: 4,
        isAcoustic: false,
        isInstrumental: false,
        isHit: false,
        hitSource: 'popularity',
        source: 'user',
        searchText: 'kitchen demo nobody yet',
        searchTitle: 'kitchen demo',
        searchArtists: 'nobody yet',
      },
    });
    const { body } = await predict({ track_id: own.trackId }).expect(200);
    expect(body).toMatchObject({ in_dataset: false, adjusted_by_dataset: false, dataset_label: null });
    expect(body.prediction).toBe(body.model_prediction);
    expect(body.confidence).toBe(body.model_confidence);
  });

  it('answers 404 in the original shape for a song it cannot find', async () => {
    const { body } = await predict({ title: 'Qwxzv Plomb', artist: 'Zzyzx Unheard' }).expect(404);
    expect(body).toEqual({ statusCode: 404, error: NOT_FOUND, message: NOT_FOUND });
  });

  it('says that Spotify is not configured, and what to set, for a valid link to a track it does not hold', async () => {
    const { body } = await predict({ url: 'https://open.spotify.com/track/7777777777777777777777?si=0123abcd' }).expect(503);
    expect(body.error).toBe('Spotify not configured');
    expect(body.message).toMatch(/^Track 7777777777777777777777 is not in the songs table, and Spotify is not configured on this server/);
    expect(body.message).toContain('Set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET');
    expect(await t.prisma.prediction.count({ where: { song: { trackId: '7777777777777777777777' } } })).toBe(0);
  });

  it.each([
    [{}, 'Provide a Spotify link (url), a track_id, or both title and artist.'],
    [{ title: 'Only A Title' }, 'Provide a Spotify link (url), a track_id, or both title and artist.'],
    [
      { url: 'https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC' },
      'url: "https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC" is a Spotify album link, not a track link',
    ],
    [{ track_id: 'abc' }, 'track_id: "abc" is not a Spotify track id (22 letters and digits)'],
  ])('refuses %j with 400', async (body, message) => {
    const response = await predict(body).expect(400);
    expect(response.body.message).toContain(message);
  });

  it('answers 200 concurrent requests, each with its prediction and audit rows', async () => {
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    const songs = await t.prisma.song.findMany({ take: 50, orderBy: { id: 'asc' } });
    const bodies = Array.from({ length: 200 }, (_, i) => {
      const song = songs[i % songs.length]!;
      return [{ track_id: song.trackId }, { url: `spotify:track:${song.trackId}` }, { title: song.trackName, artist: song.artists }][i % 3]!;
    });
    const before = await t.prisma.prediction.count();
    const responses = await Promise.all(bodies.map((body, i) => request(url).post('/api/predict/spotify/').set('x-request-id', `load-${i}`).send(body)));
    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 200));
    expect(await t.prisma.prediction.count()).toBe(before + 200);
    const audits = await t.prisma.predictionAuditLog.findMany({ where: { requestId: { startsWith: 'load-' } } });
    const auditByRequest = new Map(audits.map((audit) => [audit.requestId, audit]));
    responses.forEach((response, i) => {
      expect(auditByRequest.get(`load-${i}`)).toMatchObject({ predictionId: response.body.prediction_id, request: bodies[i], response: response.body });
    });
  });

  it('stores each of many concurrent predictions under its own song and answer', async () => {
    const songs = await t.prisma.song.findMany({ take: 40, orderBy: { id: 'desc' } });
    const responses = await Promise.all(songs.map((song) => request(t.http).post('/api/predict/spotify/').send({ track_id: song.trackId })));
    const stored = await t.prisma.prediction.findMany({ where: { id: { in: responses.map((response) => response.body.prediction_id) } } });
    const byId = new Map(stored.map((prediction) => [prediction.id, prediction]));
    responses.forEach((response, i) => {
      expect(byId.get(response.body.prediction_id)).toMatchObject({
        songId: songs[i]!.id,
        confidence: response.body.confidence,
        modelVersion: response.body.model_version,
      });
    });
  });

  it('answers concurrent lookups of known and unknown tracks each for its own track', async () => {
    const songs = await t.prisma.song.findMany({ take: 20, orderBy: { id: 'asc' } });
    const trackIds = songs.flatMap((song, i) => [song.trackId!, `${String(i).padStart(2, '0')}${'9'.repeat(20)}`]);
    const responses = await Promise.all(trackIds.map((trackId) => request(t.http).post('/api/predict/spotify/').send({ track_id: trackId })));
    responses.forEach((response, i) => {
      if (i % 2 === 0) expect([response.status, response.body.song.track_id]).toEqual([200, trackIds[i]]);
      else
        expect([response.status, response.body.message]).toEqual([503, expect.stringMatching(new RegExp(`^Track ${trackIds[i]} is not in the songs table`))]);
    });
  });

  it('answers a song asked before as the songs hold it now, after a change made elsewhere, storing one prediction', async () => {
    const song = (await t.prisma.song.findFirst({ where: { dataset: { not: null } }, orderBy: { id: 'desc' } }))!;
    await predict({ track_id: song.trackId }).expect(200);
    // Another instance, an import or an admin edit: this app's kept copy of the song is now old.
    const changed = await t.prisma.song.update({ where: { id: song.id }, data: { popularity: (song.popularity ?? 0) + 1, isHit: !song.isHit } });
    const before = await t.prisma.prediction.count();

    const { body } = await predict({ track_id: song.trackId }).expect(200);
    expect(body).toMatchObject({
      dataset_popularity: changed.popularity,
      dataset_label: changed.isHit ? 'HIT' : 'FLOP',
      song: { popularity: changed.popularity },
    });
    expect(await t.prisma.prediction.count()).toBe(before + 1);
    const audit = await t.prisma.predictionAuditLog.findFirstOrThrow({ where: { predictionId: body.prediction_id } });
    expect(audit.response).toEqual(body);
  });

  it('keeps predicted dataset songs, with their predictions, when an import clears the dataset', async () => {
    const predicted = await t.prisma.prediction.count({ where: { songId: known.id } });
    const kaggle =
      'track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre\n4uLU6hMCjMI75M1A2tKUQC,Rick Astley,Whenever You Need Somebody,Never Gonna Give You Up,82,213573,False,0.727,0.939,8,-11.855,1,0.0369,0.135,0,0.151,0.918,113.309,4,dance\n';
    await t.app.get(SongImportService).import([{ name: 'k.csv', stream: Readable.from([kaggle]) }]);
    expect(await t.prisma.song.findUnique({ where: { id: known.id } })).not.toBeNull();
    expect(await t.prisma.prediction.count({ where: { songId: known.id } })).toBe(predicted);
  });

  it('lists stored predictions newest first, with filters and pages', async () => {
    const { body } = await request(t.http).get('/api/predictions?page_size=2').expect(200);
    const total = await t.prisma.prediction.count();
    expect(body).toMatchObject({ count: total, page: 1, page_size: 2 });
    expect(body.results).toHaveLength(2);
    // Newest first: by time, then id (concurrent saves may take ids out of their start times' order).
    const [first, second] = body.results as Array<{ id: number; created_at: string }>;
    const [firstAt, secondAt] = [Date.parse(first!.created_at), Date.parse(second!.created_at)];
    expect(firstAt > secondAt || (firstAt === secondAt && first!.id > second!.id)).toBe(true);
    expect(body.results[0].song).toHaveProperty('title');
    const adjusted = await request(t.http).get('/api/predictions?adjusted_by_dataset=false').expect(200);
    expect(adjusted.body.count).toBe(await t.prisma.prediction.count({ where: { adjustedByDataset: false } }));
    const future = await request(t.http).get('/api/predictions?from=2999-01-01').expect(200);
    expect(future.body.count).toBe(0);
    for (const notADate of ['yesterday', '0', '-1', '1.5', '2026-13-45']) {
      const bad = await request(t.http).get(`/api/predictions?from=${notADate}`).expect(400);
      expect(bad.body.message).toBe('from must be a date (YYYY-MM-DD or ISO 8601)');
    }
    await request(t.http).get('/api/predictions?from=2026-11-01T08:30:00%2B01:00').expect(200);
  });

  it('shows one prediction, and 404 for an unknown id', async () => {
    const { body: page } = await request(t.http).get('/api/predictions?page_size=1').expect(200);
    const { body } = await request(t.http).get(`/api/predictions/${page.results[0].id}`).expect(200);
    expect(body).toEqual(page.results[0]);
    expect(Object.keys(body.features)).toHaveLength(10);
    expect(body.song).toHaveProperty('spotify_url');
    await request(t.http).get('/api/predictions/99999999').expect(404);
  });

  it('sums predictions up: totals, shares, mean confidence, per day', async () => {
    const { body } = await request(t.http).get('/api/predictions/stats').expect(200);
    const total = await t.prisma.prediction.count();
    const hits = await t.prisma.prediction.count({ where: { isHit: true } });
    expect(body).toMatchObject({ total, hits, flops: total - hits });
    expect(body.hit_share + body.flop_share).toBeCloseTo(100, 1);
    expect(body.mean_confidence).toBeGreaterThan(50);
    expect(body.per_day).toHaveLength(1);
    expect(body.per_day[0].total).toBe(total);
  });
});

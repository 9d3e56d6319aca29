import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMPETING_RELEASES_QUEUE } from '../../../../src/features/analytics/competing/competing-releases.job.js';
import { CompetingReleasesRecorder } from '../../../../src/features/analytics/competing/competing-releases.recorder.js';
import { NO_GENRES_NOTE, NOT_SCANNED_NOTE } from '../../../../src/features/analytics/competing/competing-releases.view.js';
import { weekOfDay } from '../../../../src/features/analytics/competing/release-week.js';
import { addDays, utcDay } from '../../../../src/features/analytics/ingestion/metric-rows.js';
import { JOBS_SCHEMA, JobQueueService } from '../../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { uploadSong } from '../../../support/catalog.js';
import { FakeSpotify, simplifiedAlbum } from '../../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

/** Spotify ids are 22 base-62 characters. */
const spotifyId = (name: string) => name.replace(/[^0-9A-Za-z]/g, '').padEnd(22, '0');
const TUI = spotifyId('TuiOnSpotify');
const week = weekOfDay(utcDay());
const lastWeek = weekOfDay(addDays(week.start, -1));

/** Runs a job of the queue now and answers it once it has finished. */
async function runJob(t: TestApp, data: object = {}) {
  const jobs = t.app.get(JobQueueService);
  const id = (await jobs.send(COMPETING_RELEASES_QUEUE, data))!;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
    const job = await jobs.find(id);
    if (job?.state === 'completed' || job?.state === 'failed') return job;
  }
  throw new Error(`job ${id} did not finish within 30 s`);
}

describe('competing releases on the fake Spotify server', () => {
  const spotify = new FakeSpotify();
  let t: TestApp;
  let tui: TestAccount; // folk, on Spotify
  let kea: TestAccount; // electronic, from its catalog songs
  let weka: TestAccount; // no genres anywhere
  let admin: TestAccount;
  let member: TestAccount;
  let stranger: TestAccount;

  /** A release by a Spotify artist of these genres, on `day`, as Spotify's Album object. */
  const release = (name: string, artist: string, genres: string[], day: string, options: { newRelease?: boolean; track?: boolean } = {}) => {
    const artistId = spotifyId(artist);
    spotify.addArtist({ id: artistId, name: artist, genres });
    const album = spotify.addAlbum({
      id: spotifyId(name.replace(/\W/g, '')),
      name,
      artists: [{ id: artistId, name: artist, type: 'artist', uri: `spotify:artist:${artistId}`, href: '', external_urls: { spotify: '' } }],
      release_date: day,
      release_date_precision: 'day',
    });
    if (options.newRelease) spotify.newReleases.push(album.id);
    if (options.track)
      spotify.addTrack({ id: spotifyId(`${name.replace(/\W/g, '')}T`), name: `${name} (title track)`, artists: album.artists, album: simplifiedAlbum(album) });
    return album;
  };

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0', GENRE_TRAIN_CRON: 'off' });
    [tui, kea, weka, admin, member, stranger] = await Promise.all([
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'admin'),
      createAccount(t, 'user'),
      createAccount(t, 'artist'),
    ]);
    await t.prisma.artistTeamMember.create({ data: { artistId: tui.artistId!, userId: member.id } });
    spotify.addArtist({ id: TUI, name: 'Tui', genres: ['folk', 'indie folk'] });
    await request(t.http).post('/api/analytics/artists/import-spotify').set('authorization', tui.bearer).send({ spotify: TUI }).expect(201);
    // Tracked by their metrics; Kea's genre is its catalog songs'.
    for (const artist of [kea, weka])
      await t.prisma.artistMetricDaily.create({
        data: { artistId: artist.artistId!, platform: 'instagram', date: new Date(`${utcDay()}T00:00:00Z`), followers: 100, source: 'api' },
      });
    await uploadSong(t, kea, { title: 'Pulse', genres: ['Electronic'], release_date: lastWeek.start });
    await uploadSong(t, tui, { title: 'River Song', genres: ['Folk'], release_date: week.start });
    await uploadSong(t, tui, { title: 'Old Song', genres: ['Folk'], release_date: lastWeek.start });

    release('Harbour Songs', 'Other Folk', ['folk'], week.start, { newRelease: true });
    release('Driftwood', 'Indie Folk Band', ['indie folk', 'folk'], week.start); // found by the tag:new album search
    release('Circuit', 'Synth Person', ['electronic'], week.start, { track: true }); // found by the electronic genre search
    release('Last Week Folk', 'Other Folk', ['folk'], addDays(week.start, -3), { newRelease: true });
    release('Techno Now', 'Techno Person', ['techno'], week.start, { newRelease: true });
    // Tui's own release this week is no competition.
    const own = spotify.addAlbum({
      id: spotifyId('TuiOwnAlbum'),
      name: 'Tui Album',
      artists: [{ id: TUI, name: 'Tui', type: 'artist', uri: '', href: '', external_urls: { spotify: '' } }],
      release_date: week.start,
      release_date_precision: 'day',
    });
    spotify.newReleases.push(own.id);
  });
  afterAll(async () => {
    await t?.close();
    spotify.stop();
  });

  const get = (artistId: string, account: TestAccount | null, query: Record<string, string> = {}) => {
    const call = request(t.http).get(`/api/analytics/${artistId}/competing-releases`).query(query);
    return account ? call.set('authorization', account.bearer) : call;
  };

  it("records, through the queue, each tracked artist's same-week releases in its genres, and names the artists without genres", async () => {
    await t.app.get(JobQueueService).start();
    const job = await runJob(t);
    expect(job).toMatchObject({
      state: 'completed',
      output: { week: week.week, artists: 3, scanned: 2, recorded: 3, new: 3, errors: [], without_genres: [{ artist_id: weka.artistId }] },
    });
    // New releases, the tag:new album search, one genre search per genre (year of the week), and the artists' genres.
    const searches = spotify.apiRequests('/v1/search').map((call) => new URL(call.path, 'https://api.spotify.com').searchParams);
    expect(searches.map((params) => `${params.get('type')} ${params.get('q')}`).sort()).toEqual(
      [
        'album tag:new',
        ...['electronic', 'folk', 'indie folk'].map(
          (genre) =>
            `track genre:"${genre}" year:${week.start.slice(0, 4)}${week.end.slice(0, 4) === week.start.slice(0, 4) ? '' : `-${week.end.slice(0, 4)}`}`,
        ),
      ].sort(),
    );
    expect(spotify.apiRequests('/v1/browse/new-releases')).toHaveLength(1);

    const { body } = await get(tui.artistId!, tui).expect(200);
    expect(body).toMatchObject({ artist: { id: tui.artistId }, week, genres: ['folk', 'indie folk'], note: null, count: 2 });
    expect(body.results).toEqual([
      expect.objectContaining({
        name: 'Driftwood',
        artists: ['Indie Folk Band'],
        release_date: week.start,
        genres: ['folk', 'indie folk'],
        sources: ['search'],
        album_type: 'single',
        spotify_url: expect.stringContaining('open.spotify.com/album/'),
      }),
      // Spotify lists it as a new release and as a new album.
      expect.objectContaining({
        name: 'Harbour Songs',
        artists: ['Other Folk'],
        release_date: week.start,
        genres: ['folk'],
        sources: ['new_releases', 'search'],
      }),
    ]);
    // Beside the artist's own releases: its newest up to the week's end, and those of the week.
    expect(body.latest_release).toMatchObject({ title: 'River Song', release_date: week.start });
    expect(body.own_releases.map((song: { title: string }) => song.title)).toEqual(['River Song']);

    const electronic = (await get(kea.artistId!, kea).expect(200)).body;
    expect(electronic).toMatchObject({
      genres: ['electronic'],
      count: 1,
      results: [{ name: 'Circuit', genres: ['electronic'], sources: ['search'] }],
      own_releases: [],
      latest_release: { title: 'Pulse' },
    });
  });

  it('records each release once per artist and week, however often it runs', async () => {
    const again = await t.app.get(CompetingReleasesRecorder).recordWeek();
    expect(again).toMatchObject({ recorded: 3, new: 0 });
    expect(await t.prisma.competingRelease.count()).toBe(3);
    expect(await t.prisma.competingReleaseScan.count()).toBe(3);
  });

  it('says when no genres are known for an artist, and when a week was not scanned', async () => {
    expect((await get(weka.artistId!, weka).expect(200)).body).toMatchObject({ genres: [], note: NO_GENRES_NOTE, count: 0, results: [], latest_release: null });
    expect((await get(tui.artistId!, tui, { week: lastWeek.week }).expect(200)).body).toMatchObject({
      week: lastWeek,
      genres: null,
      scanned_at: null,
      note: NOT_SCANNED_NOTE,
      count: 0,
      latest_release: { title: 'Old Song' },
      own_releases: [{ title: 'Old Song' }],
    });
    // Any day of the week names it.
    expect((await get(tui.artistId!, tui, { week: week.end }).expect(200)).body).toMatchObject({ week, count: 2 });
  });

  it("is for the artist's team and admins, with a 400 naming a bad week", async () => {
    await get(tui.artistId!, null).expect(401);
    await get(tui.artistId!, stranger).expect(403);
    expect((await get(tui.artistId!, member).expect(200)).body.count).toBe(2);
    expect((await get(tui.artistId!, admin).expect(200)).body.count).toBe(2);
    await get('00000000-0000-4000-8000-000000000000', admin).expect(404);
    await get('not-a-uuid', admin).expect(400, /artistId must be a UUID/);
    for (const bad of ['2026-W54', 'last week', '2026-02-30']) {
      expect((await get(tui.artistId!, tui, { week: bad }).expect(400)).body.message).toBe(
        'week must be an ISO week such as 2026-W49 or a day such as 2026-12-02',
      );
    }
  });

  it('reports a search Spotify refuses and still records what the others found', async () => {
    spotify.script('/v1/search', { status: 400, body: { error: { status: 400, message: 'Bad search' } } });
    const run = await t.app.get(CompetingReleasesRecorder).recordWeek();
    expect(run.errors).toEqual([expect.stringMatching(/^Spotify album search "tag:new": HTTP 400$/)]);
    // Driftwood came only from the refused search; it stays recorded from the earlier run.
    expect(run).toMatchObject({ recorded: 2, new: 0 });
  });

  it('fails the run (to be retried) when Spotify is unavailable', async () => {
    spotify.script('/v1/browse/new-releases', { status: 503, body: { error: { status: 503, message: 'Service unavailable' } } });
    await expect(t.app.get(CompetingReleasesRecorder).recordWeek()).rejects.toThrow(/Spotify new releases \(offset 0\) failed after 1 attempt\(s\): HTTP 503/);
  });

  it('is scheduled daily at 03:00 UTC', async () => {
    const { body } = await request(t.http).get('/api/jobs/schedules').set('authorization', admin.bearer).expect(200);
    const schedule = body.results.find((entry: { queue: string }) => entry.queue === COMPETING_RELEASES_QUEUE);
    expect(schedule).toMatchObject({ cron: '0 3 * * *', overridden: false });
    expect(schedule.next_run).toMatch(/T03:00:00\.000Z$/);
  });
});

describe('the competing-releases job on its schedule, across two instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Every minute, checked every second, and no Spotify app credentials.
    const env = { GENRE_TRAIN_CRON: 'off', JOB_CRON_CHECK_SECONDS: '1', JOB_SCHEDULES: `${COMPETING_RELEASES_QUEUE}=* * * * *` };
    first = await createTestApp(env);
    second = await createTestApp(env, first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('runs once per cron time though both instances run the schedule, and without Spotify records nothing and says why', async () => {
    const runs = [first, second].map((instance) => vi.spyOn(instance.app.get(CompetingReleasesRecorder), 'recordWeek'));
    await Promise.all([first.app.get(JobQueueService).start(), second.app.get(JobQueueService).start()]);
    const jobs = () =>
      first.prisma.$queryRawUnsafe<Array<{ state: string; data: object; output: object }>>(
        `SELECT state::text, data, output FROM ${JOBS_SCHEMA}.job WHERE name = $1 ORDER BY created_on`,
        COMPETING_RELEASES_QUEUE,
      );
    for (const deadline = Date.now() + 90_000; !(await jobs()).some((job) => job.state === 'completed'); await sleep(250)) {
      if (Date.now() > deadline) throw new Error('no scheduled run within 90 s');
    }
    // Both instances check the schedule several times more, then stop (letting a running job finish).
    await sleep(3_000);
    await Promise.all([first, second].map((instance) => instance.app.get(JobQueueService).onApplicationShutdown()));
    const all = await jobs();
    // One job per cron time, run by one instance. pg-boss turns a cron time into one order (a
    // send-it job in the cron time's singleton slot) and the order into the job, possibly in a later
    // minute when the machine is busy: so the jobs are counted against the orders, not by minute.
    const orders = await first.prisma.$queryRawUnsafe<Array<{ cron_time: string }>>(
      `SELECT singleton_on::text AS cron_time FROM ${JOBS_SCHEMA}.job WHERE name = '__pgboss__send-it' AND singleton_key = $1`,
      COMPETING_RELEASES_QUEUE,
    );
    expect(new Set(orders.map((order) => order.cron_time)).size).toBe(orders.length);
    expect(all.length).toBeLessThanOrEqual(orders.length);
    const completed = all.filter((job) => job.state === 'completed');
    expect(runs[0]!.mock.calls.length + runs[1]!.mock.calls.length).toBe(completed.length);
    expect(completed[0]).toMatchObject({
      data: { trigger: 'schedule' },
      output: { recorded: 0, note: expect.stringMatching(/^Spotify is not configured \(set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET\)/) },
    });
    expect(await first.prisma.competingRelease.count()).toBe(0);
  }, 120_000);
});

import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAnalyticsService } from '../../../src/features/analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from '../../../src/features/analytics/jobs/analytics-scoring.jobs.js';
import { DemoCatalogService } from '../../../src/features/catalog/demo/demo-catalog.service.js';
import { DemoStoreService } from '../../../src/features/genre/demo/demo-store.service.js';
import { GenreStoreService } from '../../../src/features/genre/genre-store.service.js';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { DemoLeadsService } from '../../../src/features/leads/demo/demo-leads.service.js';
import { REPORTING_REFRESH_QUEUE } from '../../../src/features/reporting/reporting-refresh.job.js';
import { ReportingService, type RefreshReport } from '../../../src/features/reporting/reporting.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { searchColumns } from '../../../src/vocabulary/search-text.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** The views test/reporting and the README promise. */
const VIEWS = ['artist_metrics_daily', 'artist_scores', 'leads', 'model_versions', 'predictions', 'songs'];
const MATERIALIZED_VIEWS = ['catalog_plays', 'genre_predictions', 'prediction_daily'];

/** The reporting views on demo-like data, against the API's numbers; the refresh job; comments and column types. */
describe('reporting schema for BI tools', () => {
  let t: TestApp;
  let admin: TestAccount;
  let listener: TestAccount;

  /** Rows of a query on the app's database (numeric and date columns cast in SQL to what compares). */
  const rows = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await t.prisma.pool.query(sql, values)).rows as T[];
  const get = (path: string, account: TestAccount | null = admin) => {
    const call = request(t.http).get(path);
    return account ? call.set('authorization', account.bearer) : call;
  };
  const refresh = () => t.app.get(ReportingService).refresh();

  /** Predicts a song by its track id through the API, as the web app does. */
  const predict = (trackId: string) => request(t.http).post('/api/predict/spotify/').send({ track_id: trackId }).expect(200);

  beforeAll(async () => {
    // The refresh job runs only when a test sends it: its cron must not refresh between assertions.
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off', JOB_CRON_CHECK_SECONDS: '1', JOB_SCHEDULES: `${REPORTING_REFRESH_QUEUE}=off` });
    [admin, listener] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user')]);

    // Hit predictions: dataset songs (adjusted by their label) and songs people asked about (the model decides).
    await t.app.get(DemoSongsService).import(600);
    await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    const dataset = await t.prisma.song.findMany({ where: { dataset: 'demo' }, orderBy: { id: 'asc' }, take: 24 });
    for (const [index, song] of dataset.slice(0, 6).entries()) {
      const { id: _id, createdAt: _created, updatedAt: _updated, searchText: _s, searchTitle: _t, searchArtists: _a, searchWords: _w, ...copy } = song;
      await t.prisma.song.create({
        data: {
          ...copy,
          trackId: `asked${String(index).padStart(17, '0')}`,
          trackName: `Asked ${index}`,
          dataset: null,
          source: 'user',
          ...searchColumns(`Asked ${index}`, song.artists),
        },
      });
    }
    const asked = await t.prisma.song.findMany({ where: { dataset: null }, select: { trackId: true } });
    for (const song of [...dataset, ...asked]) await predict(song.trackId!);
    // Spread over three UTC days, as a few days of use would.
    await t.prisma.$executeRawUnsafe(`UPDATE predictions SET created_at = created_at - (id % 3) * interval '1 day'`);

    await t.app.get(DemoCatalogService).import();
    await t.app.get(DemoAnalyticsService).import();
    await t.app.get(AnalyticsScoringJobs).scoreEverything();
    await t.app.get(DemoLeadsService).importIfEmpty();
    await t.app.get(DemoStoreService).import(300);
    await refresh();
  }, 300_000);
  afterAll(() => t?.close());

  describe('the views', () => {
    it('are all there: plain views, and the heavy aggregates materialized with a unique index each', async () => {
      const relations = await rows<{ name: string; kind: string }>(`
        SELECT c.relname AS name, c.relkind::text AS kind FROM pg_class c
        WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1`);
      expect(relations.filter((relation) => relation.kind === 'v').map((relation) => relation.name)).toEqual(VIEWS);
      expect(relations.filter((relation) => relation.kind === 'm').map((relation) => relation.name)).toEqual(MATERIALIZED_VIEWS);
      const unique = await rows<{ name: string }>(`
        SELECT DISTINCT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind = 'm' AND i.indisunique AND i.indpred IS NULL ORDER BY 1`);
      expect(unique.map((row) => row.name)).toEqual(MATERIALIZED_VIEWS);
    });

    it('each answer on demo data', async () => {
      for (const view of [...VIEWS, ...MATERIALIZED_VIEWS]) {
        const [counted] = await rows<{ count: number }>(`SELECT count(*)::int AS count FROM reporting.${view}`);
        expect(counted?.count, view).toBeGreaterThan(0);
      }
    });
  });

  describe('match the API', () => {
    it('prediction_daily and predictions: the totals, shares and days of GET /api/predictions/stats', async () => {
      const { body: stats } = await get('/api/predictions/stats', null).expect(200);
      expect(stats.total).toBe(30);
      expect(stats.per_day).toHaveLength(3);

      const days = await rows(`
        SELECT to_char(prediction_date, 'YYYY-MM-DD') AS day, predictions AS total, hits, mean_confidence::float8 AS mean_confidence,
               flops, hit_share_percent::float8 AS hit_share
        FROM reporting.prediction_daily ORDER BY prediction_date`);
      expect(days).toEqual(stats.per_day);

      const [totals] = await rows(`
        SELECT count(*)::int AS total, (count(*) FILTER (WHERE is_hit))::int AS hits, (count(*) FILTER (WHERE NOT is_hit))::int AS flops,
               round(100.0 * count(*) FILTER (WHERE is_hit) / count(*), 2)::float8 AS hit_share,
               round(100.0 * count(*) FILTER (WHERE NOT is_hit) / count(*), 2)::float8 AS flop_share,
               round(avg(confidence)::numeric, 2)::float8 AS mean_confidence,
               (count(*) FILTER (WHERE adjusted_by_dataset))::int AS adjusted_by_dataset
        FROM reporting.predictions`);
      const { per_day: _days, ...apiTotals } = stats;
      expect(totals).toEqual(apiTotals);
      expect(apiTotals.adjusted_by_dataset).toBe(24);
      const [daily] = await rows(
        `SELECT sum(predictions)::int AS total, sum(hits)::int AS hits, sum(adjusted_by_dataset)::int AS adjusted FROM reporting.prediction_daily`,
      );
      expect(daily).toEqual({ total: stats.total, hits: stats.hits, adjusted: stats.adjusted_by_dataset });

      // The date parts are the UTC day the API groups by.
      const parts = await rows<{ created_date: string; y: number; m: number; d: number }>(`
        SELECT DISTINCT to_char(created_date, 'YYYY-MM-DD') AS created_date, created_year AS y, created_month AS m, created_day AS d FROM reporting.predictions ORDER BY 1`);
      expect(parts.map((part) => part.created_date)).toEqual(stats.per_day.map((day: { day: string }) => day.day));
      for (const part of parts) expect(`${part.y}-${String(part.m).padStart(2, '0')}-${String(part.d).padStart(2, '0')}`).toBe(part.created_date);
    });

    it('predictions: each row as GET /api/predictions/:id shows it, with the raw model output', async () => {
      const { body: page } = await get('/api/predictions?page_size=100', null).expect(200);
      const viewRows = await rows(`
        SELECT prediction_id, prediction, confidence, model_prediction, model_confidence, model_hit_probability, model_version, in_dataset, adjusted_by_dataset,
               dataset_is_hit, dataset_popularity, song_id, track_name, artist_names, popularity, danceability, energy, valence, acousticness,
               instrumentalness, loudness, tempo, duration_ms, explicit, mode, created_at
        FROM reporting.predictions`);
      expect(viewRows).toHaveLength(page.count);
      const byId = new Map(viewRows.map((row) => [row.prediction_id, row]));
      for (const api of page.results) {
        const row = byId.get(api.id)!;
        expect(row).toMatchObject({
          prediction: api.prediction,
          confidence: api.confidence,
          model_prediction: api.model_prediction,
          model_confidence: api.model_confidence,
          model_version: api.model_version,
          in_dataset: api.in_dataset,
          adjusted_by_dataset: api.adjusted_by_dataset,
          dataset_is_hit: api.dataset_label === null ? null : api.dataset_label === 'HIT',
          dataset_popularity: api.dataset_popularity,
          track_name: api.song.title,
          artist_names: api.song.artist,
          popularity: api.song.popularity,
          danceability: api.features.danceability,
          energy: api.features.energy,
          valence: api.features.valence,
          acousticness: api.features.acousticness,
          instrumentalness: api.features.instrumentalness,
          loudness: api.features.loudness,
          tempo: api.features.tempo,
          duration_ms: api.features.duration_ms,
          mode: api.features.mode,
        });
        expect((row.created_at as Date).toISOString()).toBe(api.created_at);
        const modelHit = api.model_prediction === 'HIT';
        expect(row.model_hit_probability as number).toBeCloseTo(modelHit ? api.model_confidence / 100 : 1 - api.model_confidence / 100, 10);
      }
      const { body: hits } = await get('/api/predictions?is_hit=true', null).expect(200);
      expect((await rows(`SELECT 1 FROM reporting.predictions WHERE is_hit`)).length).toBe(hits.count);
    });

    it('model_versions: the active hit model of GET /api/models/active, with the predictions it made', async () => {
      const { body: card } = await get('/api/models/active', null).expect(200);
      const [active] = await rows(
        `SELECT model_version, accuracy, roc_auc, f1_score, training_rows, test_rows, data_source, predictions FROM reporting.model_versions WHERE model_name = 'hit' AND is_active`,
      );
      expect(active).toEqual({
        model_version: card.version,
        accuracy: card.metrics.accuracy,
        roc_auc: card.metrics.roc_auc,
        f1_score: card.metrics.f1,
        training_rows: card.training_rows,
        test_rows: card.test_rows,
        data_source: card.data_source,
        predictions: 30,
      });
    });

    it('songs: the counts and features of GET /api/dataset/songs', async () => {
      const { body: all } = await get('/api/dataset/songs?page_size=1', null).expect(200);
      const { body: hits } = await get('/api/dataset/songs?page_size=1&is_hit=true', null).expect(200);
      const [counts] = await rows(`SELECT count(*)::int AS songs, (count(*) FILTER (WHERE is_hit))::int AS hits FROM reporting.songs`);
      expect(counts).toEqual({ songs: all.count, hits: hits.count });
      const { body: song } = await get(`/api/dataset/songs/${all.results[0].id}`, null).expect(200);
      const [row] = await rows(`SELECT * FROM reporting.songs WHERE song_id = $1`, [song.id]);
      expect(row).toMatchObject({
        spotify_track_id: song.track_id,
        track_name: song.track_name,
        artist_names: song.artists,
        popularity: song.popularity,
        is_hit: song.is_hit,
        hit_label: song.is_hit ? 'HIT' : 'FLOP',
        danceability: song.danceability,
        energy: song.energy,
        tempo: song.tempo,
        dataset: 'demo',
      });
    });

    it('leads: by tier, region and outreach status as GET /api/leads/dashboard/stats, and each lead as GET /api/leads lists it', async () => {
      const { body: dashboard } = await get('/api/leads/dashboard/stats').expect(200);
      const count = async (column: string) =>
        Object.fromEntries(
          (await rows<{ key: string; count: number }>(`SELECT ${column} AS key, count(*)::int AS count FROM reporting.leads GROUP BY 1`)).map((row) => [
            row.key,
            row.count,
          ]),
        );
      const tiers = await count('tier');
      expect(Object.fromEntries(Object.keys(dashboard.by_tier).map((tier) => [tier, tiers[tier] ?? 0]))).toEqual(dashboard.by_tier);
      expect(Object.values(dashboard.by_tier).reduce((a, b) => (a as number) + (b as number), 0)).toBe(dashboard.leads);
      const regions = await count('region');
      expect(Object.fromEntries(dashboard.by_region.map((region: { region: string; count: number }) => [region.region, region.count]))).toEqual(regions);
      const outreach = await count('outreach_status');
      expect(Object.fromEntries(Object.keys(dashboard.by_outreach).map((status) => [status, outreach[status] ?? 0]))).toEqual(dashboard.by_outreach);
      const independence = await count('independence');
      expect(Object.fromEntries(Object.keys(dashboard.by_independence).map((kind) => [kind, independence[kind] ?? 0]))).toEqual(dashboard.by_independence);
      const [totals] = await rows(`SELECT count(*)::int AS leads, round(avg(total_score)::numeric, 2)::float8 AS average_score FROM reporting.leads`);
      expect(totals).toEqual({ leads: dashboard.leads, average_score: dashboard.average_score });

      const { body: leads } = await get('/api/leads?page_size=100').expect(200);
      expect(leads.count).toBe(dashboard.leads);
      const byArtist = new Map((await rows(`SELECT * FROM reporting.leads`)).map((row) => [row.artist_id, row]));
      for (const lead of leads.results) {
        expect(byArtist.get(lead.artist_id), lead.artist_name).toMatchObject({
          artist_name: lead.artist_name,
          tier: lead.tier,
          total_score: lead.total_score,
          independence_score: lead.independence_score,
          opportunity_score: lead.opportunity_score,
          geography_score: lead.geography_score,
          independence: lead.independence,
          region: lead.region,
          country: lead.country,
          label_name: lead.label_name,
          genres: lead.genres.join(', '),
          spotify_followers: lead.spotify_followers,
          lastfm_listeners: lead.lastfm_listeners,
          outreach_status: lead.outreach_status,
          contacts: lead.contacts.length,
          recordings: lead.isrcs.length,
          has_youtube_channel: Boolean(lead.youtube?.channel_id),
          youtube_opportunities: (lead.youtube?.opportunities ?? []).join(', '),
        });
      }
    });

    it('artist_scores and artist_metrics_daily: the latest scores and the daily series of GET /api/analytics/artists/:id', async () => {
      const artists = await rows<{ artist_id: string }>(`SELECT DISTINCT artist_id FROM reporting.artist_metrics_daily`);
      expect(artists.length).toBeGreaterThanOrEqual(3);
      for (const { artist_id: id } of artists) {
        const { body } = await get(`/api/analytics/artists/${id}`).expect(200);
        const [latest] = await rows(
          `
          SELECT to_char(score_date, 'YYYY-MM-DD') AS date, fan_value_score, momentum, momentum_status, breakout_probability
          FROM reporting.artist_scores WHERE artist_id = $1 AND is_latest`,
          [id],
        );
        expect(latest, body.name).toEqual(body.scores);
        const daily = await rows<{ date: string; streams: number; engagement: number }>(
          `
          SELECT to_char(metric_date, 'YYYY-MM-DD') AS date, sum(streams)::int AS streams, sum(engagement)::int AS engagement
          FROM reporting.artist_metrics_daily WHERE artist_id = $1 GROUP BY metric_date`,
          [id],
        );
        const byDate = new Map(daily.map((day) => [day.date, day]));
        expect(body.series.length).toBeGreaterThan(30);
        for (const day of body.series)
          expect({ date: day.date, streams: byDate.get(day.date)?.streams ?? 0, engagement: byDate.get(day.date)?.engagement ?? 0 }).toEqual({
            date: day.date,
            streams: day.streams,
            engagement: day.engagement,
          });
        expect(
          (await rows(`SELECT DISTINCT platform FROM reporting.artist_metrics_daily WHERE artist_id = $1 ORDER BY 1`, [id])).map((row) => row.platform),
        ).toEqual([...body.platforms].sort());
      }
    });

    it('catalog_plays: each song and artist totals as GET /api/songs/:id and GET /api/artists/:id/profile count them', async () => {
      const songs = await rows<{ song_id: string; plays: number }>(`SELECT song_id, sum(plays)::int AS plays FROM reporting.catalog_plays GROUP BY song_id`);
      expect(songs.length).toBeGreaterThan(5);
      for (const song of songs) expect((await get(`/api/songs/${song.song_id}`, null).expect(200)).body.play_count).toBe(song.plays);
      for (const artist of await rows<{ artist_id: string; plays: number }>(
        `SELECT artist_id, sum(plays)::int AS plays FROM reporting.catalog_plays GROUP BY artist_id`,
      )) {
        expect((await get(`/api/artists/${artist.artist_id}/profile`, null).expect(200)).body.total_plays).toBe(artist.plays);
      }
    });

    it("genre_predictions: each customer's preferred genre and purchase features as the genre model reads them", async () => {
      const profiles = await t.app.get(GenreStoreService).profiles();
      const byCustomer = new Map(
        (
          await rows(`
        SELECT customer_id, preferred_genre, genre_spending_ratio, total_spent::float8 AS total_spent, total_tracks_bought, invoice_count,
               average_invoice::float8 AS average_invoice, days_since_last_purchase, country, state, city
        FROM reporting.genre_predictions`)
        ).map((row) => [row.customer_id, row]),
      );
      expect(byCustomer.size).toBe(300);
      for (const profile of profiles) {
        const row = byCustomer.get(profile.customerId)!;
        expect(row, `customer ${profile.customerId}`).toMatchObject({
          preferred_genre: profile.topGenre,
          total_tracks_bought: profile.total_tracks_bought,
          invoice_count: profile.invoice_count,
          country: profile.country,
          state: profile.state,
          city: profile.city,
        });
        // Both are rounded to cents, the view in exact decimals, the model in floating point: a cent apart at most.
        expect(Math.abs((row.total_spent as number) - profile.total_spent)).toBeLessThanOrEqual(0.0100001);
        expect(Math.abs(((row.average_invoice as number | null) ?? 0) - profile.average_invoice)).toBeLessThanOrEqual(0.0100001);
        expect(row.genre_spending_ratio as number).toBeCloseTo(profile.genre_spending_ratio, 9);
        expect(row.days_since_last_purchase ?? 0).toBe(profile.days_since_last_purchase);
      }
    });
  });

  describe('refresh', () => {
    it('the reporting-refresh job refreshes every materialized view concurrently: data added since shows up', async () => {
      const jobs = t.app.get(JobQueueService);
      await jobs.start();
      const schedule = (await jobs.schedules()).find((entry) => entry.queue === REPORTING_REFRESH_QUEUE);
      expect(schedule).toMatchObject({ cron: null, overridden: true, retry_limit: 1 });

      const today = async () =>
        (await rows<{ predictions: number }>(`SELECT predictions FROM reporting.prediction_daily WHERE prediction_date = (now() AT TIME ZONE 'UTC')::date`))[0]
          ?.predictions ?? 0;
      const plays = async (songId: string) =>
        (await rows<{ plays: number }>(`SELECT coalesce(sum(plays), 0)::int AS plays FROM reporting.catalog_plays WHERE song_id = $1`, [songId]))[0]!.plays;
      const before = await today();
      const [song] = await rows<{ id: string }>(`SELECT id::text FROM catalog_songs ORDER BY title LIMIT 1`);
      const playsBefore = await plays(song!.id);

      const [fresh] = await t.prisma.song.findMany({ where: { dataset: 'demo', predictions: { none: {} } }, take: 1 });
      await predict(fresh!.trackId!);
      await request(t.http).post(`/api/songs/${song!.id}/play`).set('authorization', listener.bearer).expect(200);
      // A materialized view shows what it held at its last refresh.
      expect(await today()).toBe(before);
      expect(await plays(song!.id)).toBe(playsBefore);

      const id = (await jobs.send(REPORTING_REFRESH_QUEUE, {}))!;
      expect(id).toBeTruthy();
      let job = await jobs.find(id);
      for (const deadline = Date.now() + 30_000; job?.state !== 'completed' && job?.state !== 'failed' && Date.now() < deadline; job = await jobs.find(id))
        await sleep(200);
      expect(job).toMatchObject({ state: 'completed', error: null });
      const output = job!.output as unknown as RefreshReport;
      expect(output.views.map((entry) => entry.view)).toEqual(MATERIALIZED_VIEWS.map((name) => `reporting.${name}`));
      for (const entry of output.views) expect(entry).toMatchObject({ concurrently: true, rows: expect.any(Number), ms: expect.any(Number) });
      expect(output.total_ms).toBeGreaterThan(0);

      expect(await today()).toBe(before + 1);
      expect(await plays(song!.id)).toBe(playsBefore + 1);
    }, 60_000);

    it('does not make readers wait: a refresh completes while a reader holds the views open', async () => {
      const reader = new pg.Client({ connectionString: t.database.url });
      await reader.connect();
      try {
        await reader.query('BEGIN');
        const counted = async () => Number((await reader.query('SELECT sum(predictions) AS n FROM reporting.prediction_daily')).rows[0].n);
        const before = await counted();
        for (const view of MATERIALIZED_VIEWS) await reader.query(`SELECT count(*) FROM reporting.${view}`); // holds ACCESS SHARE locks until COMMIT
        await t.prisma.prediction.create({
          data: {
            songId: (await t.prisma.song.findFirstOrThrow()).id,
            isHit: true,
            confidence: 70,
            modelPrediction: true,
            modelConfidence: 70,
            modelVersion: 'v-test',
            inDataset: false,
            adjustedByDataset: false,
          },
        });
        // A plain REFRESH needs an ACCESS EXCLUSIVE lock and would wait for the reader's COMMIT.
        const report = await Promise.race([refresh(), sleep(20_000).then(() => 'blocked' as const)]);
        expect(report).not.toBe('blocked');
        expect((report as RefreshReport).views.every((entry) => entry.concurrently)).toBe(true);
        // The reader's next statement (READ COMMITTED) sees the new rows.
        expect(await counted()).toBe(before + 1);
        await reader.query('COMMIT');
      } finally {
        await reader.end();
      }
    }, 40_000);

    it('fills a materialized view that was never populated (a new one from a later migration) without CONCURRENTLY, then concurrently again', async () => {
      await t.prisma.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW reporting.prediction_daily WITH NO DATA`);
      const first = await refresh();
      expect(first.views.find((entry) => entry.view === 'reporting.prediction_daily')).toMatchObject({ concurrently: false, rows: expect.any(Number) });
      expect((await refresh()).views.every((entry) => entry.concurrently)).toBe(true);
    });
  });

  describe('made for BI tools', () => {
    it('every view and every column has a COMMENT (Power BI and SQL clients show them)', async () => {
      const relations = await rows<{ name: string; comment: string | null }>(`
        SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c
        WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1`);
      expect(relations).toHaveLength(VIEWS.length + MATERIALIZED_VIEWS.length);
      for (const relation of relations) expect(relation.comment?.trim(), relation.name).toBeTruthy();
      const uncommented = await rows<{ name: string }>(`
        SELECT c.relname || '.' || a.attname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
          AND coalesce(trim(col_description(c.oid, a.attnum)), '') = ''`);
      expect(uncommented).toEqual([]);
      expect((await rows(`SELECT obj_description('reporting'::regnamespace, 'pg_namespace') AS comment`))[0]!.comment).toBeTruthy();
    });

    it('no column is JSON, an array, an enum or a uuid: only types BI tools read', async () => {
      const odd = await rows(`
        SELECT table_name || '.' || column_name AS name, data_type FROM information_schema.columns
        WHERE table_schema = 'reporting' AND (data_type IN ('json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'uuid', 'bytea') OR udt_name LIKE '\\_%')`);
      expect(odd).toEqual([]);
      // information_schema leaves materialized views out: the catalog has every column.
      const columns = await rows<{ name: string; type: string; category: string; kind: string }>(`
        SELECT c.relname || '.' || a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typcategory::text AS category, t.typtype::text AS kind
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
        WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped`);
      expect(columns.length).toBeGreaterThan(150);
      const allowed = /^(text|character varying(\(\d+\))?|boolean|smallint|integer|bigint|numeric|double precision|date|timestamp(\(\d\))? with time zone)$/;
      expect(columns.filter((column) => !allowed.test(column.type) || column.category === 'A' || column.kind !== 'b')).toEqual([]);
    });
  });
});

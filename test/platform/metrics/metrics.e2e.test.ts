import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const song = {
  duration_ms: 210_000,
  danceability: 0.8,
  energy: 0.7,
  valence: 0.6,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: false,
  loudness: -5,
  tempo: 120,
  mode: 1,
};
const OK_QUEUE = 'test-metrics-ok';
const FAILING_QUEUE = 'test-metrics-failing';
const TOKEN = 'metrics-token-0123456789abcdef';

/** Prometheus text format as series → value: `name{a="1",b="2"}` (labels sorted) → number. */
function parse(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels = [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, name, value]) => `${name}="${value}"`).sort();
    series.set(`${match[1]}{${labels.join(',')}}`, Number(match[3]));
  }
  return series;
}

const key = (name: string, labels: Record<string, string> = {}) =>
  `${name}{${Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .sort()
    .join(',')}}`;

describe('GET /api/metrics', () => {
  let t: TestApp;
  let secured: TestApp | undefined;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off', JOB_SCHEDULES: 'auth-cleanup=off' });
    const jobs = t.app.get(JobQueueService);
    jobs.define({ queue: OK_QUEUE, schedule: null, expireInSeconds: 30, retryLimit: 0, handler: async () => ({ done: true }) });
    jobs.define({
      queue: FAILING_QUEUE,
      schedule: null,
      expireInSeconds: 30,
      retryLimit: 0,
      handler: async () => {
        throw new Error('always fails');
      },
    });
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await secured?.close();
    await t?.close();
  });

  const scrapeText = async (app = t) => {
    const response = await request(app.http).get('/api/metrics').expect(200);
    return response.text;
  };
  const scrape = async () => parse(await scrapeText());
  const value = (samples: Map<string, number>, name: string, labels: Record<string, string> = {}) => samples.get(key(name, labels)) ?? 0;

  it('answers Prometheus text with every family listed, without a login', async () => {
    const response = await request(t.http).get('/api/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    const families = [
      ['encore_http_requests_total', 'counter'],
      ['encore_http_request_duration_seconds', 'histogram'],
      ['encore_predictions_total', 'counter'],
      ['encore_prediction_results_total', 'counter'],
      ['encore_prediction_duration_seconds', 'histogram'],
      ['encore_model_active_info', 'gauge'],
      ['encore_model_loaded', 'gauge'],
      ['encore_jobs', 'gauge'],
      ['encore_job_runs_total', 'counter'],
      ['encore_job_run_duration_seconds', 'histogram'],
      ['encore_db_pool_connections', 'gauge'],
      ['encore_db_pool_max_connections', 'gauge'],
      // prom-client's default process metrics
      ['process_cpu_user_seconds_total', 'counter'],
      ['process_resident_memory_bytes', 'gauge'],
      ['nodejs_heap_size_used_bytes', 'gauge'],
      ['nodejs_eventloop_lag_seconds', 'gauge'],
    ];
    for (const [name, type] of families) expect(response.text).toContain(`# TYPE ${name} ${type}\n`);
    parse(response.text); // every sample line is well formed
  });

  it('counts and times requests by route pattern, method and status class, never by raw URL', async () => {
    const before = await scrape();
    await request(t.http).get('/api/health/').expect(200);
    await request(t.http).get('/api/health').expect(200);
    await request(t.http).get('/api/dataset/songs/987654').expect(404);
    await request(t.http).get('/api/dataset/songs/987655').expect(404);
    await request(t.http).get('/api/dataset/songs/987656').expect(404);
    await request(t.http).get('/api/no-such-thing/42').expect(404);
    const after = await scrape();

    const health = { method: 'GET', route: '/api/health', status_class: '2xx' };
    const song404 = { method: 'GET', route: '/api/dataset/songs/:id', status_class: '4xx' };
    const unmatched = { method: 'GET', route: 'unmatched', status_class: '4xx' };
    expect(value(after, 'encore_http_requests_total', health) - value(before, 'encore_http_requests_total', health)).toBe(2);
    expect(value(after, 'encore_http_requests_total', song404) - value(before, 'encore_http_requests_total', song404)).toBe(3);
    expect(value(after, 'encore_http_requests_total', unmatched) - value(before, 'encore_http_requests_total', unmatched)).toBe(1);
    expect(value(after, 'encore_http_request_duration_seconds_count', song404) - value(before, 'encore_http_request_duration_seconds_count', song404)).toBe(3);
    expect(value(after, 'encore_http_request_duration_seconds_bucket', { ...song404, le: '+Inf' })).toBe(
      value(after, 'encore_http_request_duration_seconds_count', song404),
    );
    expect(value(after, 'encore_http_request_duration_seconds_sum', song404)).toBeGreaterThan(0);

    const routes = new Set([...after.keys()].filter((series) => series.startsWith('encore_http_')).map((series) => /route="([^"]*)"/.exec(series)?.[1]));
    for (const route of routes) expect(route === 'unmatched' || /^\/api(\/[\w-]+|\/:\w+)*$/.test(route!)).toBe(true);
    expect([...routes].join(' ')).not.toMatch(/98765|42/);
    // The scrapes themselves are not counted.
    expect([...routes].some((route) => route?.includes('metrics'))).toBe(false);
  });

  it('counts predictions by model and outcome, times them, and shows the model version in use', async () => {
    const before = await scrape();
    await request(t.http).post('/api/predict/manual/').send(song).expect(503);
    await request(t.http).post('/api/predict-genre').send({ total_spent: 10 }).expect(503);
    expect(value(before, 'encore_model_loaded', { model: 'hit' })).toBe(0);

    await t.app.get(DemoSongsService).import(1500);
    const { card } = await t.app.get(HitModelTrainerService).train({ trees: 5 });
    await t.app.get(HitPredictorService).reload();
    const { body: single } = await request(t.http).post('/api/predict/manual/').send(song).expect(200);
    const { body: batch } = await request(t.http)
      .post('/api/predict/batch/')
      .send({ rows: [song, song, { ...song, energy: 0.1 }] })
      .expect(200);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('encore_predictions_total', { model: 'hit', outcome: 'unavailable' })).toBe(1);
    expect(delta('encore_predictions_total', { model: 'genre', outcome: 'unavailable' })).toBe(1);
    expect(delta('encore_predictions_total', { model: 'hit', outcome: 'success' })).toBe(4);
    expect(delta('encore_prediction_duration_seconds_count', { model: 'hit', outcome: 'success' })).toBe(2); // two model runs
    const predicted = [single.prediction, ...batch.results.map((row: { prediction: string }) => row.prediction)] as string[];
    for (const label of ['HIT', 'FLOP']) {
      expect(delta('encore_prediction_results_total', { model: 'hit', result: label })).toBe(predicted.filter((p) => p === label).length);
    }
    expect(value(after, 'encore_model_active_info', { model: 'hit', version: card.version })).toBe(1);
    expect(value(after, 'encore_model_loaded', { model: 'hit' })).toBe(1);
    expect(value(after, 'encore_model_loaded', { model: 'genre' })).toBe(0);
  });

  it('reports jobs by queue and state from the queue tables, and failed runs', async () => {
    const jobs = t.app.get(JobQueueService);
    await jobs.send(OK_QUEUE, {});
    const failing = await jobs.send(FAILING_QUEUE, {});
    const deadline = Date.now() + 30_000;
    let samples = await scrape();
    while (
      Date.now() < deadline &&
      (value(samples, 'encore_jobs', { queue: OK_QUEUE, state: 'completed' }) < 1 ||
        value(samples, 'encore_jobs', { queue: FAILING_QUEUE, state: 'failed' }) < 1)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      samples = await scrape();
    }
    expect((await jobs.find(failing!))?.state).toBe('failed');
    expect(value(samples, 'encore_jobs', { queue: OK_QUEUE, state: 'completed' })).toBe(1);
    expect(value(samples, 'encore_jobs', { queue: FAILING_QUEUE, state: 'failed' })).toBe(1);
    // Every defined queue and state has a series, zeros included.
    expect(samples.has(key('encore_jobs', { queue: OK_QUEUE, state: 'failed' }))).toBe(true);
    expect(value(samples, 'encore_job_runs_total', { queue: FAILING_QUEUE, outcome: 'failed' })).toBe(1);
    expect(value(samples, 'encore_job_runs_total', { queue: OK_QUEUE, outcome: 'completed' })).toBe(1);
    expect(value(samples, 'encore_job_run_duration_seconds_count', { queue: OK_QUEUE, outcome: 'completed' })).toBe(1);
  });

  it('reports the database pool: total, idle, waiting and its size', async () => {
    const samples = await scrape();
    const total = value(samples, 'encore_db_pool_connections', { state: 'total' });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'encore_db_pool_connections', { state: 'idle' })).toBeLessThanOrEqual(total);
    expect(samples.has(key('encore_db_pool_connections', { state: 'waiting' }))).toBe(true);
    expect(value(samples, 'encore_db_pool_max_connections')).toBe(10);
  });

  it('requires Authorization: Bearer <METRICS_TOKEN> when it is set', async () => {
    secured = await createTestApp({ METRICS_TOKEN: TOKEN }, t);
    const refused = await request(secured.http).get('/api/metrics').expect(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining('METRICS_TOKEN') });
    expect(refused.text).not.toContain('encore_');
    await request(secured.http).get('/api/metrics').set('authorization', `Bearer ${TOKEN}x`).expect(401);
    await request(secured.http).get('/api/metrics').set('authorization', TOKEN).expect(401);
    const allowed = await request(secured.http).get('/api/metrics/').set('authorization', `Bearer ${TOKEN}`).expect(200);
    expect(allowed.text).toContain('# TYPE encore_http_requests_total counter');
    // The rest of the API is unaffected: public routes stay public.
    await request(secured.http).get('/api/health/').expect(200);
  });
});

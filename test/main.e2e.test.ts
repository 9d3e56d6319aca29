import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, spawnApp, waitForHealth, type AppProcess } from './support/app-process.js';
import { freePort } from './support/free-port.js';

/** The real entry point, as `npm start` runs it, on an embedded server of its own. */
describe('the app process with its embedded PostgreSQL', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  const running: AppProcess[] = [];
  const dataDir = () => join(root, 'pg');

  // A first start writes every demo dataset: give it time on a loaded machine.
  const start = async (timeoutMs?: number) => {
    const app = spawnApp(env);
    running.push(app);
    const health = await waitForHealth(app, timeoutMs);
    return { app, health };
  };

  const query = async (sql: string) => {
    const password = (await readFile(`${dataDir()}.password`, 'utf8')).trim();
    const client = new pg.Client({ host: '127.0.0.1', port: Number(env.EMBEDDED_PG_PORT), user: 'postgres', password, database: 'encore' });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  const postmasterPid = async () => Number((await readFile(join(dataDir(), 'postmaster.pid'), 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-main-'));
    await chmod(root, 0o755);
    env = {
      MODELS_DIR: join(root, 'models'),
      MEDIA_DIR: join(root, 'media'),
      EMBEDDED_PG_DIR: dataDir(),
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };
  });

  afterAll(async () => {
    for (const { child } of running) if (child.exitCode === null) child.kill('SIGKILL');
    if (existsSync(join(dataDir(), 'postmaster.pid'))) {
      try {
        process.kill(await postmasterPid(), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await rm(root, { recursive: true, force: true });
  });

  it('starts with zero setup, logs a masked connection string, and serves health', async () => {
    const { app, health } = await start(170_000);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const password = (await readFile(`${dataDir()}.password`, 'utf8')).trim();
    expect(app.output()).toContain(`postgresql://postgres:****@127.0.0.1:${env.EMBEDDED_PG_PORT}/encore`);
    expect(app.output()).not.toContain(password);
    expect(await query(`SELECT to_regclass('public.songs') AS t`)).toEqual([{ t: 'songs' }]);
  }, 180_000);

  it('writes the demo analytics at first start and scores them, so the dashboards are not empty', async () => {
    const [row] = await query(
      `SELECT (SELECT count(DISTINCT artist_id) FROM artist_metrics_daily)::int AS artists, (SELECT count(*) FROM artist_scores WHERE momentum IS NOT NULL)::int AS scored, (SELECT count(*) FROM analytics_alerts WHERE type = 'viral_spike')::int AS spikes`,
    );
    expect(row).toEqual({ artists: 5, scored: 5, spikes: expect.any(Number) });
    expect(row!.spikes).toBeGreaterThan(0);
  });

  it('writes the demo lead list at first start', async () => {
    expect(await query(`SELECT count(*)::int AS leads, count(DISTINCT tier)::int AS tiers FROM lead_profiles`)).toEqual([{ leads: 9, tiers: 4 }]);
  });

  it('activates the pre-trained hit model, trained on the real hit-predictor files, when none is active', async () => {
    expect(running.at(-1)!.output()).toMatch(/Activated the pre-trained hit model [\d-]+ \(CSV dataset-of-60s\.csv/);
    expect(await query(`SELECT model_name, is_active FROM model_metadata WHERE model_name = 'hit'`)).toEqual([{ model_name: 'hit', is_active: true }]);
    const active = await fetch(`${running.at(-1)!.baseUrl}/api/models/active`);
    expect(await active.json()).toMatchObject({
      synthetic_data: false,
      data_source: expect.stringContaining('dataset-of-60s.csv, dataset-of-70s.csv, dataset-of-80s.csv, dataset-of-90s.csv'),
      training_command: expect.stringMatching(/^npm run train -- --csv dataset-of-60s\.csv/),
    });
  });

  it('runs the job queue with the daily genre training', () => {
    expect(running.at(-1)!.output()).toMatch(/Job queue started \(.*genre-train at "0 2 \* \* \*" UTC/);
  });

  it('fills an empty store with the real Chinook sample and activates the genre model trained on its 59 customers', async () => {
    expect(await query('SELECT count(*)::int AS n FROM chinook.customer')).toEqual([{ n: 59 }]);
    expect(await query(`SELECT model_name, is_active FROM model_metadata WHERE model_name = 'genre'`)).toEqual([{ model_name: 'genre', is_active: true }]);
    const card = await fetch(`${running.at(-1)!.baseUrl}/api/genre/model`);
    expect(await card.json()).toMatchObject({
      synthetic_data: false,
      data_source: expect.stringContaining('Chinook sample store'),
      customers: { total: 59 },
      metrics: { accuracy: expect.any(Number), majority_baseline: { accuracy: expect.any(Number) } },
    });
    const prediction = await fetch(`${running.at(-1)!.baseUrl}/api/predict-genre`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ total_spent: 12, country: 'Brazil' }),
    });
    expect(await prediction.json()).toMatchObject({ status: 'OK', prediction: { genre: expect.any(String) } });
  });

  it('fills an empty song table with the synthetic demo dataset, once', async () => {
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM songs WHERE dataset = 'demo'`);
    expect(n).toBe(5000);
    const search = await fetch(`${running.at(-1)!.baseUrl}/api/dataset/songs?page_size=1`);
    expect(((await search.json()) as { count: number }).count).toBe(5000);
  });

  it('stops PostgreSQL on SIGTERM and keeps the data for the next start', async () => {
    await query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before restart')`);
    const app = running.at(-1)!;
    app.child.kill('SIGTERM');
    await exitOf(app.child);
    expect(existsSync(join(dataDir(), 'postmaster.pid'))).toBe(false);

    const { health } = await start();
    expect(health.status).toBe(200);
    expect(await query('SELECT note FROM kept')).toEqual([{ note: 'written before restart' }]);
    expect(await query('SELECT count(*)::int AS n FROM songs')).toEqual([{ n: 5000 }]); // not imported twice
    expect(await query('SELECT count(*)::int AS n FROM model_metadata')).toEqual([{ n: 2 }]); // hit and genre, not trained twice
    expect(await query('SELECT count(*)::int AS n FROM chinook.customer')).toEqual([{ n: 59 }]); // not filled twice
  });

  it('starts again after being killed while its PostgreSQL kept running', async () => {
    const killed = running.at(-1)!;
    const pid = await postmasterPid();
    killed.child.kill('SIGKILL');
    await exitOf(killed.child);

    const { app, health } = await start();
    expect(health.status).toBe(200);
    expect(await postmasterPid()).toBe(pid); // the orphaned server was adopted, not duplicated
    expect(app.output()).toContain('Adopting the PostgreSQL server');
  });

  it('starts again after being killed together with its PostgreSQL (stale postmaster.pid)', async () => {
    const killed = running.at(-1)!;
    process.kill(await postmasterPid(), 'SIGKILL');
    killed.child.kill('SIGKILL');
    await exitOf(killed.child);
    expect(existsSync(join(dataDir(), 'postmaster.pid'))).toBe(true);

    const { health } = await start();
    expect(health.status).toBe(200);
    expect(await query('SELECT note FROM kept')).toEqual([{ note: 'written before restart' }]);
  });

  it('refuses a bad configuration value with a message naming it and exit code 1', async () => {
    const app = spawnApp({ ...env, PORT: 'not-a-port' });
    const { code } = await exitOf(app.child);
    expect(code).toBe(1);
    expect(app.output()).toMatch(/PORT="not-a-port": .*integer/);
  });
});

import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_CLEANUP_QUEUE } from '../src/features/auth/auth-cleanup.job.js';
import { JOBS_SCHEMA } from '../src/platform/jobs/job-queue.service.js';
import { exitOf, spawnApp, waitForHealth, type AppProcess } from './support/app-process.js';
import { spawnCli } from './support/cli-process.js';
import { eventually } from './support/eventually.js';
import { freePort } from './support/free-port.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** Failed logins an account may make before it is throttled, on every instance. */
const LOGIN_MAX_FAILURES = 3;
/** Playlists acknowledged before the kill, and again after it, in the kill scenario. */
const WRITES_EACH_SIDE_OF_THE_KILL = 40;
const WRITERS = 6;

type Json = Record<string, unknown>;

/**
 * Three app processes (the built server, dist/) on one PostgreSQL, as a load balancer would spread
 * them: separate ports and model folders; the same database, secrets and media store (object
 * storage in production). Each scenario goes through every instance in turn.
 */
describe('three app instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let root: string;
  const instances: AppProcess[] = [];
  let user: { bearer: string };

  const call = async (instance: AppProcess, path: string, init: { method?: string; body?: Json; bearer?: string } = {}) => {
    const response = await fetch(`${instance.baseUrl}/api${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { 'content-type': 'application/json', ...(init.bearer && { authorization: init.bearer }) },
      body: init.body && JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
  };

  const query = async <Row extends object>(sql: string, params: unknown[] = []): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<Row>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  const register = async (instance: AppProcess, name: string) => {
    const account = { email: `${name}@example.com`, username: name, password: 'Tunes-2026-pass9' };
    const created = await call(instance, '/users', { body: { ...account, role: 'user', display_name: name } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return account;
  };

  const login = async (instance: AppProcess, email: string, password: string) => {
    const { status, body } = await call(instance, '/login', { body: { login: email, password } });
    expect(status).toBe(200);
    return `Bearer ${body.token as string}`;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    root = await mkdtemp(join(tmpdir(), 'encore-topology-'));
    await chmod(root, 0o755);
    const shared = {
      DATABASE_URL: database.url,
      // What must match across instances (docs/scaling-out.md).
      JWT_SECRET: randomBytes(32).toString('hex'),
      ANALYTICS_TOKEN_KEY: randomBytes(32).toString('base64'),
      MEDIA_DIR: join(root, 'media'),
      DATABASE_POOL_SIZE: '4',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LOGIN_MAX_FAILURES),
      GENRE_TRAIN_CRON: 'off',
      // The daily clean-up every minute, checked every second: pg-boss sends a job whose cron fired
      // within the last 60 s, so it runs soon after the instances start.
      JOB_SCHEDULES: `${AUTH_CLEANUP_QUEUE}=* * * * *`,
      JOB_CRON_CHECK_SECONDS: '1',
    };
    const start = async (index: number) => {
      const app = spawnApp({ ...shared, PORT: String(await freePort()), MODELS_DIR: join(root, `models-${index}`) });
      instances[index] = app;
      await waitForHealth(app, 170_000);
    };
    // The first fills the empty database (demo data, models); the others start on what it made.
    await start(0);
    await Promise.all([start(1), start(2)]);
    const account = await register(instances[0]!, 'listener');
    user = { bearer: await login(instances[1]!, account.email, account.password) };
  }, 240_000);

  afterAll(async () => {
    for (const { child } of instances) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(instances.map(({ child }) => exitOf(child)));
    await database?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('runs a scheduled job once across the three instances: one job per cron firing, each run by one instance', async () => {
    const jobs = `(SELECT id, name, state::text AS state, data, singleton_on, retry_count FROM ${JOBS_SCHEMA}.job
                   UNION ALL SELECT id, name, state::text, data, singleton_on, retry_count FROM ${JOBS_SCHEMA}.archive) jobs`;
    await eventually(
      'a scheduled clean-up completed',
      async () => (await query(`SELECT 1 FROM ${jobs} WHERE name = $1 AND state = 'completed'`, [AUTH_CLEANUP_QUEUE])).length > 0,
      90_000,
    );
    // Every instance checks the schedules; one of them sends the job of each minute the cron fires in.
    const firings = await query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${jobs} WHERE name = '__pgboss__send-it' AND data->>'name' = $1 GROUP BY singleton_on`,
      [AUTH_CLEANUP_QUEUE],
    );
    expect(firings.length).toBeGreaterThan(0);
    expect(firings.every((firing) => firing.count === 1)).toBe(true);
    const completed = await query<{ id: string; retry_count: number }>(`SELECT id, retry_count FROM ${jobs} WHERE name = $1 AND state = 'completed'`, [
      AUTH_CLEANUP_QUEUE,
    ]);
    expect(completed.length).toBeLessThanOrEqual(firings.length);
    for (const job of completed) {
      const runs = instances.map((instance) => instance.output().split(`Running ${AUTH_CLEANUP_QUEUE} job ${job.id}`).length - 1);
      expect({ job: job.id, runs: runs.reduce((sum, count) => sum + count, 0), retries: job.retry_count }).toEqual({ job: job.id, runs: 1, retries: 0 });
    }
  }, 120_000);

  it('throttles on every instance a login that failed too often through the others', async () => {
    const account = await register(instances[2]!, 'forgetful');
    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES; attempt++) {
      const instance = instances[attempt % instances.length]!;
      expect((await call(instance, '/login', { body: { login: account.email, password: 'not-the-password-1' } })).status).toBe(401);
    }
    // Even the right password now waits out the window, whichever instance it reaches.
    for (const instance of instances) {
      expect((await call(instance, '/login', { body: { login: account.email, password: account.password } })).status).toBe(429);
    }
  });

  it('reads through each instance a playlist written through another', async () => {
    const created = await call(instances[1]!, '/playlists', { body: { name: 'Written through one', visibility: 'private' }, bearer: user.bearer });
    expect(created.status).toBe(201);
    for (const instance of [instances[2]!, instances[0]!]) {
      const read = await call(instance, `/playlists/${created.body.id as string}`, { bearer: user.bearer });
      expect(read).toMatchObject({ status: 200, body: { id: created.body.id, name: 'Written through one' } });
    }
    const renamed = await call(instances[2]!, `/playlists/${created.body.id as string}`, {
      method: 'PUT',
      body: { name: 'Renamed through another' },
      bearer: user.bearer,
    });
    expect(renamed.status).toBe(200);
    expect((await call(instances[0]!, `/playlists/${created.body.id as string}`, { bearer: user.bearer })).body).toMatchObject({
      name: 'Renamed through another',
    });
  });

  it('serves the same active hit model on every instance, the other two from empty model folders of their own', async () => {
    const versions = await Promise.all(instances.map(async (instance) => (await call(instance, '/models/active')).body.version));
    expect(versions[0]).toEqual(expect.any(String));
    expect(versions).toEqual([versions[0], versions[0], versions[0]]);
  });

  it('serves on the other two instances, within 5 s, a model trained through one', async () => {
    const admin = { email: 'topology-admin@example.com', password: 'Label-admin-2026' };
    const cli = spawnCli(['create-admin', '--email', admin.email, '--password', admin.password], { DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    expect(await cli.exit(), cli.output()).toEqual({ code: 0, signal: null });
    const bearer = await login(instances[0]!, admin.email, admin.password);
    const queued = await call(instances[0]!, '/genre/train', { method: 'POST', bearer });
    expect(queued.status).toBe(202);
    const job = await eventually(
      'the genre training finished',
      async () => {
        const { body } = await call(instances[0]!, `/jobs/${queued.body.job_id as string}`, { bearer });
        return ['completed', 'failed'].includes(body.state as string) && body;
      },
      120_000,
    );
    expect(job, JSON.stringify(job.error)).toMatchObject({ state: 'completed' });
    const version = (job.output as Json).version as string;
    // A training activates its version only when it scores no worse: activate it through the first instance either way.
    expect((await call(instances[0]!, `/admin/models/genre/${version}/activate`, { method: 'POST', bearer })).status).toBe(200);
    for (const instance of instances.slice(1)) {
      await eventually(
        `instance on ${instance.baseUrl} serves genre model ${version}`,
        async () => (await call(instance, '/genre/model')).body.version === version,
        5_000,
      );
    }
  });

  it('loses no acknowledged write when an instance is killed mid-load', async () => {
    const victim = instances[2]!;
    const acknowledged: Array<{ id: string; through: AppProcess; afterKill: boolean }> = [];
    let killed = false;
    let attempt = 0;
    const writer = async () => {
      while (acknowledged.filter((write) => write.afterKill).length < WRITES_EACH_SIDE_OF_THE_KILL) {
        const through = instances[attempt % instances.length]!;
        const name = `load ${attempt++}`;
        const afterKill = killed;
        try {
          const { status, body } = await call(through, '/playlists', { body: { name }, bearer: user.bearer });
          if (status >= 200 && status < 300) acknowledged.push({ id: body.id as string, through, afterKill });
        } catch {
          // The killed instance's connections: refused or reset, never acknowledged.
        }
        if (!killed && acknowledged.length >= WRITES_EACH_SIDE_OF_THE_KILL) {
          killed = true;
          victim.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    expect(await exitOf(victim.child)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.filter((write) => write.through === victim).length).toBeGreaterThan(0);

    const ids = acknowledged.map((write) => write.id);
    const stored = await query<{ id: string }>('SELECT id FROM playlists WHERE id = ANY($1::uuid[])', [ids]);
    expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
  }, 120_000);
});

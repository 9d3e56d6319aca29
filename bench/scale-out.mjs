// npm run bench:scale-out — the production build (dist/bundle/main.js, NODE_ENV=production) as three
// instances on one embedded PostgreSQL, beside one of them alone, in the same run: for each of
// POST /api/predict/manual/ and POST /api/dataset/search/, autocannon drives one instance with N
// connections, then the three with N/3 connections each (what a round-robin balancer with
// keep-alive connections gives every instance), then the one again, each after a warm-up. It prints
// requests/s, latency, errors and server CPU per request of each run, the three's requests/s as a
// multiple of the one's (the mean of its two runs), and each instance's share of the requests.
// Each instance has a model cache (MODELS_DIR) of its own, filled from the database.
// Options: --duration <s> (10), --warmup <s> (2), --connections <n> (18, a multiple of 3).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuSeconds, describeMachine, freePort, postgresVersion, printTable, searchQueries, startBenchDatabase } from './support.mjs';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '18' },
  },
});
const DURATION = Number(options.duration);
const WARMUP = Number(options.warmup);
const CONNECTIONS = Number(options.connections);
if (CONNECTIONS % 3 !== 0) {
  console.error(`--connections ${CONNECTIONS}: give a multiple of 3, so each of the three instances gets as many`);
  process.exit(1);
}
const INSTANCES = 3;
const SAMPLE_SONGS = 300;
const START_TIMEOUT_MS = 5 * 60_000;
const MANUAL_FEATURES = ['duration_ms', 'danceability', 'energy', 'valence', 'acousticness', 'instrumentalness', 'explicit', 'loudness', 'tempo', 'mode'];

const root = await mkdtemp(join(tmpdir(), 'encore-bench-scale-out-'));
await chmod(root, 0o755);
const database = await startBenchDatabase();
const children = [];

/** An app instance with its output in a log file of the temporary folder. */
async function startInstance(index, env) {
  const port = await freePort();
  const log = join(root, `app-${index}.log`);
  const output = openSync(log, 'w');
  const child = spawn(process.execPath, ['dist/bundle/main.js'], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port), MODELS_DIR: join(root, `models-${index}`) },
    stdio: ['ignore', output, output],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}/api`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${index} exited (${child.exitCode}); its log:\n${(await readFile(log, 'utf8')).slice(-4000)}`);
    try {
      if ((await fetch(`${base}/health/`)).status === 200) return { base, pid: child.pid };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance ${index} did not become healthy within ${START_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** autocannon settings sending `bodies` in turn as JSON POSTs to `url`. */
function postEach(url, bodies, connections, duration) {
  let next = 0;
  return {
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(bodies[next++ % bodies.length]) }) }],
  };
}

/**
 * Warm-up, then the measured run, of autocannon on each of `instances` at once, CONNECTIONS spread
 * evenly; CPU per request: the instances' CPU time over the measured run (PostgreSQL's not included)
 * per request answered, which depends less on what else runs on the machine than requests/s do.
 */
async function measure(instances, path, bodies) {
  const each = CONNECTIONS / instances.length;
  await Promise.all(instances.map(({ base }) => autocannon(postEach(`${base}${path}`, bodies, each, WARMUP))));
  const cpuOf = async () => (await Promise.all(instances.map(({ pid }) => cpuSeconds(pid)))).reduce((sum, seconds) => sum + seconds, 0);
  const cpuBefore = await cpuOf();
  const runs = await Promise.all(instances.map(({ base }) => autocannon(postEach(`${base}${path}`, bodies, each, DURATION))));
  const total = runs.reduce((sum, run) => sum + run.requests.total, 0);
  return {
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requests.average, 0),
    // Latency over every request: each run's percentile weighted by its requests.
    p50: runs.reduce((sum, run) => sum + run.latency.p50 * run.requests.total, 0) / Math.max(1, total),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
    errors: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
    cpuPerRequestUs: (((await cpuOf()) - cpuBefore) * 1e6) / Math.max(1, total),
    shares: runs.map((run) => run.requests.total / Math.max(1, total)),
  };
}

try {
  const url = await database.freshDatabase();
  console.log(describeMachine(await postgresVersion(url)));
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '5',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ANALYTICS_TOKEN_KEY: randomBytes(32).toString('hex'),
    MEDIA_DIR: join(root, 'media'),
    SPOTIFY_CLIENT_ID: '',
    SPOTIFY_CLIENT_SECRET: '',
    GENRE_TRAIN_CRON: 'off',
    GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=131072',
    // Request limits on, as in production, with budgets no run reaches (every request comes from 127.0.0.1).
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_PER_IP: '1000000000',
    RATE_LIMIT_PER_ACCOUNT: '1000000000',
  };
  // The first fills the empty database (demo data, models); the others start on what it made.
  const instances = [await startInstance(0, env)];
  instances.push(...(await Promise.all([1, 2].map((index) => startInstance(index, env)))));
  const bases = instances.map((instance) => instance.base);

  const songs = [];
  for (let page = 1; songs.length < SAMPLE_SONGS; page++) songs.push(...(await getJson(`${bases[0]}/dataset/songs?page_size=100&page=${page}`)).results);
  const scenarios = [
    ['POST /api/predict/manual/', '/predict/manual/', songs.map((song) => Object.fromEntries(MANUAL_FEATURES.map((name) => [name, Number(song[name])])))],
    ['POST /api/dataset/search/', '/dataset/search/', searchQueries(songs, SAMPLE_SONGS).map((query) => ({ query: query.text, limit: 20 }))],
  ];

  const fixed = (value, digits) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const row = (name, servedBy, run) => [
    name,
    servedBy,
    fixed(run.requestsPerSecond, 0),
    fixed(run.p50, 1),
    fixed(run.p99, 1),
    run.errors,
    fixed(run.cpuPerRequestUs, 0),
    run.shares.map((share) => `${Math.round(share * 100)}%`).join(' / '),
  ];
  const rows = [];
  const ratios = [];
  for (const [name, path, bodies] of scenarios) {
    // One, three, one again: the load of the machine drifts, and the two single runs bracket the three's.
    const before = await measure(instances.slice(0, 1), path, bodies);
    const three = await measure(instances, path, bodies);
    const after = await measure(instances.slice(0, 1), path, bodies);
    rows.push(row(name, 'one instance', before), row('', `${INSTANCES} instances`, three), row('', 'one instance again', after));
    const one = (before.requestsPerSecond + after.requestsPerSecond) / 2;
    ratios.push(
      `${name}: ${INSTANCES} instances ${fixed(three.requestsPerSecond / one, 2)}x one instance's requests/s ` +
        `(${fixed(three.requestsPerSecond, 0)} vs ${fixed(one, 0)}, the mean of its two runs); server CPU ${fixed(three.cpuPerRequestUs, 0)} vs ` +
        `${fixed((before.cpuPerRequestUs + after.cpuPerRequestUs) / 2, 0)} µs/request`,
    );
  }
  console.log(
    `\n${CONNECTIONS} connections in all (one instance: all of them; ${INSTANCES} instances: ${CONNECTIONS / INSTANCES} each), ${WARMUP} s warm-up then ` +
      `${DURATION} s per run; autocannon runs in this process and shares the machine's ${cpus().length} cores with the ` +
      `instances and PostgreSQL. Errors: non-2xx answers + socket errors. p50: weighted by requests; p99: the highest instance's. ` +
      `Server CPU: the instances' CPU time over the measured run per request answered (PostgreSQL's not included).\n`,
  );
  printTable([['scenario', 'served by', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU µs/req', 'share per instance'], ...rows]);
  console.log('');
  for (const line of ratios) console.log(line);
} finally {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await database.stop();
  await rm(root, { recursive: true, force: true });
}

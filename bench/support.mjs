// Shared pieces of the benchmarks: a throwaway embedded PostgreSQL and the app's services on it.
// Benchmarks run the built app (dist/), which `npm run bench:*` builds first.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AppModule } from '../dist/app.module.js';
import { loadConfig } from '../dist/platform/config/app-config.js';
import { withDatabase } from '../dist/platform/database/connection-string.js';
import { EmbeddedPostgres } from '../dist/platform/database/embedded-postgres.js';
import { applyMigrations } from '../dist/platform/database/migrations.js';

/** The real datasets kept beside the repository: ENCORE_SHARED_DATA, else ../shared/data. */
export const sharedDataDir = resolve(process.env.ENCORE_SHARED_DATA || fileURLToPath(new URL('../../shared/data/', import.meta.url)));

/** A folder of the shared data; stops the benchmark with a one-line reason when it is absent. */
export function sharedDataFolder(name) {
  const dir = join(sharedDataDir, name);
  if (!existsSync(dir)) {
    console.error(`${dir} not found: this benchmark reads the real ${name} data (ENCORE_SHARED_DATA names the data folder).`);
    process.exit(1);
  }
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL server in a temporary folder, with a migrated template database to clone. */
export async function startBenchDatabase() {
  const root = await mkdtemp(join(tmpdir(), 'encore-bench-'));
  await chmod(root, 0o755);
  const server = new EmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort() });
  await server.start();
  await admin(server.url, 'CREATE DATABASE bench_template');
  await applyMigrations(withDatabase(server.url, 'bench_template'));
  let databases = 0;
  return {
    server,
    /** A fresh, migrated, empty database; returns its URL. */
    async freshDatabase() {
      const name = `bench_${++databases}`;
      await admin(server.url, `CREATE DATABASE ${name} TEMPLATE bench_template`);
      return withDatabase(server.url, name);
    },
    async stop() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The app's services (no HTTP) on one database. The dataset search keeps no answers here, so the
 * benchmarks time every search's own queries (a query asked twice would otherwise be a kept answer).
 */
export async function appContext(url) {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'error', DATASET_SEARCH_KEPT_MB: '0' });
  return NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: ['error'] });
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
}

/** The machine and load a run measured on, for the top of every benchmark's output. */
export function describeMachine(postgresVersion) {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return (
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}, ` +
    `Node ${process.version}, PostgreSQL ${postgresVersion}; load average ${load} at start (shared machines are noisy: compare figures of one run)`
  );
}

export async function postgresVersion(url) {
  const { rows } = await admin(url, 'SHOW server_version');
  return rows[0].server_version;
}

const statusMb = async (pid, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** A process's resident memory (VmRSS) in MB. Linux only. */
export const rssMb = (pid = 'self') => statusMb(pid, 'VmRSS');

/** A process's peak resident memory (VmHWM) in MB: since it started, or since resetPeakRss. Linux only. */
export const peakRssMb = (pid = 'self') => statusMb(pid, 'VmHWM');

/** CPU seconds a process has used (user + system, all its threads), from /proc/<pid>/stat. Linux only. */
export async function cpuSeconds(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ').at(-1).split(' ');
  // utime and stime, fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Starts a new peak: writing 5 to clear_refs sets VmHWM to the current RSS (Linux 4.0+, own processes). */
export function resetPeakRss(pid = 'self') {
  return writeFile(`/proc/${pid}/clear_refs`, '5');
}

export const SEARCH_KINDS = ['artist', 'title', 'prefix', 'typo', 'title + artist'];

/**
 * Deterministic search queries of the kinds people type, from songs ({track_name, artists}):
 * artists, titles, prefixes, typos, title + artist, in turn.
 */
export function searchQueries(songs, count) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const swap = (word) => {
    if (word.length < 4) return word;
    const i = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  return Array.from({ length: count }, (_, i) => {
    const song = songs[Math.floor(random() * songs.length)];
    const artist = song.artists.split(';')[0];
    const kind = SEARCH_KINDS[i % SEARCH_KINDS.length];
    switch (kind) {
      case 'artist':
        return { kind, text: artist };
      case 'title':
        return { kind, text: song.track_name };
      case 'prefix':
        return { kind, text: song.track_name.slice(0, 5) };
      case 'typo': {
        // One slip, as people make them: two neighbouring letters swapped in the longest word.
        const words = song.track_name.split(' ');
        const longest = words.reduce((best, word, at) => (word.length > words[best].length ? at : best), 0);
        words[longest] = swap(words[longest]);
        return { kind, text: words.join(' ') };
      }
      default:
        return { kind, text: `${song.track_name} ${artist}` };
    }
  });
}

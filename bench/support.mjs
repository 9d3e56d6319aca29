// Shared pieces of the benchmarks: a throwaway embedded PostgreSQL and the app's services on it.
// Benchmarks run the built app (dist/), which `npm run bench:*` builds first.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { AppModule } from '../dist/app.module.js';
import { loadConfig } from '../dist/config/app-config.js';
import { withDatabase } from '../dist/database/connection-string.js';
import { EmbeddedPostgres } from '../dist/database/embedded-postgres.js';
import { applyMigrations } from '../dist/database/migrations.js';

export const sharedDataDir = new URL('../../shared/data/', import.meta.url).pathname;

function freePort() {
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

/** The app's services (no HTTP) on one database. */
export async function appContext(url) {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'error' });
  return NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: ['error'] });
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows) console.log(row.map((cell, column) => String(cell).padEnd(widths[column])).join('  '));
}

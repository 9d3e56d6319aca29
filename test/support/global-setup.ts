import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../../src/platform/database/connection-string.js';
import { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres.js';
import { applyMigrations } from '../../src/platform/database/migrations.js';
import { freePort } from './free-port.js';
import { sharedDataMissing } from './shared-data.js';
import { TEMPLATE_DATABASE } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server (its `encore` database). */
    postgresUrl: string;
  }
}

/**
 * One embedded PostgreSQL for the whole run, with a template database built from the
 * migrations; each test file clones the template into a database of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  checkSharedData();
  const root = await mkdtemp(join(tmpdir(), 'encore-test-pg-'));
  await chmod(root, 0o755); // as root, the server runs as `postgres` and must reach its folder
  const server = new EmbeddedPostgres({ dataDir: join(root, 'data'), port: await freePort(), password: 'encore-test-password' });
  const teardown = async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await server.start();
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    await applyMigrations(withDatabase(server.url, TEMPLATE_DATABASE));
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('postgresUrl', server.url);
  return teardown;
}

/** CI always has the real datasets (hit-predictor files, MusicBrainz answers): there their absence fails the run; elsewhere it skips the tests that need them. */
function checkSharedData(): void {
  if (sharedDataMissing.length === 0) return;
  const ci = process.env.CI;
  if (ci && !['0', 'false'].includes(ci.toLowerCase())) {
    throw new Error(`CI=${ci} but real data is missing: ${sharedDataMissing.join('; ')}. CI must run the tests that need it.`);
  }
  process.stderr.write(`Skipping the tests that need real data: ${sharedDataMissing.join('; ')}.\n`);
}

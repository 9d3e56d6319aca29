import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres.js';
import { applyMigrations } from '../../src/platform/database/migrations.js';
import { freePort } from './free-port.js';

export interface OwnPostgres {
  server: EmbeddedPostgres;
  url: string;
  /** A temporary folder for the test's other files, removed by close(). */
  root: string;
  /** One statement on a connection of its own (so it never waits behind the app's pool). */
  query<Row extends object>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * A migrated PostgreSQL server of one test file's own, for tests that stop or restart it:
 * the run's shared server (test-database.ts) must stay up for every other file.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'encore-own-pg-'));
  await chmod(root, 0o755); // as root, the server runs as `postgres` and must reach its folder
  const server = new EmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort() });
  await server.start();
  await applyMigrations(server.url);
  return {
    server,
    url: server.url,
    root,
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: server.url, application_name: 'encore-test' });
      await client.connect();
      try {
        return (await client.query<Row>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async close() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

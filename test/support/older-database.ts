import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations, migrationsDir } from '../../src/platform/database/migrations.js';
import { createTestDatabase } from './test-database.js';

/** A database of an older install: migrated up to, not including, one migration; to fill, then migrate. */
export interface OlderDatabase {
  url: string;
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Applies the migrations the install did not have yet. */
  migrate(): Promise<void>;
  drop(): Promise<void>;
}

export async function databaseBefore(migration: string): Promise<OlderDatabase> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    'DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS chinook CASCADE; DROP SCHEMA IF EXISTS reporting CASCADE; CREATE SCHEMA public; DROP EXTENSION IF EXISTS pg_trgm',
  );
  const older = await mkdtemp(join(tmpdir(), 'encore-older-migrations-'));
  for (const entry of await readdir(migrationsDir)) if (entry < migration) await cp(join(migrationsDir, entry), join(older, entry), { recursive: true });
  await applyMigrations(database.url, older);
  return {
    url: database.url,
    query: async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await client.query<T>(sql, values)).rows,
    migrate: async () => void (await applyMigrations(database.url)),
    async drop() {
      await client.end();
      await database.drop();
      await rm(older, { recursive: true, force: true });
    },
  };
}

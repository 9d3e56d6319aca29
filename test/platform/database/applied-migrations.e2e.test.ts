import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, migrationNames } from '../../../src/platform/database/migrations.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * A restart reads `_prisma_migrations` itself and skips the schema engine when nothing is pending:
 * what the engine would do in every other case must stay the engine's.
 */
describe('applying migrations to a database that has them all', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeEach(async () => {
    database = await createTestDatabase(); // a clone of the template, every migration applied
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await database.drop();
  });

  it('applies and reports none', async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it('hands a migration whose record was rolled back to the engine, which runs it again', async () => {
    const newest = (await migrationNames()).at(-1)!;
    await client.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1', [newest]);
    // Applied, or refused because its SQL meets the objects it created: either way the engine ran it.
    const outcome = await applyMigrations(database.url).then(
      (applied) => applied.join(', '),
      (error: Error) => error.message,
    );
    expect(outcome).toContain(newest);
  });

  it('still refuses a database with a failed migration, naming it', async () => {
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('failed-one', 'x', '29991231000000_failed', now(), 0)`,
    );
    await expect(applyMigrations(database.url)).rejects.toThrow('29991231000000_failed');
  });
});

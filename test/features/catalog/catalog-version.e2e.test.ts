import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * The catalog's version (migration 20261206140300_catalog_versions): the sum of 64 slots that
 * statement triggers bump on every change to what song listings show. A writer must never wait for
 * another transaction's slot while a slot is free: plays and likes would otherwise queue behind
 * each other's commits, and two writers could deadlock.
 */
describe('the catalog version', () => {
  let database: TestDatabase;
  let holder: pg.Client;
  let writer: pg.Client;
  const version = async (client: pg.Client) => (await client.query<{ sum: string }>('SELECT sum(version)::text AS sum FROM catalog_versions')).rows[0]!.sum;

  beforeAll(async () => {
    database = await createTestDatabase();
    [holder, writer] = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })];
    await Promise.all([holder.connect(), writer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([holder.end(), writer.end()]);
    await database.drop();
  });

  it('grows with a committed change to the catalog', async () => {
    const before = await version(writer);
    await writer.query(`INSERT INTO genres (name, search_text) VALUES ('Polka', 'polka')`);
    expect(BigInt(await version(writer))).toBe(BigInt(before) + 1n);
  });

  it('lets a change through at once while other transactions hold every slot but one', async () => {
    const before = await version(holder);
    await holder.query('BEGIN');
    await holder.query('SELECT slot FROM catalog_versions WHERE slot <> 17 FOR UPDATE');
    try {
      await writer.query(`SET lock_timeout = '2s'`);
      await writer.query(`UPDATE genres SET name = 'Polka!' WHERE search_text = 'polka'`);
    } finally {
      await holder.query('ROLLBACK');
      await writer.query('RESET lock_timeout');
    }
    expect(BigInt(await version(holder))).toBe(BigInt(before) + 1n);
    expect((await holder.query<{ version: string }>('SELECT version::text FROM catalog_versions WHERE slot = 17')).rows[0]!.version).not.toBe('0');
  });
});

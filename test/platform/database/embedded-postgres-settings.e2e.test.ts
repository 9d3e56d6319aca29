import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintenanceWorkers } from '../../../src/platform/database/embedded-postgres.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('the embedded PostgreSQL sized to the machine it runs on', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('gives an index build no parallel workers on two cores, and one per pair of cores beyond the first pair', () => {
    expect([1, 2, 3, 4, 8, 16].map((cores) => maintenanceWorkers(cores))).toEqual([0, 0, 0, 1, 3, 7]);
  });

  it("runs with this machine's share of parallel workers per index build", async () => {
    const { rows } = await client.query<{ max_parallel_maintenance_workers: string }>('SHOW max_parallel_maintenance_workers');
    expect(Number(rows[0]!.max_parallel_maintenance_workers)).toBe(maintenanceWorkers());
  });
});

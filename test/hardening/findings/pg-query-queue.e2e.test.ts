import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const run = promisify(execFile);

/**
 * Finding 9 of issue 20 (in part): the test run printed pg's "Calling client.query() when the
 * client is already executing a query" deprecation (an error in pg 9). Prisma's pg adapter loads
 * a transaction's relations in parallel on its one connection. The app's own database client
 * (PrismaService, in a fresh process since pg warns once per process) now reads a user with two
 * relations inside a transaction without it.
 */
describe('a transaction reading relations in parallel through the app’s database client', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO users (email, username, password_hash, display_name) VALUES ('queue@example.com', 'queue', 'x', 'Queue')`);
    await client.end();
  });
  afterAll(() => database.drop());

  it('answers without pg deprecating its query queue', async () => {
    const script = `
      import { PrismaService } from './dist/platform/database/prisma.service.js';
      const prisma = new PrismaService(process.env.URL, { DATABASE_POOL_SIZE: 2, DATABASE_TIMEOUT_MS: 5000 });
      const users = await prisma.$transaction((tx) => tx.user.findMany({ include: { refreshTokens: true, playlists: true, likes: true } }));
      await prisma.onModuleDestroy();
      console.log(JSON.stringify(users.map((user) => user.username)));`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, URL: database.url } });
    expect(JSON.parse(stdout)).toEqual(['queue']);
    expect(stderr).not.toContain('DeprecationWarning');
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);

/**
 * pg warns once per process, so each case runs in its own node process: three queries fired
 * together inside one transaction, as Prisma's adapter does for a nested include.
 */
async function concurrentQueriesInTransaction(client: 'SequentialClient' | 'Client') {
  const script = `
    import pg from 'pg';
    import { SequentialClient } from './dist/platform/database/sequential-client.js';
    const client = new (${client === 'Client' ? 'pg.Client' : 'SequentialClient'})({ connectionString: process.env.URL });
    await client.connect();
    await client.query('BEGIN');
    const answers = await Promise.all([1, 2, 3].map((n) => client.query('SELECT $1::int AS n, pg_sleep(0.02)', [n])));
    const failed = await Promise.allSettled([client.query('SELECT 1/0'), client.query('SELECT 1')]);
    await client.query('ROLLBACK');
    await client.end();
    console.log(JSON.stringify({ answers: answers.map((answer) => answer.rows[0].n), failed: failed.map((result) => result.status) }));`;
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, URL: inject('postgresUrl') } });
  return { ...(JSON.parse(stdout) as { answers: number[]; failed: string[] }), stderr };
}

describe('SequentialClient', () => {
  it('answers concurrent queries of one transaction in order without pg deprecating its queue', async () => {
    const { answers, stderr } = await concurrentQueriesInTransaction('SequentialClient');
    expect(answers).toEqual([1, 2, 3]);
    expect(stderr).not.toContain('DeprecationWarning');
  });

  it('keeps transaction semantics: a failed query aborts the transaction for the query queued after it', async () => {
    const { failed } = await concurrentQueriesInTransaction('SequentialClient');
    expect(failed).toEqual(['rejected', 'rejected']);
  });

  it('is needed: pg itself warns when the same queries share a plain client', async () => {
    const { stderr } = await concurrentQueriesInTransaction('Client');
    expect(stderr).toContain('already executing a query');
  });
});

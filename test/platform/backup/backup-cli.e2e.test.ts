import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../../src/platform/config/paths.js';
import { withDatabase } from '../../../src/platform/database/connection-string.js';
import { CLI_ENTRY } from '../../support/cli-process.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** npm run cli -- backup / restore, as the built CLI runs them. */
describe('npm run cli -- backup | restore', () => {
  let database: TestDatabase;
  let dir: string;
  const restored = `encore_cli_restored_${process.pid}`;

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI_ENTRY, ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, DATABASE_URL: database.url },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
  };
  const sql = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'encore-backup-cli-'));
    await sql(
      database.url,
      "INSERT INTO users (email, username, password_hash, role, display_name) VALUES ('a@example.com', 'a', 'x', 'user', 'A'), ('b@example.com', 'b', 'x', 'admin', 'B')",
    );
  });
  afterAll(async () => {
    await sql(inject('postgresUrl'), `DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`);
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists both commands', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout.toString()).toMatch(/backup \[options\]/);
    expect(stdout.toString()).toMatch(/restore \[options\]/);
  });

  it('backs up to a file, reporting the tool, the tables and the rows, and restores it into a new database', async () => {
    const file = join(dir, 'cli.backup.gz');
    const backup = cli('backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(backup.stderr).toMatch(/^Using PostgreSQL at postgresql:\/\/postgres:\*\*\*\*@/);
    // pg_dump here, if any, is not PostgreSQL 18: the built-in format is used and the reason given.
    expect(backup.stdout.toString()).toMatch(
      /^Backed up \d+ tables \([\d,]+ rows\) at migration \d+_\w+ in Encore's built-in format \((pg_dump \d+ does not match the server's PostgreSQL 18|pg_dump is not on PATH)\)\nWrote .*cli\.backup\.gz \([\d.]+ MB\)\n$/,
    );

    const restore = cli('restore', '--from', file, '--database', restored);
    expect(restore.code).toBe(0);
    expect(restore.stdout.toString()).toMatch(new RegExp(`^Restored \\d+ tables \\([\\d,]+ rows\\) into the database "${restored}" at migration \\d+_\\w+\\n`));
    expect(restore.stderr).toMatch(/Created the database/);
    expect(await sql(withDatabase(database.url, restored), 'SELECT username, role FROM users ORDER BY username')).toEqual([
      { username: 'a', role: 'user' },
      { username: 'b', role: 'admin' },
    ]);

    const again = cli('restore', '--from', file, '--database', restored);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`The database "${restored}" is not empty .* add --force`));
  });

  it('writes the backup to stdout with --out -, the report going to stderr', async () => {
    const result = cli('backup', '--out', '-');
    expect(result.code).toBe(0);
    const header = JSON.parse(gunzipSync(result.stdout).toString('utf8').split('\n')[0]!);
    expect(header).toMatchObject({ format: 'encore-backup', version: 1, schemas: expect.arrayContaining(['public', 'chinook']) });
    expect(result.stderr).toMatch(/Backed up \d+ tables \([\d,]+ rows\)/);
  });

  it('fails with a clear message and exit code 1 for a missing or foreign file', async () => {
    const missing = cli('restore', '--from', join(dir, 'nope.gz'), '--database', 'encore_cli_never');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No backup file at ${join(dir, 'nope.gz')}`);
    const foreign = cli('restore', '--from', join(projectRoot, 'package.json'), '--database', 'encore_cli_never');
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/package\.json is not a backup/);
    expect(cli('restore').stderr).toMatch(/required option '--from <file>'/);
    expect(await readFile(join(projectRoot, 'package.json'), 'utf8')).toContain('"name": "encore"');
  });
});

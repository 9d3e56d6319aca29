import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../src/platform/config/paths.js';
import { runCli } from '../../../support/cli-process.js';
import { hitPredictorFixtures } from '../../../support/sample-data.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';

const [crlfFixture, lfFixture] = hitPredictorFixtures as [string, string];

// Each command is a fresh Node process on the test run's PostgreSQL (DATABASE_URL): seconds each.
describe('song CSVs from the command line', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let root: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    database = await createTestDatabase();
    root = await mkdtemp(join(tmpdir(), 'encore-import-cli-'));
    env = { DATABASE_URL: database.url, MODELS_DIR: join(root, 'models') };
  });
  afterAll(async () => {
    await database.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('import-songs says how many dataset songs, and how many of them demo songs, it will clear before it clears', async () => {
    const first = cli('import-songs', '--csv', crlfFixture, '--csv', lfFixture);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Clearing before the import \(.*\): dataset songs: 0, of which demo: 0\.$/m);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`UPDATE songs SET dataset = 'demo' WHERE track_id < 'EncoreFixtureTrack0010'`); // tracks 1-9
    await client.end();

    const dryRun = cli('import-songs', '--csv', lfFixture, '--dry-run');
    expect(dryRun.stdout).toMatch(/^The import would clear first \(dry run: nothing is deleted\): dataset songs: 38, of which demo: 9\.$/m);
    const again = cli('import-songs', '--csv', lfFixture);
    expect(again.code).toBe(0);
    const notice = again.stdout.indexOf('dataset songs: 38, of which demo: 9.');
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(notice).toBeLessThan(again.stdout.indexOf('Import finished'));
    expect(again.stdout).toMatch(/^Cleared: +38 dataset songs before importing$/m);
    expect(cli('import-songs', '--csv', lfFixture, '--no-clear').stdout).not.toContain('of which demo');
  });

  it('import-songs imports the rows after an unclosed quote and names the bad row by file and line', async () => {
    const [header, ...rows] = (await readFile(lfFixture, 'utf8')).trimEnd().split('\n');
    const csv = join(root, 'open-quote.csv');
    await writeFile(csv, [header, rows[0], `"Never Closed, ${rows[1]}`, rows[2]].join('\n'));
    const { code, stdout } = cli('import-songs', '--csv', csv, '--no-clear');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Rows read: +3 /m);
    expect(stdout).toMatch(/^Skipped: +1 bad rows\n {2}\S*open-quote\.csv:3: field 1 opens a quote that the line never closes$/m);
  });

  it('train --csv names a missing file in one line, before starting anything, and exits non-zero', () => {
    const missing = join(root, 'missing.csv');
    const { code, stdout, stderr } = cli('train', '--csv', missing);
    expect(code).toBe(1);
    expect(stderr).toBe(`File not found: ${missing}\n`);
    expect(stdout).toBe('');
  });

  describe('npx prisma db seed', () => {
    const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
    const seed = (...args: string[]) => {
      const result = spawnSync(process.execPath, [prismaCli, 'db', 'seed', '--', ...args], {
        cwd: projectRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
        encoding: 'utf8',
      });
      return { code: result.status, output: result.stdout + result.stderr };
    };

    it('fails with the name of a missing file', () => {
      const missing = join(root, 'missing.csv');
      const { code, output } = seed('--csv', missing);
      expect(code).not.toBe(0);
      expect(output).toContain(`File not found: ${missing}`);
    });

    it('prints the report of a dry run', () => {
      const { code, output } = seed('--csv', crlfFixture, '--dry-run');
      expect(code).toBe(0);
      expect(output).toContain('Import finished (dry run: nothing was written).');
      expect(output).toMatch(/^Rows read: +23 /m);
    });
  });
});

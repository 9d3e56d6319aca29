import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { exitOf, spawnApp, waitForHealth } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';

describe('npm run cli', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  const pidFile = () => join(root, 'pg', 'postmaster.pid');

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'dist/cli/main.js'), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-cli-'));
    await chmod(root, 0o755);
    env = { EMBEDDED_PG_DIR: join(root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()) };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lists its commands with --help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/migrate/);
    expect(stdout).toMatch(/create-migration <name>/);
  });

  it('refuses an unknown command with a non-zero exit', () => {
    const { code, stderr } = cli('frobnicate');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown command/);
  });

  it('starts the embedded server for the command when no app runs, and stops it after', () => {
    const first = cli('migrate');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied: \d+_init/);
    expect(existsSync(pidFile())).toBe(false);

    expect(cli('migrate').stdout.trim()).toBe('The database is up to date.');
  });

  it("uses the running app's server and leaves it running", async () => {
    const app = spawnApp(env);
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      const serverPid = (await readFile(pidFile(), 'utf8')).split('\n')[0];

      const { code, stderr } = cli('migrate');
      expect(code).toBe(0);
      expect(stderr).toMatch(/Using the PostgreSQL server \(pid \d+\) run by process/);
      expect((await readFile(pidFile(), 'utf8')).split('\n')[0]).toBe(serverPid);
      expect((await fetch(`${app.baseUrl}/api/health/`)).status).toBe(200);
    } finally {
      app.child.kill('SIGTERM');
      await exitOf(app.child);
    }
  });
});

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.js';
import { freePort } from '../support/free-port.js';

// Each command is a fresh Node process on an embedded database of its own; test/features/auth/create-admin.e2e.test.ts
// checks what the accounts can do afterwards.
describe('npm run cli -- create-admin', { timeout: 120_000 }, () => {
  let root: string;
  let env: NodeJS.ProcessEnv;

  const createAdmin = (...args: string[]) => runCli(['create-admin', ...args], env);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-create-admin-'));
    await chmod(root, 0o755);
    env = { MODELS_DIR: join(root, 'models'), EMBEDDED_PG_DIR: join(root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()) };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuses an address registration would refuse, before starting the database', () => {
    const refused = createAdmin('--email', 'not an email', '--password', 'sound-Check42');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('--email must be an email address of at most 254 characters');
    expect(refused.stdout).toBe('');
  });

  it('needs a password to create an account, and says it created one', () => {
    const refused = createAdmin('--email', 'boss@example.com');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('password is required: no account has the email boss@example.com yet');
    const created = createAdmin('--email', 'Boss@Example.com', '--password', 'sound-Check42');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created admin boss@example\.com \(username boss, id [0-9a-f-]{36}\)\.$/m);
  });

  it('tells an existing admin left alone from one whose password it set', () => {
    const unchanged = createAdmin('--email', 'boss@example.com');
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toMatch(/^boss@example\.com \(username boss, id [0-9a-f-]{36}\) was already an admin; its password is unchanged\.$/m);
    const reset = createAdmin('--email', 'boss@example.com', '--password', 'other-Pass42');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/was already an admin; set its password and signed out its sessions\.$/m);
    const weak = createAdmin('--email', 'boss@example.com', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password must be at least 8 characters');
  });

  it('starts the account modules and the platform, not the whole app', () => {
    const { code, stderr } = runCli(['create-admin', '--email', 'boss@example.com'], { ...env, LOG_LEVEL: 'debug' });
    expect(code).toBe(0);
    expect(stderr).toContain('AuthModule dependencies initialized');
    expect(stderr).toContain('DatabaseModule dependencies initialized');
    for (const other of ['LeadsModule', 'AnalyticsModule', 'CatalogModule', 'HitModelModule'])
      expect(stderr).not.toContain(`${other} dependencies initialized`);
  });
});

import { Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/app-config.js';
import { projectRoot } from '../../../src/platform/config/paths.js';
import { APP_ENTRY } from '../../support/app-process.js';
import { freePort } from '../../support/free-port.js';
import { captureLines, loggingApps } from '../../support/logging-apps.js';

const SECRETS = ['Sup3r-secret-passw0rd', 'eyJhbGciOiJIUzI1NiJ9.not-a-real-token.sig', 'pg-secret-pw'];

describe('LOG_FORMAT', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ANALYTICS_TOKEN_KEY: 'a'.repeat(64) };

  it('defaults to json in production and pretty elsewhere, and may be set either way', () => {
    expect(loadConfig(production).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('pretty');
    expect(loadConfig({ ...production, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml"/);
  });
});

describe('logs of the HTTP app', () => {
  const apps = loggingApps();
  afterAll(() => apps.close());

  describe('json', () => {
    const output = captureLines();
    let http: App;
    beforeAll(async () => {
      http = await apps.start('json', output.destination);
      await request(http).get('/api/health/').set('x-request-id', 'req-json-1').expect(200);
      await request(http)
        .get('/api/dataset/songs/424242?access_token=' + SECRETS[1])
        .set('x-request-id', 'req-json-2')
        .expect(404);
      await request(http).get('/api/profile').set('authorization', `Bearer ${SECRETS[1]}`).set('x-request-id', 'req-json-3').expect(401);
      await request(http).post('/api/login').send({ login: 'nobody@example.com', password: SECRETS[0] }).set('x-request-id', 'req-json-4');
      const logger = new Logger('Probe');
      logger.log('account created', { user: { email: 'a@example.com', password: SECRETS[0] }, headers: { authorization: `Bearer ${SECRETS[1]}` } });
      logger.warn(`connecting to postgresql://encore:${SECRETS[2]}@db:5432/encore with Bearer ${SECRETS[1]}`);
      logger.error('it broke', new Error('boom').stack);
    });

    it('writes every line as one JSON object with level, time and msg', () => {
      const lines = output.lines();
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        const entry = JSON.parse(line);
        expect(entry).toMatchObject({ level: expect.stringMatching(/^(trace|debug|info|warn|error|fatal)$/), msg: expect.any(String) });
        expect(new Date(entry.time).toISOString()).toBe(entry.time);
      }
      // Nest's own start-up lines too, with their context.
      expect(lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ level: 'info', context: 'NestApplication', msg: 'Nest application successfully started' }),
      );
    });

    it('gives each request one line with its id, method, route pattern, status and duration', () => {
      const requests = output
        .lines()
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.context === 'HTTP');
      const health = requests.find((entry) => entry.req_id === 'req-json-1');
      expect(health).toMatchObject({ level: 'info', method: 'GET', url: '/api/health/', route: '/api/health', status: 200, duration_ms: expect.any(Number) });
      expect(health.msg).toMatch(/^GET \/api\/health\/ 200 [\d.]+ms \[req-json-1\]$/);
      expect(requests.find((entry) => entry.req_id === 'req-json-2')).toMatchObject({ route: '/api/dataset/songs/:id', status: 404 });
      expect(requests.find((entry) => entry.req_id === 'req-json-3')).toMatchObject({ route: '/api/profile', status: 401 });
      expect(requests.find((entry) => entry.req_id === 'req-json-4')).toMatchObject({ method: 'POST', route: '/api/login' });
    });

    it('never writes passwords, tokens or authorization headers', () => {
      const text = output.lines().join('\n');
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      const entries = output.lines().map((line) => JSON.parse(line));
      expect(entries.find((entry) => entry.req_id === 'req-json-2').url).toBe('/api/dataset/songs/424242?access_token=[redacted]');
      expect(entries.find((entry) => entry.msg === 'account created')).toMatchObject({
        context: 'Probe',
        user: { email: 'a@example.com', password: '[redacted]' },
        headers: { authorization: '[redacted]' },
      });
      expect(entries.find((entry) => entry.level === 'warn' && entry.context === 'Probe').msg).toBe(
        'connecting to postgresql://encore:[redacted]@db:5432/encore with Bearer [redacted]',
      );
    });

    it("leaves Nest's line per module and per route out of the default level", () => {
      const contexts = output.lines().map((line) => JSON.parse(line).context);
      expect(contexts).toContain('NestApplication');
      for (const chatty of ['InstanceLoader', 'RoutesResolver', 'RouterExplorer']) expect(contexts).not.toContain(chatty);
    });

    it('keeps the stack of an error as a field', () => {
      const entry = output
        .lines()
        .map((line) => JSON.parse(line))
        .find((line) => line.msg === 'it broke');
      expect(entry).toMatchObject({ level: 'error', context: 'Probe', stack: expect.stringContaining('Error: boom') });
    });
  });

  it("writes Nest's line per module and per route at debug level", async () => {
    const debug = captureLines();
    await apps.start('json', debug.destination, 'debug');
    const entries = debug.lines().map((line) => JSON.parse(line));
    expect(entries).toContainEqual(expect.objectContaining({ level: 'debug', context: 'RouterExplorer', msg: 'Mapped {/api/health, GET} route' }));
    expect(entries).toContainEqual(expect.objectContaining({ level: 'debug', context: 'InstanceLoader' }));
    expect(entries.filter((entry) => ['InstanceLoader', 'RoutesResolver', 'RouterExplorer'].includes(entry.context) && entry.level !== 'debug')).toEqual([]);
  });

  describe('pretty', () => {
    const written: string[] = [];
    let http: App;
    beforeAll(async () => {
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
      try {
        http = await apps.start('pretty');
        await request(http).get('/api/health/').set('x-request-id', 'req-pretty-1').expect(200);
        await request(http).get('/api/profile').set('authorization', `Bearer ${SECRETS[1]}`).set('x-request-id', 'req-pretty-2').expect(401);
      } finally {
        spy.mockRestore();
      }
    });
    afterEach(() => vi.restoreAllMocks());

    it("prints Nest's console lines for people, not JSON", () => {
      const line = written.find((chunk) => chunk.includes('req-pretty-1'));
      expect(line).toMatch(/\[HTTP\] .*GET \/api\/health\/ 200 [\d.]+ms \[req-pretty-1\]/);
      expect(() => JSON.parse(line!)).toThrow();
      // The structured fields belong to JSON logs: the line is not followed by an object dump.
      expect(line).not.toMatch(/req_id|duration_ms/);
      expect(written.join('')).not.toContain(SECRETS[1]);
      expect(written.join('')).not.toMatch(/\[(InstanceLoader|RoutesResolver|RouterExplorer)\]/);
    });
  });
});

describe('the server process in json mode', () => {
  it('logs JSON from its first line, even when it cannot start, without the database password', async () => {
    const port = await freePort(); // nothing listens there
    const child = spawn(process.execPath, [APP_ENTRY], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_FORMAT: 'json',
        PORT: String(await freePort()),
        DATABASE_URL: `postgresql://encore:${SECRETS[2]}@127.0.0.1:${port}/encore`,
        DATABASE_TIMEOUT_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    const entries = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(entries[0]).toMatchObject({ level: 'warn', context: 'Encore', msg: expect.stringContaining('JWT_SECRET is not set') });
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'info', context: 'Encore', msg: `Using PostgreSQL at postgresql://encore:****@127.0.0.1:${port}/encore` }),
    );
    expect(entries.at(-1)).toMatchObject({ level: 'error', context: 'Encore' });
    expect(stdout + stderr).not.toContain(SECRETS[2]);
  }, 60_000);
});

import { SignJWT } from 'jose';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueueService } from '../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { uploadSong } from '../support/catalog.js';
import { toneWav } from '../support/audio-files.js';
import { createDatasetSong } from '../support/dataset-rows.js';
import { concretePath, fetchOpenApiDocument, hasErrorShape, inBatches, operationsOf, type Operation } from '../support/openapi-operations.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const JWT_SECRET = 'hardening-suite-signing-key-32-chars-long';

/**
 * Writes anyone may call, and why. Every other POST, PUT, PATCH or DELETE must need a signed-in
 * caller: a new public write fails this suite until it is listed here with its reason.
 */
const PUBLIC_WRITES: Record<string, string> = {
  'POST /api/users': 'registration',
  'POST /api/login': 'signing in (rate limited per account and IP)',
  'POST /api/auth/register': 'registration at FanPulse’s path',
  'POST /api/auth/login': 'signing in at FanPulse’s path (the same limits)',
  'POST /api/auth/refresh': 'the refresh token is the credential',
  'POST /api/payments/webhook': 'Stripe signs the body (Stripe-Signature)',
  'POST /api/predict/manual': 'the public hit predictor',
  'POST /api/predict/spotify': 'the public hit predictor',
  'POST /api/predict/batch': 'the public hit predictor',
  'POST /api/predict-genre': 'the public genre predictor',
  'POST /api/dataset/search': 'a read with a JSON body',
  'POST /api/spotify/search': 'a read with a JSON body',
};

const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1); DELETE FROM songs; --',
  "x' UNION SELECT password_hash FROM users --",
  "%' AND 1=CAST((SELECT password_hash FROM users LIMIT 1) AS int) --",
  '$$; TRUNCATE playlists; $$',
  "\\'; TRUNCATE catalog_songs CASCADE; --",
];

/** Signs as the app does (HS256, issuer and audience), with the claims and lifetime given. */
function signToken(claims: Record<string, unknown>, subject: string, expiresAt: number, key = JWT_SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer('encore')
    .setAudience('encore-api')
    .setIssuedAt(expiresAt - 900)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(key));
}

/** Row counts of every table of the public schema. */
async function tableCounts(t: TestApp): Promise<Map<string, number>> {
  const tables = await t.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const counts = new Map<string, number>();
  for (const { name } of tables) {
    const [row] = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts.set(name, row!.n);
  }
  return counts;
}

/**
 * The API's defences, checked across the OpenAPI document so that new routes are covered.
 * Who may write what on whose resources is test/features/auth/authorization-matrix.e2e.test.ts; login
 * rate limits and token rotation are test/features/auth/auth.e2e.test.ts; roles and sessions read live,
 * test/hardening/findings/live-authorization.e2e.test.ts.
 */
describe('security', () => {
  let t: TestApp;
  let operations: Operation[];
  let admin: TestAccount;
  let user: TestAccount;

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET });
    // As in a server: GET /api/jobs reads the queue.
    await t.app.get(JobQueueService).start();
    operations = operationsOf(await fetchOpenApiDocument(t.http));
    admin = await createAccount(t, 'admin');
    user = await createAccount(t, 'user');
  });
  afterAll(() => t?.close());

  describe('headers', () => {
    it('sets helmet security headers on API answers and the API docs page, and hides the framework', async () => {
      for (const path of ['/api/health', '/api/docs']) {
        const response = await request(t.http).get(path);
        expect(response.headers['content-security-policy'], path).toContain("default-src 'self'");
        expect(response.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
        expect(response.headers['x-content-type-options'], path).toBe('nosniff');
        expect(response.headers['x-frame-options'], path).toBe('SAMEORIGIN');
        expect(response.headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
        expect(response.headers['referrer-policy'], path).toBe('no-referrer');
        expect(response.headers['x-powered-by'], path).toBeUndefined();
      }
    });
  });

  describe('authorization on every write', () => {
    it('finds the operations in the OpenAPI document', () => {
      expect(operations.length).toBeGreaterThanOrEqual(100);
    });

    it('needs a signed-in caller for every write that is not listed as public, with its reason', () => {
      const unlisted = operations.filter((op) => op.method !== 'get' && !op.authenticated && !(op.name in PUBLIC_WRITES));
      expect(unlisted.map((op) => op.name)).toEqual([]);
      const stale = Object.keys(PUBLIC_WRITES).filter((name) => !operations.some((op) => op.name === name && !op.authenticated));
      expect(stale).toEqual([]);
    });

    it('refuses every authenticated operation without a token, and with tampered, forged, expired, unsigned, sessionless or logged-out tokens', async () => {
      const now = Math.floor(Date.now() / 1000);
      const loggedOut = (await request(t.http).post('/api/login').send({ login: admin.email, password: admin.password }).expect(200)).body;
      await request(t.http).post('/api/logout').set('authorization', `Bearer ${loggedOut.token}`).send({ refresh_token: loggedOut.refresh_token }).expect(204);
      const [header, payload, signature] = user.token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const unsigned = [
        { alg: 'none', typ: 'JWT' },
        { ...claims, role: 'admin' },
      ].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'));
      const badTokens: Record<string, string | undefined> = {
        'no token': undefined,
        'payload changed to admin': `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`,
        'signed with another key': await signToken({ role: 'admin', username: user.username }, user.id, now + 600, 'another-key-another-key-another-key!'),
        expired: await signToken({ role: 'admin', username: admin.username }, admin.id, now - 60),
        'alg none': `${unsigned.join('.')}.`,
        'naming no login session': await signToken({ role: 'admin', username: admin.username }, admin.id, now + 600),
        'of a logged-out login': loggedOut.token,
      };
      const failures: string[] = [];
      const cases = operations.filter((op) => op.authenticated).flatMap((op) => Object.entries(badTokens).map(([label, token]) => ({ op, label, token })));
      await inBatches(cases, 8, async ({ op, label, token }) => {
        const call = request(t.http)[op.method](concretePath(op));
        if (token) call.set('authorization', `Bearer ${token}`);
        const response = await call;
        if (response.status !== 401 || !hasErrorShape(401, response.body))
          failures.push(`${op.name} (${label}) → ${response.status} ${JSON.stringify(response.body)}`);
      });
      expect(cases.length).toBeGreaterThan(200);
      expect(failures).toEqual([]);
    });

    it("refuses a plain user's token on every operation that needs the artist or admin role", async () => {
      const failures: string[] = [];
      const restricted = operations.filter((op) => op.roles.length > 0 && !op.roles.includes('user'));
      await inBatches(restricted, 8, async (op) => {
        const response = await request(t.http)[op.method](concretePath(op)).set('authorization', user.bearer);
        if (response.status !== 403 || !hasErrorShape(403, response.body)) failures.push(`${op.name} → ${response.status} ${JSON.stringify(response.body)}`);
      });
      expect(restricted.length).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    });
  });

  describe('SQL injection', () => {
    it('treats injections in every query parameter of every listing, search and filter as plain values', async () => {
      const before = await tableCounts(t);
      const failures: string[] = [];
      const cases = operations
        .filter((op) => op.method === 'get' && !op.path.includes('{'))
        .flatMap((op) => op.parameters.filter((p) => p.in === 'query').flatMap((parameter) => SQL_INJECTIONS.map((value) => ({ op, parameter, value }))));
      await inBatches(cases, 8, async ({ op, parameter, value }) => {
        const response = await request(t.http)
          [op.method](op.path)
          .query({ [parameter.name]: value })
          .set('authorization', admin.bearer);
        const text = JSON.stringify(response.body);
        if (response.status >= 500 || text.includes('$argon2') || /syntax error|at or near/i.test(text)) {
          failures.push(`${op.name}?${parameter.name}=${value} → ${response.status} ${text.slice(0, 200)}`);
        }
      });
      expect(cases.length).toBeGreaterThan(100);
      expect(failures).toEqual([]);
      const after = await tableCounts(t);
      const shrunk = [...before].filter(([table, count]) => (after.get(table) ?? -1) < count).map(([table]) => table);
      expect(shrunk).toEqual([]);
    });

    it('matches no song for an always-true injection in the dataset search', async () => {
      await createDatasetSong(t, 'Harbour Lights', 'The Tidewaters');
      const { body: control } = await request(t.http).post('/api/dataset/search').send({ query: 'Harbour Lights' }).expect(200);
      expect(control.songs).toHaveLength(1);
      for (const query of SQL_INJECTIONS) {
        const { body } = await request(t.http)
          .post('/api/dataset/search')
          .send({ query })
          .expect((response) => expect(response.status).toBeLessThan(500));
        expect(body.songs ?? []).toEqual([]);
      }
    });
  });

  describe('path traversal', () => {
    it('stores an uploaded file inside the media folder whatever its name says', async () => {
      const artist = await createAccount(t, 'artist');
      const escapee = `encore-traversal-${process.pid}.wav`;
      await uploadSong(t, artist, { title: 'Escape' }, { data: toneWav(1), name: `../../../../../../tmp/${escapee}` });
      expect(existsSync(join('/tmp', escapee))).toBe(false);
      const stored = await readdir(t.mediaDir, { recursive: true });
      expect(stored.some((name) => name.includes('..'))).toBe(false);
      expect(stored.length).toBeGreaterThan(0);
    });

    it('serves no file outside the app for dotted or encoded paths', async () => {
      for (const path of [
        '/..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/assets/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/api/..%2f..%2fetc/passwd',
        '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      ]) {
        const response = await request(t.http).get(path).buffer(true);
        expect(response.status, path).toBeLessThan(500);
        expect(String(response.text ?? ''), path).not.toContain('root:x:0:0');
      }
    });
  });
});

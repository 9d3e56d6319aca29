import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const JWT_SECRET = 'a-test-signing-key-of-at-least-32-chars';
let ipCounter = 0;
/** A client address of its own, so one test's failed logins do not count against another's. */
const newIp = () => `203.0.113.${++ipCounter}`;

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET, TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '5' });
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>) => request(t.http).post('/api/users').send(body);
  const login = (login: string, password: string, ip = newIp()) => request(t.http).post('/api/login').set('x-forwarded-for', ip).send({ login, password });

  it('registers an account and signs it in, answering the user without any password field', async () => {
    const { body } = await register({ email: 'Mia@Example.com', username: 'MiaSings', password: 'violet-Sky42' }).expect(201);
    expect(body).toMatchObject({
      token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 900,
      user: { email: 'mia@example.com', username: 'miasings', role: 'user', display_name: 'MiaSings', artist_id: null },
    });
    expect(Object.keys(body.user)).not.toContain('password_hash');
    expect(JSON.stringify(body)).not.toContain('violet-Sky42');
  });

  it('gives artist accounts the artist they publish as', async () => {
    const { body } = await register({
      email: 'band@example.com',
      username: 'theband',
      password: 'loud-Guitars9',
      role: 'artist',
      display_name: 'The Band',
    }).expect(201);
    const artist = await t.prisma.artist.findUniqueOrThrow({ where: { id: body.user.artist_id } });
    expect(artist).toMatchObject({ name: 'The Band', userId: body.user.id });
  });

  it('names each bad field of a registration', async () => {
    const { body } = await register({ email: 'not-an-email', username: 'a b', password: 'x', role: 'admin' }).expect(400);
    expect(body.message).toContain('email must be an email address');
    expect(body.message).toContain('username must be 3–30 letters');
    expect(body.message).toContain('role must be user or artist');
  });

  it('explains why a weak password is refused', async () => {
    const { body } = await register({ email: 'weak@example.com', username: 'weakling', password: 'password123' }).expect(400);
    expect(body.message).toBe('password is too common');
  });

  it('refuses a taken email or username whatever the case, with 409 naming the field', async () => {
    await register({ email: 'taken@example.com', username: 'taken', password: 'first-Owner1' }).expect(201);
    expect((await register({ email: 'TAKEN@example.com', username: 'other', password: 'second-Owner1' }).expect(409)).body.message).toBe(
      'email is already taken',
    );
    expect((await register({ email: 'new@example.com', username: 'Taken', password: 'second-Owner1' }).expect(409)).body.message).toBe(
      'username is already taken',
    );
  });

  it('signs in by email or by username, and refuses a wrong password or unknown account alike', async () => {
    const account = await createAccount(t);
    await login(account.email.toUpperCase(), account.password).expect(200);
    await login(account.username, account.password).expect(200);
    const wrong = await login(account.username, 'not-the-Password1').expect(401);
    const unknown = await login('nobody-here', 'not-the-Password1').expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('shows the signed-in account at /api/auth/me and refuses missing, malformed or tampered tokens', async () => {
    const account = await createAccount(t, 'artist');
    const { body } = await request(t.http).get('/api/auth/me').set('authorization', account.bearer).expect(200);
    expect(body).toMatchObject({ id: account.id, role: 'artist', artist_id: account.artistId });
    await request(t.http).get('/api/auth/me').expect(401);
    await request(t.http).get('/api/auth/me').set('authorization', `Token ${account.token}`).expect(401);
    const [header, payload, signature] = account.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    await request(t.http).get('/api/auth/me').set('authorization', `Bearer ${header}.${forged}.${signature}`).expect(401);
  });

  it('refuses an expired access token, saying to refresh it', async () => {
    const account = await createAccount(t);
    const expired = await new SignJWT({ role: 'user', username: account.username })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuer('encore')
      .setAudience('encore-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const { body } = await request(t.http).get('/api/auth/me').set('authorization', `Bearer ${expired}`).expect(401);
    expect(body.message).toContain('POST /api/auth/refresh');
  });

  it('refuses a token signed with another key or with alg none', async () => {
    const account = await createAccount(t);
    const claims = { role: 'admin', username: account.username };
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuer('encore')
      .setAudience('encore-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-key-another-key-another-key'));
    await request(t.http).get('/api/auth/me').set('authorization', `Bearer ${otherKey}`).expect(401);
    const none = [
      { alg: 'none', typ: 'JWT' },
      { ...claims, sub: account.id, iss: 'encore', aud: 'encore-api', exp: Date.now() / 1000 + 300 },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    await request(t.http).get('/api/auth/me').set('authorization', `Bearer ${none}.`).expect(401);
  });

  it('rotates refresh tokens: each is good once, and reusing a spent one signs that login out', async () => {
    const account = await createAccount(t);
    const first = await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(200);
    expect(first.body.refresh_token).not.toBe(account.refreshToken);
    await request(t.http).get('/api/auth/me').set('authorization', `Bearer ${first.body.token}`).expect(200);
    const reuse = await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(401);
    expect(reuse.body.message).toContain('already used');
    // The thief's or the owner's newer token is revoked with the family.
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: first.body.refresh_token }).expect(401);
  });

  it('lets one of two simultaneous refreshes with the same token win', async () => {
    const account = await createAccount(t);
    const answers = await Promise.all([0, 1].map(() => request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('stores refresh tokens only as hashes', async () => {
    const account = await createAccount(t);
    const rows = await t.prisma.refreshToken.findMany({ where: { userId: account.id } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.tokenHash === account.refreshToken)).toBe(false);
  });

  it('logs out one login, or every login without a refresh token', async () => {
    const account = await createAccount(t);
    const second = (await login(account.username, account.password).expect(200)).body;
    await request(t.http).post('/api/logout').set('authorization', account.bearer).send({ refresh_token: account.refreshToken }).expect(204);
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(401);
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: second.refresh_token }).expect(200);
    const third = (await login(account.username, account.password).expect(200)).body;
    await request(t.http).post('/api/logout').set('authorization', `Bearer ${third.token}`).send({}).expect(204);
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: third.refresh_token }).expect(401);
  });

  it('limits failed logins per account: after 3 failures even the right password waits, with Retry-After', async () => {
    const account = await createAccount(t);
    for (let i = 0; i < 3; i++) await login(account.username, 'wrong-Password1').expect(401);
    const blocked = await login(account.username, account.password).expect(429);
    expect(blocked.body.message).toMatch(/^Too many failed logins: try again in \d+ minute\(s\)\.$/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    const other = await createAccount(t);
    await login(other.username, other.password).expect(200);
  });

  it('limits failed logins per client IP across accounts', async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++) await login(`guess${i}@example.com`, 'wrong-Password1', ip).expect(401);
    const account = await createAccount(t);
    await login(account.username, account.password, ip).expect(429);
    await login(account.username, account.password).expect(200);
  });

  it('restarts an account count after a successful login', async () => {
    const account = await createAccount(t);
    for (let i = 0; i < 2; i++) await login(account.username, 'wrong-Password1').expect(401);
    await login(account.username, account.password).expect(200);
    for (let i = 0; i < 2; i++) await login(account.username, 'wrong-Password1').expect(401);
    await login(account.username, account.password).expect(200);
  });
});

describe('passwords in the clear', () => {
  it('appear in no response, log line or table, even with every log level on', async () => {
    const t = await createTestApp({ LOG_LEVEL: 'verbose' });
    const written: string[] = [];
    const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
    const capture = (chunk: unknown) => (written.push(String(chunk)), true);
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    const password = 'Clear-Text-Sparrow-93';
    const responses: string[] = [];
    try {
      const record = (response: request.Response) => responses.push(JSON.stringify(response.body), JSON.stringify(response.headers));
      record(await request(t.http).post('/api/users').send({ email: 'canary@example.com', username: 'canary', password }).expect(201));
      record(await request(t.http).post('/api/login').send({ login: 'canary', password }).expect(200));
      record(
        await request(t.http)
          .post('/api/login')
          .send({ login: 'canary', password: `${password}-wrong` })
          .expect(401),
      );
      record(await request(t.http).post('/api/users').send({ email: 'canary@example.com', username: 'canary', password }).expect(409));
    } finally {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    }
    const tables = await t.prisma.$queryRaw<
      { name: string }[]
    >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    const rows: string[] = [];
    for (const { name } of tables) {
      const found = await t.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
      rows.push(...found.map(({ row }) => row));
    }
    await t.close();
    expect(written.join('')).toContain('POST /api/login 200');
    expect(rows.some((row) => row.includes('canary@example.com'))).toBe(true);
    for (const text of [...responses, ...written, ...rows]) expect(text).not.toContain(password);
  });
});

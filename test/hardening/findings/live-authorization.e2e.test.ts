import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { toneWav } from '../../support/audio-files.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const JWT_SECRET = 'a-test-signing-key-of-at-least-32-chars';

/** A genuine access token (as the app signs them) with the claims given. */
const signAsTheApp = (claims: Record<string, unknown>, subject: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer('encore')
    .setAudience('encore-api')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));

/**
 * Issue 20, finding 1: authorization trusted the role inside the 15-minute access token, and
 * tokens outlived logout, reuse detection and their account. Each request now reads the account,
 * its role and the token's login session from the database.
 */
describe('authorization read from the database on every request', () => {
  let t: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET });
    admin = await createAccount(t, 'admin');
  });
  afterAll(() => t?.close());

  const asAdmin = () => ({
    patch: (path: string, body: object) => request(t.http).patch(path).set('authorization', admin.bearer).send(body),
  });
  const me = (token: string) => request(t.http).get('/api/auth/me').set('authorization', `Bearer ${token}`);
  const signInAgain = async (account: TestAccount) =>
    (await request(t.http).post('/api/login').send({ login: account.username, password: account.password }).expect(200)).body as {
      token: string;
      refresh_token: string;
    };

  it('refuses a demoted admin who promotes themselves again with the token they kept, and they stay demoted', async () => {
    const promoted = await createAccount(t, 'user');
    await asAdmin().patch(`/api/admin/users/${promoted.id}`, { role: 'admin' }).expect(200);
    const kept = await signInAgain(promoted);
    await asAdmin().patch(`/api/admin/users/${promoted.id}`, { role: 'user' }).expect(200);

    await request(t.http).patch(`/api/admin/users/${promoted.id}`).set('authorization', `Bearer ${kept.token}`).send({ role: 'admin' }).expect(403);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: promoted.id } })).role).toBe('user');
  });

  it("refuses a demoted artist's old token when it publishes a song", async () => {
    const artist = await createAccount(t, 'artist');
    await asAdmin().patch(`/api/admin/users/${artist.id}`, { role: 'user' }).expect(200);
    await request(t.http)
      .post('/api/songs')
      .set('authorization', artist.bearer)
      .field('title', 'After demotion')
      .attach('audio', toneWav(1), 'song.wav')
      .expect(403);
    expect(await t.prisma.catalogSong.count({ where: { title: 'After demotion' } })).toBe(0);
  });

  it("refuses an access token once its login is logged out, and keeps the account's other logins", async () => {
    const account = await createAccount(t, 'user');
    const other = await signInAgain(account);
    await request(t.http).post('/api/logout').set('authorization', account.bearer).send({ refresh_token: account.refreshToken }).expect(204);
    await me(account.token).expect(401);
    await me(other.token).expect(200);
  });

  it('refuses every access token of the account after logging out everywhere', async () => {
    const account = await createAccount(t, 'user');
    const other = await signInAgain(account);
    await request(t.http).post('/api/logout').set('authorization', account.bearer).send({}).expect(204);
    await me(account.token).expect(401);
    await me(other.token).expect(401);
  });

  it('refuses the access tokens of a login whose spent refresh token is presented again', async () => {
    const account = await createAccount(t, 'user');
    const rotated = (await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(200)).body;
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(401);
    await me(rotated.token).expect(401);
    await me(account.token).expect(401);
  });

  it("answers a deleted account's token 401 when it creates a playlist or subscribes", async () => {
    const account = await createAccount(t, 'user');
    await request(t.http).delete(`/api/admin/users/${account.id}`).set('authorization', admin.bearer).expect(204);
    await request(t.http).post('/api/playlists').set('authorization', account.bearer).send({ name: 'Ghost mix', visibility: 'public' }).expect(401);
    await request(t.http).post('/api/subscriptions/subscribe').set('authorization', account.bearer).send({ plan: 'premium' }).expect(401);
  });

  it('refuses a genuine token that names no login session, as tokens issued before sessions do', async () => {
    const account = await createAccount(t, 'user');
    await me(await signAsTheApp({ role: 'admin', username: account.username }, account.id)).expect(401);
  });

  it('refuses a token whose session belongs to another account', async () => {
    const [victim, attacker] = await Promise.all([createAccount(t, 'user'), createAccount(t, 'user')]);
    const attackerSession = JSON.parse(Buffer.from(attacker.token.split('.')[1]!, 'base64url').toString()).sid as string;
    await me(await signAsTheApp({ sid: attackerSession }, victim.id)).expect(401);
  });
});

import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../../../src/features/analytics/connectors/token-cipher.js';
import { SpotifyOAuthStateService } from '../../../../src/features/analytics/spotify/spotify-oauth-state.js';
import { SpotifyTokenRefreshJob, TOKEN_REFRESH_QUEUE } from '../../../../src/features/analytics/spotify/spotify-token-refresh.job.js';
import { loadConfig } from '../../../../src/platform/config/app-config.js';
import { JobQueueService } from '../../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { FakeSpotify } from '../../../support/fake-spotify.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const KEY = randomBytes(32);
const REDIRECT_URI = 'http://localhost:3000/api/analytics/spotify/callback';
const MINUTE = 60_000;

describe('Spotify OAuth connections (authorization code, encrypted tokens, refresh)', () => {
  const spotify = new FakeSpotify();
  let t: TestApp;
  let owner: TestAccount;
  let otherArtist: TestAccount;
  let listener: TestAccount;
  let admin: TestAccount;
  const cipher = new TokenCipher(KEY);

  beforeAll(async () => {
    spotify.start();
    t = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0', ANALYTICS_TOKEN_KEY: KEY.toString('hex'), GENRE_TRAIN_CRON: 'off' });
    [owner, otherArtist, listener, admin] = await Promise.all([
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'user'),
      createAccount(t, 'admin'),
    ]);
    spotify.addUser({ id: 'aurora.music', display_name: 'Aurora' });
    spotify.addUser({ id: 'second.user', display_name: 'Second' });
  });
  afterAll(async () => {
    await t?.close();
    spotify.stop();
  });

  const as = (account: TestAccount, call: request.Test) => call.set('authorization', account.bearer);
  const connection = (artistId: string) => t.prisma.spotifyConnection.findUniqueOrThrow({ where: { artistId } });
  const accessTokenOf = async (artistId: string) => cipher.decrypt((await connection(artistId)).accessTokenEncrypted, `spotify:${artistId}:access`);
  const refreshTokenOf = async (artistId: string) => cipher.decrypt((await connection(artistId)).refreshTokenEncrypted, `spotify:${artistId}:refresh`);
  const callback = (url: URL) => request(t.http).get(`${url.pathname}${url.search}`);

  /** The whole flow as a browser goes through it: /authorize's redirect, Spotify's page, the callback. */
  async function connect(account: TestAccount, artistId: string, spotifyUser: string, status = 302): Promise<request.Response> {
    const authorize = await as(account, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${artistId}`)).expect(302);
    return callback(spotify.authorize(authorize.headers.location!, spotifyUser)).expect(status);
  }

  it("redirects to Spotify's authorize page with the app, the redirect URI, the scopes and a signed state", async () => {
    const { headers } = await as(owner, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${owner.artistId}`)).expect(302);
    const url = new URL(headers.location!);
    expect(url.origin + url.pathname).toBe('https://accounts.spotify.com/authorize');
    expect(url.searchParams.get('client_id')).toBe('encore-test-client');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('scope')).toBe('user-read-email user-read-private');
    const state = url.searchParams.get('state')!;
    expect(state.split('.')).toHaveLength(3);
    expect(await t.app.get(SpotifyOAuthStateService).verify(state)).toMatchObject({ artistId: owner.artistId, userId: owner.id, nonce: expect.any(String) });
  });

  it('answers {authorize_url} as JSON with redirect=false or Accept: application/json', async () => {
    const plain = await as(owner, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${owner.artistId}&redirect=false`)).expect(200);
    expect(plain.body.authorize_url).toMatch(/^https:\/\/accounts\.spotify\.com\/authorize\?client_id=encore-test-client&/);
    const json = await as(owner, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${owner.artistId}`).set('accept', 'application/json')).expect(
      200,
    );
    expect(new URL(json.body.authorize_url).searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect((await as(owner, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${owner.artistId}&redirect=maybe`)).expect(400)).body.message).toBe(
      'redirect must be true or false',
    );
  });

  it('connects: stores the Spotify account with its tokens encrypted, and sends the browser to the web app', async () => {
    const { headers } = await connect(owner, owner.artistId!, 'aurora.music');
    expect(headers.location).toBe(`/analytics/${owner.artistId}?spotify=connected`);
    const stored = await connection(owner.artistId!);
    expect(stored).toMatchObject({
      spotifyUserId: 'aurora.music',
      displayName: 'Aurora',
      scope: 'user-read-email user-read-private',
      connectedById: owner.id,
      lastError: null,
    });
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * MINUTE);

    // At rest the tokens are ciphertext; with the configured key they open to the tokens Spotify issued.
    const [row] = await t.prisma.$queryRaw<Array<{ access: string; refresh: string }>>`
      SELECT access_token_encrypted AS access, refresh_token_encrypted AS refresh FROM spotify_connections WHERE artist_id = ${owner.artistId}::uuid`;
    const access = await accessTokenOf(owner.artistId!);
    const refresh = await refreshTokenOf(owner.artistId!);
    expect(access).toMatch(/^fake-user-token-/);
    expect(refresh).toMatch(/^fake-refresh-/);
    for (const sealed of [row!.access, row!.refresh]) {
      expect(sealed).toMatch(/^v1\./);
      expect(sealed).not.toContain('fake-');
    }
    expect(spotify.accepts(access)).toBe(true);
    expect(() => new TokenCipher(randomBytes(32)).decrypt(row!.access, `spotify:${owner.artistId}:access`)).toThrow();

    const { body: status } = await as(owner, request(t.http).get(`/api/analytics/spotify/status?artist_id=${owner.artistId}`)).expect(200);
    expect(status).toMatchObject({
      artist_id: owner.artistId,
      configured: true,
      connected: true,
      spotify_user_id: 'aurora.music',
      display_name: 'Aurora',
      expires_at: stored.expiresAt.toISOString(),
      last_error: null,
      needs_reconnect: false,
      artist_profile: null,
    });
    expect(JSON.stringify(status)).not.toContain('fake-');
  });

  it('answers the connection as JSON to a client asking for JSON', async () => {
    const authorize = await as(otherArtist, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${otherArtist.artistId}&redirect=false`)).expect(
      200,
    );
    const { body } = await callback(spotify.authorize(authorize.body.authorize_url, 'second.user')).set('accept', 'application/json').expect(200);
    expect(body).toMatchObject({
      connected: true,
      artist_id: otherArtist.artistId,
      spotify_user_id: 'second.user',
      display_name: 'Second',
      redirect_to: `/analytics/${otherArtist.artistId}?spotify=connected`,
    });
  });

  it('refuses a bad, foreign or expired state with 400, and a code used twice', async () => {
    const authorize = await as(owner, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${owner.artistId}&redirect=false`)).expect(200);
    const back = spotify.authorize(authorize.body.authorize_url, 'aurora.music');
    const code = back.searchParams.get('code')!;
    const state = back.searchParams.get('state')!;
    const tampered = `${state.slice(0, -3)}${state.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const expired = await t.app.get(SpotifyOAuthStateService).sign(owner.artistId!, owner.id, -60);
    const foreign = await new SpotifyOAuthStateService(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'y'.repeat(40) })).sign(owner.artistId!, owner.id);
    for (const bad of [tampered, expired, foreign, 'not-a-state']) {
      const { body } = await request(t.http).get('/api/analytics/spotify/callback').query({ code, state: bad }).expect(400);
      expect(body.message).toMatch(/^state is invalid or expired/);
    }
    expect((await request(t.http).get('/api/analytics/spotify/callback').query({ code }).expect(400)).body.message).toMatch(/^state is required/);
    expect((await request(t.http).get('/api/analytics/spotify/callback').query({ state }).expect(400)).body.message).toMatch(/^code is required/);
    // None of those reached Spotify: the code still works, once.
    await callback(back).expect(302);
    expect((await callback(back).expect(400)).body.message).toMatch(/Spotify refused the authorization code.*invalid_grant/);
  });

  it('answers 400 when the Spotify account declines (access_denied) and stores nothing', async () => {
    const artist = await createAccount(t, 'artist');
    const authorize = await as(artist, request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${artist.artistId}`)).expect(302);
    const back = spotify.authorize(authorize.headers.location!, 'aurora.music', { deny: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    const { body } = await callback(back).expect(400);
    expect(body.message).toMatch(/access_denied/);
    expect(await t.prisma.spotifyConnection.count({ where: { artistId: artist.artistId! } })).toBe(0);
  });

  it("lets only the artist's team (and admins) connect, see and disconnect", async () => {
    const path = `/api/analytics/spotify/authorize?artist_id=${owner.artistId}&redirect=false`;
    await request(t.http).get(path).expect(401);
    await as(otherArtist, request(t.http).get(path)).expect(403);
    await as(listener, request(t.http).get(path)).expect(403);
    await as(admin, request(t.http).get(path)).expect(200);
    await as(otherArtist, request(t.http).get(`/api/analytics/spotify/status?artist_id=${owner.artistId}`)).expect(403);
    await as(otherArtist, request(t.http).post('/api/analytics/spotify/disconnect').send({ artist_id: owner.artistId })).expect(403);
    await as(owner, request(t.http).get('/api/analytics/spotify/authorize?artist_id=8c1f7a36-1a77-4a4e-9d65-4b1a6a5f0000')).expect(404);
    expect((await as(owner, request(t.http).get('/api/analytics/spotify/authorize?artist_id=nope')).expect(400)).body.message).toBe('artist_id must be a UUID');

    // A state is bound to its account's team membership at the callback too: a member removed meanwhile cannot finish.
    const member = await createAccount(t, 'user');
    await t.prisma.artistTeamMember.create({ data: { artistId: owner.artistId!, userId: member.id } });
    const authorize = await as(member, request(t.http).get(path)).expect(200);
    await t.prisma.artistTeamMember.delete({ where: { artistId_userId: { artistId: owner.artistId!, userId: member.id } } });
    await callback(spotify.authorize(authorize.body.authorize_url, 'aurora.music')).expect(403);
  });

  it('refreshes, in the hourly job, a token expiring within 90 minutes; the new token works and the refresh token is kept', async () => {
    const artist = await createAccount(t, 'artist');
    spotify.userTokenLifetimeSeconds = 20 * 60; // Spotify hands out a token living 20 minutes
    try {
      await connect(artist, artist.artistId!, 'aurora.music');
    } finally {
      spotify.userTokenLifetimeSeconds = 3600;
    }
    const before = await connection(artist.artistId!);
    expect(before.expiresAt.getTime() - Date.now()).toBeLessThan(21 * MINUTE);
    const oldAccess = await accessTokenOf(artist.artistId!);
    const oldRefresh = await refreshTokenOf(artist.artistId!);

    const jobs = t.app.get(JobQueueService);
    await jobs.start();
    const id = (await jobs.send(TOKEN_REFRESH_QUEUE, {}))!;
    let job = await jobs.find(id);
    for (const deadline = Date.now() + 30_000; job?.state !== 'completed' && job?.state !== 'failed' && Date.now() < deadline; job = await jobs.find(id))
      await sleep(200);
    expect(job).toMatchObject({ state: 'completed', output: { failed: 0, needs_reconnect: 0 } });
    expect((job!.output as { refreshed: number }).refreshed).toBeGreaterThanOrEqual(1);

    const after = await connection(artist.artistId!);
    expect(after.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * MINUTE);
    expect(after.refreshedAt!.getTime()).toBeGreaterThan(before.refreshedAt!.getTime());
    expect(after.lastError).toBeNull();
    const newAccess = await accessTokenOf(artist.artistId!);
    expect(newAccess).not.toBe(oldAccess);
    expect(spotify.accepts(newAccess)).toBe(true);
    // Spotify answered no new refresh token: the old one is kept (and still works).
    expect(await refreshTokenOf(artist.artistId!)).toBe(oldRefresh);
    const { body } = await as(artist, request(t.http).get(`/api/analytics/spotify/status?artist_id=${artist.artistId}&verify=true`)).expect(200);
    expect(body).toMatchObject({ connected: true, verified: true, last_error: null });
  });

  it('stores the new refresh token when Spotify rotates it', async () => {
    spotify.rotateRefreshTokens = true;
    try {
      await t.prisma.spotifyConnection.update({ where: { artistId: owner.artistId! }, data: { expiresAt: new Date(Date.now() + 10 * MINUTE) } });
      const oldRefresh = await refreshTokenOf(owner.artistId!);
      const result = await t.app.get(SpotifyTokenRefreshJob).run();
      expect(result.failed).toBe(0);
      const newRefresh = await refreshTokenOf(owner.artistId!);
      expect(newRefresh).not.toBe(oldRefresh);
      // The rotated token is the one that works from now on.
      await t.prisma.spotifyConnection.update({ where: { artistId: owner.artistId! }, data: { expiresAt: new Date(Date.now() + 10 * MINUTE) } });
      expect((await t.app.get(SpotifyTokenRefreshJob).run()).failed).toBe(0);
    } finally {
      spotify.rotateRefreshTokens = false;
    }
  });

  it('refreshes before using a connection that expires within 30 minutes, not one good for longer', async () => {
    await t.prisma.spotifyConnection.update({ where: { artistId: owner.artistId! }, data: { expiresAt: new Date(Date.now() + 45 * MINUTE) } });
    const untouched = await accessTokenOf(owner.artistId!);
    await as(owner, request(t.http).get(`/api/analytics/spotify/status?artist_id=${owner.artistId}&verify=true`)).expect(200);
    expect(await accessTokenOf(owner.artistId!)).toBe(untouched);

    await t.prisma.spotifyConnection.update({ where: { artistId: owner.artistId! }, data: { expiresAt: new Date(Date.now() + 10 * MINUTE) } });
    const { body } = await as(owner, request(t.http).get(`/api/analytics/spotify/status?artist_id=${owner.artistId}&verify=true`)).expect(200);
    expect(body.verified).toBe(true);
    expect(new Date(body.expires_at).getTime() - Date.now()).toBeGreaterThan(59 * MINUTE);
    expect(await accessTokenOf(owner.artistId!)).not.toBe(untouched);
  });

  it('records invalid_grant as last_error, marks the connection for reconnecting, and refreshes the others', async () => {
    const revoked = await createAccount(t, 'artist');
    const healthy = await createAccount(t, 'artist');
    spotify.addUser({ id: 'revoked.user' });
    await connect(revoked, revoked.artistId!, 'revoked.user');
    await connect(healthy, healthy.artistId!, 'second.user');
    for (const artistId of [revoked.artistId!, healthy.artistId!]) {
      await t.prisma.spotifyConnection.update({ where: { artistId }, data: { expiresAt: new Date(Date.now() + 5 * MINUTE) } });
    }
    spotify.revokeUserGrants('revoked.user'); // the user removed the app at spotify.com/account/apps

    const first = await t.app.get(SpotifyTokenRefreshJob).run();
    expect(first).toMatchObject({ failed: 1, errors: [{ artist_id: revoked.artistId, error: expect.stringMatching(/invalid_grant/) }] });
    expect(first.refreshed).toBeGreaterThanOrEqual(1);
    expect((await connection(healthy.artistId!)).lastError).toBeNull();
    const broken = await connection(revoked.artistId!);
    expect(broken.lastError).toMatch(/^reconnect required: .*invalid_grant/);

    const { body: status } = await as(revoked, request(t.http).get(`/api/analytics/spotify/status?artist_id=${revoked.artistId}&verify=true`)).expect(200);
    expect(status).toMatchObject({ connected: true, needs_reconnect: true, verified: false, last_error: expect.stringMatching(/invalid_grant/) });

    // Later runs skip it (retrying cannot help) and say so.
    const second = await t.app.get(SpotifyTokenRefreshJob).run();
    expect(second).toMatchObject({ failed: 0, needs_reconnect: 1 });

    // Connecting again heals it.
    await connect(revoked, revoked.artistId!, 'revoked.user');
    expect((await connection(revoked.artistId!)).lastError).toBeNull();
  });

  it('disconnects: deletes the tokens (Spotify has no revocation endpoint, and says so)', async () => {
    const { body } = await as(owner, request(t.http).post('/api/analytics/spotify/disconnect').send({ artist_id: owner.artistId })).expect(200);
    expect(body).toMatchObject({ artist_id: owner.artistId, disconnected: true, notice: expect.stringContaining('spotify.com/account/apps') });
    expect(await t.prisma.spotifyConnection.count({ where: { artistId: owner.artistId! } })).toBe(0);
    const { body: again } = await as(owner, request(t.http).post('/api/analytics/spotify/disconnect').send({ artist_id: owner.artistId })).expect(200);
    expect(again.disconnected).toBe(false);
    const { body: status } = await as(owner, request(t.http).get(`/api/analytics/spotify/status?artist_id=${owner.artistId}&verify=true`)).expect(200);
    expect(status).toMatchObject({ connected: false, spotify_user_id: null, expires_at: null, needs_reconnect: false });
    expect(status.verified).toBeUndefined();
    expect((await as(owner, request(t.http).post('/api/analytics/spotify/disconnect').send({})).expect(400)).body.message).toBe('artist_id is required');
  });
});

describe('Spotify OAuth without Spotify credentials', () => {
  let t: TestApp;
  let artist: TestAccount;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off' });
    artist = await createAccount(t, 'artist');
  });
  afterAll(() => t?.close());

  it('answers 503 naming the variables to set, and reports the platform as not configured', async () => {
    const { body } = await request(t.http).get(`/api/analytics/spotify/authorize?artist_id=${artist.artistId}`).set('authorization', artist.bearer).expect(503);
    expect(body.message).toMatch(/SPOTIFY_CLIENT_ID/);
    const { body: status } = await request(t.http)
      .get(`/api/analytics/spotify/status?artist_id=${artist.artistId}`)
      .set('authorization', artist.bearer)
      .expect(200);
    expect(status).toMatchObject({ configured: false, connected: false });
  });
});

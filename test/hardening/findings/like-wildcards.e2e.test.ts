import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Finding 9 of issue 20 (in part): searches passed LIKE's wildcards through, so "%" matched every
 * playlist and "_" any character. A search is text: each character finds itself only.
 */
describe('searches with LIKE wildcards in them', () => {
  let t: TestApp;
  let owner: TestAccount;
  let admin: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await createAccount(t, 'user');
    admin = await createAccount(t, 'admin');
    for (const name of ['100% Hits', '1000 Hits', 'Back\\slash Mix', 'Backslash Mix'])
      await request(t.http).post('/api/playlists').set('authorization', owner.bearer).send({ name, visibility: 'public' }).expect(201);
  });
  afterAll(() => t?.close());

  const publicPlaylists = async (search: string) =>
    ((await request(t.http).get('/api/playlists/public').query({ search }).expect(200)).body.results as Array<{ name: string }>)
      .map((playlist) => playlist.name)
      .sort();

  it('find a literal percent sign, underscore or backslash in public playlists', async () => {
    expect(await publicPlaylists('100%')).toEqual(['100% Hits']);
    expect(await publicPlaylists('%')).toEqual(['100% Hits']);
    expect(await publicPlaylists('10_0')).toEqual([]);
    expect(await publicPlaylists('k\\s')).toEqual(['Back\\slash Mix']);
  });

  it('find a literal underscore or percent sign in accounts for admins', async () => {
    const marker = `lk${process.pid}`;
    await createAccount(t, 'user', `${marker}_one`);
    await createAccount(t, 'user', `${marker}xone`);
    const usernames = async (search: string) =>
      (
        (await request(t.http).get('/api/admin/users').set('authorization', admin.bearer).query({ search }).expect(200)).body.results as Array<{
          username: string;
        }>
      )
        .map((user) => user.username)
        .sort();
    expect(await usernames(`${marker}_one`)).toEqual([`${marker}_one`]);
    expect(await usernames(`${marker}%one`)).toEqual([]);
  });
});

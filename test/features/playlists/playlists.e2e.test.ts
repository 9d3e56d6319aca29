import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { uploadSong } from '../../support/catalog.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface Playlist {
  id: string;
  share_url: string | null;
  [field: string]: unknown;
}

describe('playlists: create, share, collaborate, order songs', () => {
  let t: TestApp;
  let artist: TestAccount;
  let otherArtist: TestAccount;
  let owner: TestAccount;
  let listener: TestAccount;
  let stranger: TestAccount;
  let admin: TestAccount;
  /** Public songs of `artist`, by title. */
  const songs: Record<string, string> = {};

  const create = async (account: TestAccount, body: Record<string, unknown>): Promise<Playlist> =>
    (await request(t.http).post('/api/playlists').set('authorization', account.bearer).send(body).expect(201)).body;

  const add = (account: TestAccount, playlistId: string, songId: string, position?: number) =>
    request(t.http)
      .post(`/api/playlists/${playlistId}/songs`)
      .set('authorization', account.bearer)
      .send({ song_id: songId, ...(position !== undefined && { position }) });

  /** The titles in the order `account` sees them, with the positions the API reports. */
  const listing = async (account: TestAccount | undefined, playlistId: string) => {
    const call = request(t.http).get(`/api/playlists/${playlistId}/songs?page_size=100`);
    if (account) call.set('authorization', account.bearer);
    const { body } = await call.expect(200);
    return body.results.map((item: { position: number; song: { title: string } }) => `${item.position}:${item.song.title}`);
  };

  /** Positions as stored, to prove no two entries share one and none is missing. */
  const storedPositions = async (playlistId: string) =>
    (await t.prisma.playlistSong.findMany({ where: { playlistId }, orderBy: { position: 'asc' }, select: { position: true } })).map((row) => row.position);

  beforeAll(async () => {
    t = await createTestApp();
    [artist, otherArtist, owner, listener, stranger, admin] = await Promise.all([
      createAccount(t, 'artist'),
      createAccount(t, 'artist'),
      createAccount(t, 'user'),
      createAccount(t, 'user'),
      createAccount(t, 'user'),
      createAccount(t, 'admin'),
    ]);
    for (const title of ['One', 'Two', 'Three', 'Four', 'Five']) songs[title] = (await uploadSong(t, artist, { title })).id;
  });
  afterAll(() => t.close());

  it('creates a private playlist by default, then renames and describes it', async () => {
    const playlist = await create(owner, { name: '  Road trip  ' });
    expect(playlist).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Road trip',
      description: '',
      visibility: 'private',
      collaborative: false,
      owner: { id: owner.id, username: owner.username, display_name: `The ${owner.username}` },
      collaborators: [],
      song_count: 0,
      duration_ms: 0,
      share_url: expect.stringMatching(/^\/api\/playlists\/shared\/[A-Za-z0-9_-]{43}$/),
    });
    const { body: changed } = await request(t.http)
      .put(`/api/playlists/${playlist.id}`)
      .set('authorization', owner.bearer)
      .send({ name: 'Road trip 2024', description: 'Songs for the A1' })
      .expect(200);
    expect(changed).toMatchObject({ name: 'Road trip 2024', description: 'Songs for the A1', visibility: 'private', share_url: playlist.share_url });
    const { body: mine } = await request(t.http).get('/api/playlists').set('authorization', owner.bearer).expect(200);
    expect(mine.results.map((p: Playlist) => p.id)).toContain(playlist.id);
  });

  it('names the bad field of a refused playlist', async () => {
    const refuse = async (body: Record<string, unknown>, message: string) => {
      const response = await request(t.http).post('/api/playlists').set('authorization', owner.bearer).send(body).expect(400);
      expect(response.body.message).toContain(message);
    };
    await refuse({ name: '   ' }, 'name must not be empty');
    await refuse({}, 'name is required');
    await refuse({ name: 42 }, 'name must be a string');
    await refuse({ name: 'x'.repeat(201) }, 'name must be at most 200 characters');
    await refuse({ name: 'x', visibility: 'friends' }, 'visibility must be public or private');
    await refuse({ name: 'x', collaborative: 'yes' }, 'collaborative must be true or false');
    await refuse({ name: 'x', owner_id: owner.id }, 'owner_id is not an allowed field');
    const id = (await create(owner, { name: 'Valid' })).id;
    const bad = await request(t.http).put(`/api/playlists/${id}`).set('authorization', owner.bearer).send({ name: '' }).expect(400);
    expect(bad.body.message).toBe('name must not be empty');
    await request(t.http)
      .get('/api/playlists/not-a-uuid')
      .expect(400, /id must be a UUID/);
  });

  it('hides a private playlist from others (404) and shows a public one to anyone', async () => {
    const playlist = await create(owner, { name: 'Secret mix' });
    await request(t.http).get(`/api/playlists/${playlist.id}`).expect(404);
    await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', listener.bearer).expect(404);
    await request(t.http).get(`/api/playlists/${playlist.id}/songs`).set('authorization', listener.bearer).expect(404);
    await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', admin.bearer).expect(200);

    const { body: publicList } = await request(t.http).get('/api/playlists/public?search=secret').expect(200);
    expect(publicList.results.map((p: Playlist) => p.id)).not.toContain(playlist.id);

    await request(t.http)
      .put(`/api/playlists/${playlist.id}`)
      .set('authorization', owner.bearer)
      .send({ visibility: 'public', description: 'Open to all' })
      .expect(200);
    const { body: seen } = await request(t.http).get(`/api/playlists/${playlist.id}`).expect(200);
    expect(seen).toMatchObject({ name: 'Secret mix', visibility: 'public', share_url: null });
    const { body: found } = await request(t.http).get('/api/playlists/public?search=SECRET').expect(200);
    expect(found.results.map((p: Playlist) => p.id)).toContain(playlist.id);
    const { body: byDescription } = await request(t.http).get('/api/playlists/public?search=open to').expect(200);
    expect(byDescription.results.map((p: Playlist) => p.id)).toContain(playlist.id);
  });

  it("lists a user's public playlists, and all of them to that user and admins", async () => {
    const user = await createAccount(t, 'user');
    const shown = await create(user, { name: 'Shown', visibility: 'public' });
    const hidden = await create(user, { name: 'Hidden' });
    const ids = async (account?: TestAccount) => {
      const call = request(t.http).get(`/api/users/${user.id}/playlists`);
      if (account) call.set('authorization', account.bearer);
      return ((await call.expect(200)).body.results as Playlist[]).map((p) => p.id).sort();
    };
    expect(await ids()).toEqual([shown.id]);
    expect(await ids(listener)).toEqual([shown.id]);
    expect(await ids(user)).toEqual([shown.id, hidden.id].sort());
    expect(await ids(admin)).toEqual([shown.id, hidden.id].sort());
    await request(t.http).get('/api/users/00000000-0000-4000-8000-000000000000/playlists').expect(404);
  });

  it('opens a private playlist by its share link, read-only, until the link is reset', async () => {
    const playlist = await create(owner, { name: 'Link only' });
    await add(owner, playlist.id, songs['One']!).expect(201);
    const link = playlist.share_url!;
    const { body: opened } = await request(t.http).get(link).expect(200);
    expect(opened).toMatchObject({ id: playlist.id, name: 'Link only', share_url: null, song_count: 1 });
    const { body: linkSongs } = await request(t.http).get(`${link}/songs`).expect(200);
    expect(linkSongs.results.map((item: { song: { id: string } }) => item.song.id)).toEqual([songs['One']]);
    // Read-only: the link gives no right to change songs.
    await add(listener, playlist.id, songs['Two']!).expect(404);

    await request(t.http).post(`/api/playlists/${playlist.id}/share/reset`).set('authorization', listener.bearer).expect(404);
    const { body: reset } = await request(t.http).post(`/api/playlists/${playlist.id}/share/reset`).set('authorization', owner.bearer).expect(200);
    expect(reset.share_url).toMatch(/^\/api\/playlists\/shared\/[A-Za-z0-9_-]{43}$/);
    expect(reset.share_url).not.toBe(link);
    await request(t.http).get(link).expect(404);
    await request(t.http).get(`${link}/songs`).expect(404);
    await request(t.http).get(reset.share_url).expect(200);
    await request(t.http).get('/api/playlists/shared/made-up-token').expect(404);
  });

  it('lets a user join a collaborative playlist by link and then change its songs', async () => {
    const playlist = await create(owner, { name: 'Party', collaborative: true });
    await add(listener, playlist.id, songs['One']!).expect(404);
    const { body: joined } = await request(t.http).post(`${playlist.share_url}/join`).set('authorization', listener.bearer).expect(200);
    expect(joined.collaborators).toEqual([{ id: listener.id, username: listener.username, display_name: `The ${listener.username}` }]);
    expect(joined.share_url).toBe(playlist.share_url);
    await request(t.http).post(`${playlist.share_url}/join`).set('authorization', listener.bearer).expect(200);

    const { body: item } = await add(listener, playlist.id, songs['Two']!).expect(201);
    expect(item).toMatchObject({ position: 0, added_by: { id: listener.id, username: listener.username }, song: { id: songs['Two'], title: 'Two' } });
    await add(owner, playlist.id, songs['Three']!, 0).expect(201);
    await request(t.http)
      .post(`/api/playlists/${playlist.id}/reorder`)
      .set('authorization', listener.bearer)
      .send({ item_id: item.id, position: 0 })
      .expect(200);
    expect(await listing(listener, playlist.id)).toEqual(['0:Two', '1:Three']);
    const { body: mine } = await request(t.http).get('/api/playlists').set('authorization', listener.bearer).expect(200);
    expect(mine.results.map((p: Playlist) => p.id)).toContain(playlist.id);

    // A collaborator edits songs but does not manage the playlist.
    const renamed = await request(t.http).put(`/api/playlists/${playlist.id}`).set('authorization', listener.bearer).send({ name: 'Mine now' }).expect(403);
    expect(renamed.body.message).toBe('Only the owner of this playlist (or an admin) may change it.');
    await request(t.http).delete(`/api/playlists/${playlist.id}`).set('authorization', listener.bearer).expect(403);

    // Made non-collaborative, the collaborator still sees it but may no longer edit.
    await request(t.http).put(`/api/playlists/${playlist.id}`).set('authorization', owner.bearer).send({ collaborative: false }).expect(200);
    const refused = await add(listener, playlist.id, songs['Four']!).expect(403);
    expect(refused.body.message).toBe('Only the owner (or collaborators of a collaborative playlist) may change its songs.');
    await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', listener.bearer).expect(200);
    await request(t.http).post(`${playlist.share_url}/join`).set('authorization', stranger.bearer).expect(409);
  });

  it('refuses joining a playlist that is not collaborative with 409', async () => {
    const playlist = await create(owner, { name: 'Solo', visibility: 'public' });
    const response = await request(t.http).post(`${playlist.share_url}/join`).set('authorization', listener.bearer).expect(409);
    expect(response.body.message).toMatch(/not collaborative/);
  });

  it('lets a collaborator leave and the owner remove collaborators', async () => {
    const playlist = await create(owner, { name: 'Crew', collaborative: true });
    for (const account of [listener, stranger]) await request(t.http).post(`${playlist.share_url}/join`).set('authorization', account.bearer).expect(200);
    // One collaborator may not remove another.
    await request(t.http).delete(`/api/playlists/${playlist.id}/collaborators/${stranger.id}`).set('authorization', listener.bearer).expect(403);
    await request(t.http).delete(`/api/playlists/${playlist.id}/collaborators/${listener.id}`).set('authorization', listener.bearer).expect(204);
    await add(listener, playlist.id, songs['One']!).expect(404);
    await request(t.http).delete(`/api/playlists/${playlist.id}/collaborators/${stranger.id}`).set('authorization', owner.bearer).expect(204);
    await request(t.http).delete(`/api/playlists/${playlist.id}/collaborators/${stranger.id}`).set('authorization', owner.bearer).expect(404);
    const { body } = await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', owner.bearer).expect(200);
    expect(body.collaborators).toEqual([]);
  });

  it('appends, inserts at a position, removes (closing the gap) and reorders to the exact order', async () => {
    const { id } = await create(owner, { name: 'Ordered' });
    for (const title of ['One', 'Two', 'Three']) await add(owner, id, songs[title]!).expect(201);
    const { body: inserted } = await add(owner, id, songs['Four']!, 1).expect(201);
    expect(inserted.position).toBe(1);
    expect(await listing(owner, id)).toEqual(['0:One', '1:Four', '2:Two', '3:Three']);
    const { body: duplicate } = await add(owner, id, songs['One']!, 4).expect(201);
    expect(await listing(owner, id)).toEqual(['0:One', '1:Four', '2:Two', '3:Three', '4:One']);

    const tooFar = await add(owner, id, songs['Five']!, 6).expect(400);
    expect(tooFar.body.message).toBe('position must be between 0 and 5 (the playlist has 5 songs)');
    const negative = await add(owner, id, songs['Five']!, -1).expect(400);
    expect(negative.body.message).toBe('position must not be negative');

    await request(t.http).delete(`/api/playlists/${id}/songs/${inserted.id}`).set('authorization', owner.bearer).expect(204);
    expect(await listing(owner, id)).toEqual(['0:One', '1:Two', '2:Three', '3:One']);
    expect(await storedPositions(id)).toEqual([0, 1, 2, 3]);
    await request(t.http).delete(`/api/playlists/${id}/songs/${inserted.id}`).set('authorization', owner.bearer).expect(404);
    await request(t.http)
      .delete(`/api/playlists/${id}/songs/abc`)
      .set('authorization', owner.bearer)
      .expect(400, /itemId must be a whole number/);

    const reorder = (body: Record<string, unknown>) => request(t.http).post(`/api/playlists/${id}/reorder`).set('authorization', owner.bearer).send(body);
    const { body: moved } = await reorder({ item_id: duplicate.id, position: 0 }).expect(200);
    expect(moved).toMatchObject({ id: duplicate.id, position: 0, song: { title: 'One' } });
    expect(await listing(owner, id)).toEqual(['0:One', '1:One', '2:Two', '3:Three']);
    const three = (await request(t.http).get(`/api/playlists/${id}/songs`).set('authorization', owner.bearer)).body.results[3];
    await reorder({ item_id: three.id, position: 1 }).expect(200);
    expect(await listing(owner, id)).toEqual(['0:One', '1:Three', '2:One', '3:Two']);
    expect(await storedPositions(id)).toEqual([0, 1, 2, 3]);

    expect((await reorder({ item_id: three.id, position: 4 }).expect(400)).body.message).toBe('position must be between 0 and 3 (the playlist has 4 songs)');
    expect((await reorder({ item_id: three.id }).expect(400)).body.message).toContain('position is required');
    expect((await reorder({ item_id: 'x', position: 0 }).expect(400)).body.message).toContain('item_id must be a whole number');
    await reorder({ item_id: 999_999_999, position: 0 }).expect(404);
    const missing = await add(owner, id, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.message).toBe('song_id: song 00000000-0000-4000-8000-000000000000 not found');

    const { body: detail } = await request(t.http).get(`/api/playlists/${id}`).set('authorization', owner.bearer).expect(200);
    expect(detail.song_count).toBe(4);
    expect(detail.duration_ms).toBeGreaterThan(3900);
  });

  it('ends 20 concurrent adds with positions 0..19, none repeated or missing', async () => {
    const { id } = await create(owner, { name: 'Rush' });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => add(owner, id, songs[['One', 'Two', 'Three', 'Four', 'Five'][i % 5]!]!)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(responses.map((r) => r.body.position as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await storedPositions(id)).toEqual(Array.from({ length: 20 }, (_, i) => i));

    // Adds, removals and moves racing each other still leave 0..n-1.
    const { body } = await request(t.http).get(`/api/playlists/${id}/songs?page_size=20`).set('authorization', owner.bearer).expect(200);
    const itemIds: number[] = body.results.map((item: { id: number }) => item.id);
    await Promise.all([
      ...itemIds.slice(0, 5).map((itemId) => request(t.http).delete(`/api/playlists/${id}/songs/${itemId}`).set('authorization', owner.bearer).expect(204)),
      ...itemIds
        .slice(10, 15)
        .map((itemId, i) =>
          request(t.http).post(`/api/playlists/${id}/reorder`).set('authorization', owner.bearer).send({ item_id: itemId, position: i }).expect(200),
        ),
      ...Array.from({ length: 5 }, () => add(owner, id, songs['Five']!, 0).expect(201)),
    ]);
    expect(await storedPositions(id)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("leaves another artist's private songs out of what a listener sees", async () => {
    const secret = await uploadSong(t, otherArtist, { title: 'Unreleased', visibility: 'private' });
    const playlist = await create(otherArtist, { name: 'Demo reel', visibility: 'public' });
    await add(otherArtist, playlist.id, secret.id).expect(201);
    await add(otherArtist, playlist.id, songs['One']!).expect(201);
    expect(await listing(otherArtist, playlist.id)).toEqual(['0:Unreleased', '1:One']);
    expect(await listing(listener, playlist.id)).toEqual(['1:One']);
    expect(await listing(undefined, playlist.id)).toEqual(['1:One']);
    const { body: counted } = await request(t.http).get(`/api/playlists/${playlist.id}/songs`).set('authorization', listener.bearer).expect(200);
    expect(counted.count).toBe(1);
    const { body: detail } = await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', listener.bearer).expect(200);
    expect(detail.song_count).toBe(1);

    // Nor may anyone else add a song they cannot see.
    const own = await create(listener, { name: 'Mine' });
    const refused = await add(listener, own.id, secret.id).expect(404);
    expect(refused.body.message).toBe(`song_id: song ${secret.id} not found`);
  });

  it('closes the gap when a catalog song in the playlist is deleted', async () => {
    const doomed = await uploadSong(t, artist, { title: 'Doomed' });
    const { id } = await create(owner, { name: 'Survivors' });
    for (const songId of [songs['One']!, doomed.id, songs['Two']!]) await add(owner, id, songId).expect(201);
    await request(t.http).delete(`/api/songs/${doomed.id}`).set('authorization', artist.bearer).expect(204);
    expect(await listing(owner, id)).toEqual(['0:One', '1:Two']);
    await add(owner, id, songs['Three']!).expect(201);
    expect(await storedPositions(id)).toEqual([0, 1, 2]);
  });

  it('pages the songs with next and previous links', async () => {
    const { id } = await create(owner, { name: 'Long', visibility: 'public' });
    for (const title of ['One', 'Two', 'Three', 'Four', 'Five']) await add(owner, id, songs[title]!).expect(201);
    const first = await request(t.http).get(`/api/playlists/${id}/songs?page_size=2`).expect(200);
    expect(first.body).toMatchObject({ count: 5, page: 1, page_size: 2, previous: null, next: `/api/playlists/${id}/songs?page_size=2&page=2` });
    expect(first.body.results.map((item: { song: { title: string } }) => item.song.title)).toEqual(['One', 'Two']);
    const last = await request(t.http).get(first.body.next.replace('page=2', 'page=3')).expect(200);
    expect(last.body).toMatchObject({ page: 3, next: null, previous: `/api/playlists/${id}/songs?page_size=2&page=2` });
    expect(last.body.results).toMatchObject([{ position: 4, song: { title: 'Five' } }]);
    const { body: lists } = await request(t.http).get('/api/playlists/public?page_size=1').expect(200);
    expect(lists).toMatchObject({ page: 1, page_size: 1, previous: null, next: expect.stringContaining('page=2') });
  });

  it('answers 401 to anonymous writes and 403 to others on owner-only writes; admins may do it all', async () => {
    const playlist = await create(owner, { name: 'Guarded', visibility: 'public' });
    const { body: item } = await add(owner, playlist.id, songs['One']!).expect(201);
    // Every write (and the caller's own listing) needs a signed-in caller.
    const signedIn: [string, string, Record<string, unknown>?][] = [
      ['post', '/api/playlists', { name: 'x' }],
      ['put', `/api/playlists/${playlist.id}`, { name: 'x' }],
      ['delete', `/api/playlists/${playlist.id}`],
      ['post', `/api/playlists/${playlist.id}/songs`, { song_id: songs['Two'] }],
      ['delete', `/api/playlists/${playlist.id}/songs/${item.id}`],
      ['post', `/api/playlists/${playlist.id}/reorder`, { item_id: item.id, position: 0 }],
      ['post', `/api/playlists/${playlist.id}/share/reset`],
      ['delete', `/api/playlists/${playlist.id}/collaborators/${listener.id}`],
      ['post', `${playlist.share_url}/join`],
      ['get', '/api/playlists'],
    ];
    for (const [method, path, body] of signedIn) {
      await request(t.http)
        [method as 'post'](path)
        .send(body ?? {})
        .expect(401);
    }
    // The changes to an existing playlist: a stranger can see it (public) but may not make them.
    for (const [method, path, body] of signedIn.slice(1, 8)) {
      const response = await request(t.http)
        [method as 'post'](path)
        .set('authorization', stranger.bearer)
        .send(body ?? {});
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect(await listing(owner, playlist.id)).toEqual(['0:One']);

    await request(t.http)
      .put(`/api/playlists/${playlist.id}`)
      .set('authorization', admin.bearer)
      .send({ name: 'Moderated', visibility: 'private' })
      .expect(200);
    await add(admin, playlist.id, songs['Two']!).expect(201);
    const { body: seen } = await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', admin.bearer).expect(200);
    expect(seen).toMatchObject({ name: 'Moderated', song_count: 2, share_url: expect.any(String) });
    await request(t.http).delete(`/api/playlists/${playlist.id}`).set('authorization', admin.bearer).expect(204);
    await request(t.http).get(`/api/playlists/${playlist.id}`).set('authorization', owner.bearer).expect(404);
  });

  it('lets the owner delete a playlist, its entries going with it', async () => {
    const { id } = await create(owner, { name: 'Short-lived' });
    await add(owner, id, songs['One']!).expect(201);
    await request(t.http).delete(`/api/playlists/${id}`).set('authorization', owner.bearer).expect(204);
    await request(t.http).get(`/api/playlists/${id}`).set('authorization', owner.bearer).expect(404);
    expect(await t.prisma.playlistSong.count({ where: { playlistId: id } })).toBe(0);
  });
});

import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe("an artist's analytics team", () => {
  let t: TestApp;
  let owner: TestAccount;
  let manager: TestAccount;
  let stranger: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    [owner, manager, stranger] = await Promise.all([createAccount(t, 'artist'), createAccount(t, 'user'), createAccount(t, 'user')]);
  });
  afterAll(() => t.close());

  const team = (account: TestAccount) => request(t.http).get(`/api/analytics/artists/${owner.artistId}/team`).set('authorization', account.bearer);
  const add = (account: TestAccount, login: string) =>
    request(t.http).post(`/api/analytics/artists/${owner.artistId}/team`).set('authorization', account.bearer).send({ login });

  it("lets the artist's own account add a member by email or username, once", async () => {
    await add(owner, manager.email.toUpperCase()).expect(200);
    const { body } = await add(owner, manager.username).expect(200);
    expect(body.map((m: { username: string; role: string }) => [m.username, m.role])).toEqual([
      [owner.username, 'owner'],
      [manager.username, 'member'],
    ]);
  });

  it('gives a member the artist in the analytics list, but not the right to change the team', async () => {
    const { body } = await request(t.http).get('/api/analytics/artists').set('authorization', manager.bearer).expect(200);
    expect(body.results.map((a: { id: string }) => a.id)).toEqual([owner.artistId]);
    await team(manager).expect(200);
    expect((await add(manager, stranger.username).expect(403)).body.message).toBe("Only the artist's own account (or an admin) may change its team.");
  });

  it('hides the team from strangers and names unknown logins', async () => {
    await team(stranger).expect(403);
    expect((await add(owner, 'nobody-here').expect(404)).body.message).toBe('login: no account with the email or username nobody-here');
    expect((await add(owner, owner.email).expect(409)).body.message).toBe("login: that is the artist's own account, already on the team");
    expect((await add(owner, ' ').expect(400)).body.message).toBe('login must not be blank');
  });

  it('removes a member, who then loses access', async () => {
    await request(t.http).delete(`/api/analytics/artists/${owner.artistId}/team/${manager.id}`).set('authorization', owner.bearer).expect(204);
    await team(manager).expect(403);
    await request(t.http).delete(`/api/analytics/artists/${owner.artistId}/team/${manager.id}`).set('authorization', owner.bearer).expect(404);
  });
});

import request from 'supertest';
import { expect } from 'vitest';
import type { TestAccount } from '../../support/accounts.js';
import type { TestApp } from '../../support/test-app.js';

/** The subscription endpoints, called as a signed-in account (answers unchecked, but /me must be 200); `app` is read at each call, as tests create it in beforeAll. */
export function subscriptionCalls(app: () => TestApp) {
  const as = (account: TestAccount) => ({ authorization: account.bearer });
  const http = () => request(app().http);
  const calls = {
    me: (account: TestAccount) => http().get('/api/subscriptions/me').set(as(account)).expect(200),
    subscribe: (account: TestAccount, plan: string) => http().post('/api/subscriptions/subscribe').set(as(account)).send({ plan }),
    cancel: (account: TestAccount) => http().post('/api/subscriptions/cancel').set(as(account)),
    checkout: (account: TestAccount, plan: unknown) => http().post('/api/subscriptions/checkout').set(as(account)).send({ plan }),
    portal: (account: TestAccount) => http().post('/api/subscriptions/portal').set(as(account)),
    /** POST /api/subscriptions/members: invites, it does not add. */
    invite: (owner: TestAccount, who: Record<string, string>) => http().post('/api/subscriptions/members').set(as(owner)).send(who),
    removeMember: (caller: TestAccount, userId: string) => http().delete(`/api/subscriptions/members/${userId}`).set(as(caller)),
    invitations: (account: TestAccount) => http().get('/api/subscriptions/invitations').set(as(account)).expect(200),
    accept: (account: TestAccount, id: string) => http().post(`/api/subscriptions/invitations/${id}/accept`).set(as(account)),
    decline: (account: TestAccount, id: string) => http().post(`/api/subscriptions/invitations/${id}/decline`).set(as(account)),
    cancelInvitation: (account: TestAccount, id: string) => http().delete(`/api/subscriptions/invitations/${id}`).set(as(account)),
    /** The id of the one pending invitation `account` has from `owner`. */
    async invitationFrom(account: TestAccount, owner: TestAccount): Promise<string> {
      const { body } = await calls.invitations(account);
      const ids = (body.results as Array<{ id: string; owner: { id: string } }>)
        .filter((invitation) => invitation.owner.id === owner.id)
        .map((invitation) => invitation.id);
      expect(ids).toHaveLength(1);
      return ids[0]!;
    },
    /** The owner invites `member` by username and `member` accepts: how a listener joins a plan. */
    async join(owner: TestAccount, member: TestAccount): Promise<void> {
      await calls.invite(owner, { username: member.username }).expect(201);
      await calls.accept(member, await calls.invitationFrom(member, owner)).expect(200);
    },
  };
  return calls;
}

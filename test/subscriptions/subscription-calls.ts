import request from 'supertest';
import type { TestAccount } from '../support/accounts.js';
import type { TestApp } from '../support/test-app.js';

/** The subscription endpoints, called as a signed-in account (answers unchecked, but /me must be 200); `app` is read at each call, as tests create it in beforeAll. */
export function subscriptionCalls(app: () => TestApp) {
  const as = (account: TestAccount) => ({ authorization: account.bearer });
  return {
    me: (account: TestAccount) => request(app().http).get('/api/subscriptions/me').set(as(account)).expect(200),
    subscribe: (account: TestAccount, plan: string) => request(app().http).post('/api/subscriptions/subscribe').set(as(account)).send({ plan }),
    cancel: (account: TestAccount) => request(app().http).post('/api/subscriptions/cancel').set(as(account)),
    addMember: (owner: TestAccount, who: Record<string, string>) => request(app().http).post('/api/subscriptions/members').set(as(owner)).send(who),
    removeMember: (caller: TestAccount, userId: string) => request(app().http).delete(`/api/subscriptions/members/${userId}`).set(as(caller)),
  };
}

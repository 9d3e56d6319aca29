import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const LIMIT = 5;
let ipCounter = 0;
/** A client address of its own per attempt: the account's limit, not the IP's, is under test. */
const newIp = () => `198.51.${100 + Math.floor(ipCounter / 250)}.${++ipCounter % 250}`;

/**
 * Issue 20, finding 3: failed logins were counted before checking and recorded after, so parallel
 * attempts all got through; and an account's username and email were separate keys.
 */
describe('login limiting per account, atomic and whichever identifier names it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LIMIT), LOGIN_MAX_FAILURES_PER_IP: '100' });
  });
  afterAll(() => t?.close());

  const login = (login: string, password: string) => request(t.http).post('/api/login').set('x-forwarded-for', newIp()).send({ login, password });

  it('checks at most 5 of 12 parallel wrong passwords for one account and answers the rest 429 with Retry-After', async () => {
    const account = await createAccount(t);
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(account.username, 'wrong-Password1')));
    const checked = answers.filter((answer) => answer.status === 401);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(checked.length).toBe(LIMIT);
    expect(refused.length).toBe(12 - LIMIT);
    for (const answer of refused) expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    await login(account.username, account.password).expect(429);
  });

  it('answers a burst of 1000 parallel wrong passwords for one account without a 5xx, checking 5', async () => {
    const account = await createAccount(t);
    const answers = await Promise.all(Array.from({ length: 1000 }, () => login(account.username, 'wrong-Password1')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBe(LIMIT);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
  });

  it("counts the username's and the email's failures against one limit", async () => {
    const account = await createAccount(t);
    const identifiers = [account.username, account.email.toUpperCase()];
    for (let i = 0; i < LIMIT; i++) await login(identifiers[i % 2]!, 'wrong-Password1').expect(401);
    await login(account.email, 'wrong-Password1').expect(429);
    await login(account.username, account.password).expect(429);
  });

  it("limits an identifier that names no account on its own, leaving real accounts' limits alone", async () => {
    const account = await createAccount(t);
    for (let i = 0; i < LIMIT; i++) await login(`no-such-${account.username}`, 'wrong-Password1').expect(401);
    await login(`no-such-${account.username}`, 'wrong-Password1').expect(429);
    await login(account.username, account.password).expect(200);
  });
});

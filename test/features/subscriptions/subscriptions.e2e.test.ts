import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenerPlanService } from '../../../src/features/subscriptions/listener-plan.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from './subscription-calls.js';

const DAY_MS = 86_400_000;

describe('subscriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { me, subscribe, cancel } = subscriptionCalls(() => t);
  /** Moves the end of an account's current period into the past, as time passing would. */
  const endPeriod = (account: TestAccount) =>
    t.prisma.subscription.update({ where: { ownerId: account.id }, data: { currentPeriodEnd: new Date(Date.now() - 1000) } });

  it('lists the plans with their features and prices to anyone', async () => {
    const { body } = await request(t.http).get('/api/subscriptions').expect(200);
    expect(body.count).toBe(5);
    expect(body.trial_days).toBe(30);
    expect(body.results.map((plan: { code: string }) => plan.code)).toEqual(['free', 'premium', 'duo', 'family', 'student']);
    expect(body.results[0]).toEqual({
      code: 'free',
      name: 'Free',
      description: expect.any(String),
      price_cents: 0,
      currency: 'usd',
      max_members: 1,
      audio_quality: 'normal',
      max_kbps: 160,
      offline: false,
      ads: true,
      skips_per_hour: 6,
    });
    expect(body.results[1]).toMatchObject({ name: 'Premium Individual', price_cents: 1199, max_kbps: 320, offline: true, ads: false, skips_per_hour: null });
    expect(body.results[2]).toMatchObject({ code: 'duo', max_members: 2 });
    expect(body.results[3]).toMatchObject({ code: 'family', max_members: 6 });
  });

  it('refuses every write and /me to anonymous callers with 401', async () => {
    const http = request(t.http);
    const calls = [
      http.get('/api/subscriptions/me'),
      http.post('/api/subscriptions/subscribe').send({ plan: 'premium' }),
      http.post('/api/subscriptions/cancel'),
      http.post('/api/subscriptions/members').send({ username: 'someone' }),
      http.delete('/api/subscriptions/members/00000000-0000-4000-8000-000000000000'),
      http.get('/api/subscriptions/invitations'),
      http.post('/api/subscriptions/invitations/00000000-0000-4000-8000-000000000000/accept'),
      http.post('/api/subscriptions/invitations/00000000-0000-4000-8000-000000000000/decline'),
      http.delete('/api/subscriptions/invitations/00000000-0000-4000-8000-000000000000'),
      http.post('/api/player/skip').send({}),
    ];
    for (const call of calls) expect((await call.expect(401)).body.message).toContain('Sign in first');
  });

  it('shows a new account on Free with its skips and unused trial', async () => {
    const account = await createAccount(t);
    expect((await me(account)).body).toEqual({
      plan: expect.objectContaining({ code: 'free' }),
      role: null,
      status: null,
      subscribed_plan: null,
      provider: null,
      current_period_end: null,
      trial_ends_at: null,
      cancel_at_period_end: false,
      owner: null,
      members: [],
      invitations: [],
      skips_left: 6,
      trial_used: false,
    });
  });

  it('names a bad plan, and sends those asking for Free to cancel instead', async () => {
    const account = await createAccount(t);
    expect((await subscribe(account, 'platinum').expect(400)).body.message).toBe('plan must be one of free, premium, duo, family, student');
    expect((await subscribe(account, 'free').expect(400)).body.message).toContain('POST /api/subscriptions/cancel');
    expect((await request(t.http).post('/api/subscriptions/subscribe').set('authorization', account.bearer).send({}).expect(400)).body.message).toBe(
      'plan is required',
    );
  });

  it('gives the first paid subscription a 30-day trial, and later ones none', async () => {
    const account = await createAccount(t);
    const before = Date.now();
    const { body: first } = await subscribe(account, 'premium').expect(200);
    expect(first).toMatchObject({
      plan: { code: 'premium' },
      role: 'owner',
      status: 'trialing',
      provider: 'manual',
      cancel_at_period_end: false,
      skips_left: null,
      trial_used: true,
    });
    const trialEnd = new Date(first.trial_ends_at).getTime();
    expect(trialEnd - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(trialEnd - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
    expect(first.current_period_end).toBe(first.trial_ends_at);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(user.premiumTrialUsedAt).toBeInstanceOf(Date);

    await endPeriod(account);
    const { body: second } = await subscribe(account, 'student').expect(200);
    expect(second).toMatchObject({ plan: { code: 'student' }, status: 'active', trial_ends_at: null });
    const periodDays = (new Date(second.current_period_end).getTime() - Date.now()) / DAY_MS;
    expect(periodDays).toBeGreaterThan(27);
    expect(periodDays).toBeLessThanOrEqual(31);
  });

  it('changes the plan of a live subscription in place, keeping its period, and refuses the plan it is on', async () => {
    const account = await createAccount(t);
    const { body: premium } = await subscribe(account, 'premium').expect(200);
    const { body: family } = await subscribe(account, 'family').expect(200);
    expect(family).toMatchObject({
      plan: { code: 'family' },
      status: 'trialing',
      current_period_end: premium.current_period_end,
      trial_ends_at: premium.trial_ends_at,
    });
    expect((await subscribe(account, 'family').expect(409)).body.message).toBe('You are already on Premium Family');
  });

  it('keeps a canceled plan until its period ends, then gives Free', async () => {
    const account = await createAccount(t);
    await subscribe(account, 'premium').expect(200);
    const { body: canceled } = await cancel(account).expect(200);
    expect(canceled).toMatchObject({ plan: { code: 'premium' }, status: 'trialing', cancel_at_period_end: true });
    expect((await cancel(account).expect(200)).body.cancel_at_period_end).toBe(true);
    const plans = t.app.get(ListenerPlanService);
    expect((await plans.planFor(account.id)).code).toBe('premium');

    await endPeriod(account);
    expect((await plans.planFor(account.id)).code).toBe('free');
    expect((await me(account)).body).toMatchObject({ plan: { code: 'free', skips_per_hour: 6 }, status: 'expired', subscribed_plan: 'premium', skips_left: 6 });
    expect((await cancel(account).expect(404)).body.message).toBe('You have no paid subscription to cancel');
  });

  it('undoes a pending cancel when the owner subscribes to the plan again', async () => {
    const account = await createAccount(t);
    await subscribe(account, 'duo').expect(200);
    await cancel(account).expect(200);
    expect((await subscribe(account, 'duo').expect(200)).body).toMatchObject({ plan: { code: 'duo' }, cancel_at_period_end: false });
  });

  it('answers 404 to a cancel without any subscription', async () => {
    const account = await createAccount(t);
    expect((await cancel(account).expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: 'You have no paid subscription to cancel' });
  });
});

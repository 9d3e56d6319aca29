import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from '../subscriptions/subscription-calls.js';
import { FakeStripe } from './fake-stripe.js';
import { deliverSigned, stripeEvent } from './stripe-events.js';

const WEBHOOK_SECRET = 'whsec_encore_checkout';
const APP_URL = 'https://encore.example.com';
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Buying a plan on Stripe Checkout, end to end on the fake Stripe: the signed webhooks bring, renew and lapse the plan. */
describe('plans bought on Stripe Checkout', () => {
  let stripe: FakeStripe;
  let t: TestApp;
  beforeAll(async () => {
    stripe = await new FakeStripe().start();
    t = await createTestApp({
      ...stripe.env,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_PREMIUM: 'price_premium',
      STRIPE_PRICE_FAMILY: 'price_family',
      APP_PUBLIC_URL: APP_URL,
    });
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.stop();
  });

  const { me, checkout, portal, join } = subscriptionCalls(() => t);
  const deliver = (type: string, object: unknown) => deliverSigned(t.http, stripeEvent(type, object), WEBHOOK_SECRET).expect(200);
  const subscriptionOf = (account: TestAccount) => t.prisma.subscription.findUniqueOrThrow({ where: { ownerId: account.id } });
  const sessionIdOf = (url: string) => /\/c\/pay\/([^/]+)$/.exec(url)![1]!;
  /** An account that has had its trial, so Checkout charges at once. */
  const trialUsed = async () => {
    const account = await createAccount(t);
    await t.prisma.user.update({ where: { id: account.id }, data: { premiumTrialUsedAt: new Date() } });
    return account;
  };
  /** `account` pays on Checkout for `plan` and Stripe's checkout.session.completed arrives. */
  const buy = async (account: TestAccount, plan = 'premium') => {
    const { body } = await checkout(account, plan).expect(200);
    const { session, subscription } = stripe.completeCheckout(sessionIdOf(body.url));
    await deliver('checkout.session.completed', session);
    return subscription;
  };

  it("answers the Checkout page's address: subscription mode at the plan's price, for the account, with a first trial and the way back to the web app", async () => {
    const account = await createAccount(t);
    const { body } = await checkout(account, 'family').expect(200);
    expect(body).toEqual({ url: expect.stringMatching(new RegExp(`^${stripe.url}/c/pay/cs_test_`)) });
    const [created] = stripe.calls('POST', '/v1/checkout/sessions').slice(-1);
    expect(created!.params).toMatchObject({
      mode: 'subscription',
      'line_items[0][price]': 'price_family',
      'line_items[0][quantity]': '1',
      customer_email: account.email,
      client_reference_id: account.id,
      'subscription_data[metadata][encore_user_id]': account.id,
      'subscription_data[metadata][encore_plan]': 'family',
      'subscription_data[trial_period_days]': '30',
      success_url: `${APP_URL}/catalog/plan?checkout=success`,
      cancel_url: `${APP_URL}/catalog/plan?checkout=canceled`,
    });
    // Nothing is bought until Stripe says so.
    expect(await t.prisma.subscription.count({ where: { ownerId: account.id } })).toBe(0);
    expect((await me(account)).body).toMatchObject({ plan: { code: 'free' }, trial_used: false });
  });

  it('makes the plan bought on Checkout active through the signed checkout.session.completed, once however often it comes', async () => {
    const account = await trialUsed();
    const { body } = await checkout(account, 'premium').expect(200);
    expect(stripe.calls('POST', '/v1/checkout/sessions').at(-1)!.params).not.toHaveProperty('subscription_data[trial_period_days]');
    const { session, subscription } = stripe.completeCheckout(sessionIdOf(body.url));
    const completed = stripeEvent('checkout.session.completed', session);
    expect((await deliverSigned(t.http, completed, WEBHOOK_SECRET).expect(200)).body).toEqual({ received: true });
    // The event names the subscription only: the app read it from Stripe.
    expect(stripe.calls('GET', `/v1/subscriptions/${subscription.id}`)).toHaveLength(1);
    expect((await me(account)).body).toMatchObject({ plan: { code: 'premium' }, role: 'owner', status: 'active', provider: 'stripe', trial_ends_at: null });
    expect(await subscriptionOf(account)).toMatchObject({ providerSubscriptionId: subscription.id, providerCustomerId: subscription.customer });
    expect((await deliverSigned(t.http, completed, WEBHOOK_SECRET).expect(200)).body).toEqual({ received: true, duplicate: true });
  });

  it("starts a trial bought on Checkout as trialing, using the account's one trial", async () => {
    const account = await createAccount(t);
    await buy(account);
    expect((await me(account)).body).toMatchObject({ plan: { code: 'premium' }, status: 'trialing', trial_used: true });
  });

  it('renews through invoice.paid: the period end moves on to the end of the period paid for', async () => {
    const account = await trialUsed();
    const subscription = await buy(account);
    const before = (await subscriptionOf(account)).currentPeriodEnd;
    const invoice = stripe.renew(subscription.id, true);
    await deliver('invoice.paid', invoice);
    const after = await subscriptionOf(account);
    expect(after).toMatchObject({ status: 'active', currentPeriodStart: before });
    expect(seconds(after.currentPeriodEnd)).toBe(invoice.lines.data[0]!.period.end);
    expect(after.currentPeriodEnd.getTime()).toBeGreaterThan(before.getTime());
    // A late copy of an older invoice's news does not move it back.
    const older = {
      ...invoice,
      id: 'in_older',
      lines: { ...invoice.lines, data: [{ ...invoice.lines.data[0]!, period: { start: seconds(before) - 30 * 86_400, end: seconds(before) } }] },
    };
    await deliver('invoice.paid', older);
    expect((await subscriptionOf(account)).currentPeriodEnd).toEqual(after.currentPeriodEnd);
  });

  it('lapses through invoice.payment_failed: past due, on Free features (members too) until the invoice is paid', async () => {
    const [owner, member] = [await trialUsed(), await createAccount(t)];
    const subscription = await buy(owner, 'family');
    await join(owner, member);
    const failed = stripe.renew(subscription.id, false);
    await deliver('invoice.payment_failed', failed);
    expect((await me(owner)).body).toMatchObject({ plan: { code: 'free', ads: true }, status: 'past_due', subscribed_plan: 'family', skips_left: 6 });
    expect((await me(member)).body).toMatchObject({ plan: { code: 'free' }, role: 'member', status: 'past_due' });

    // Stripe's retry (or a new card in the portal) pays the same invoice.
    await deliver('invoice.paid', { ...failed, status: 'paid', amount_paid: failed.amount_due, amount_remaining: 0 });
    expect((await me(owner)).body).toMatchObject({ plan: { code: 'family' }, status: 'active' });
    expect((await me(member)).body).toMatchObject({ plan: { code: 'family' }, role: 'member' });
  });

  it("opens Stripe's billing portal for the owner who pays, returning to the plan page", async () => {
    const account = await trialUsed();
    const subscription = await buy(account);
    const { body } = await portal(account).expect(200);
    expect(body).toEqual({ url: expect.stringMatching(new RegExp(`^${stripe.url}/p/session/bps_`)) });
    expect(stripe.calls('POST', '/v1/billing_portal/sessions').at(-1)!.params).toEqual({
      customer: subscription.customer,
      return_url: `${APP_URL}/catalog/plan`,
    });
  });

  it('refuses the portal to anonymous callers (401), members (409, naming the owner) and listeners billed nowhere (404)', async () => {
    const [owner, member, stranger] = [await trialUsed(), await createAccount(t), await createAccount(t)];
    await buy(owner, 'family');
    await join(owner, member);
    await request(t.http).post('/api/subscriptions/portal').expect(401);
    expect((await portal(member).expect(409)).body.message).toBe(`Only ${owner.username}, who pays for the plan, manages its billing`);
    expect((await portal(stranger).expect(404)).body.message).toBe('You have no plan billed through Stripe: buy one first (POST /api/subscriptions/checkout)');
  });

  it('refuses Checkout with 400 naming the plan for a missing, unknown or free plan, and 401 without a token, creating no session', async () => {
    const account = await createAccount(t);
    const sessions = stripe.calls('POST', '/v1/checkout/sessions').length;
    expect((await checkout(account, undefined).expect(400)).body.message).toContain('plan is required');
    for (const plan of ['gold', 42])
      expect((await checkout(account, plan).expect(400)).body.message).toContain('plan must be one of free, premium, duo, family, student');
    expect((await checkout(account, 'free').expect(400)).body.message).toMatch(/^plan free needs no subscription/);
    await request(t.http).post('/api/subscriptions/checkout').send({ plan: 'premium' }).expect(401);
    expect(stripe.calls('POST', '/v1/checkout/sessions')).toHaveLength(sessions);
  });

  it('refuses Checkout with 409 to an owner already billed through Stripe and to a member of another plan', async () => {
    const [owner, member] = [await trialUsed(), await createAccount(t)];
    await buy(owner, 'family');
    await join(owner, member);
    expect((await checkout(owner, 'family').expect(409)).body.message).toMatch(/^You already have Premium Family: .*POST \/api\/subscriptions\/portal/);
    expect((await checkout(member, 'premium').expect(409)).body.message).toBe(
      `You are on ${owner.username}'s Premium Family plan: leave it first (DELETE /api/subscriptions/members/${member.id})`,
    );
  });

  it('answers 503 for a plan without a Stripe price', async () => {
    const account = await createAccount(t);
    expect((await checkout(account, 'duo').expect(503)).body.message).toBe('The duo plan is not for sale yet: set STRIPE_PRICE_DUO to its Stripe price id.');
  });

  it('says Checkout is on in the plan list, and off (503 naming STRIPE_SECRET_KEY, subscribe as before) on a server without Stripe', async () => {
    expect((await request(t.http).get('/api/subscriptions').expect(200)).body.checkout).toBe(true);
    const manual = await createTestApp({}, t);
    try {
      expect((await request(manual.http).get('/api/subscriptions').expect(200)).body.checkout).toBe(false);
      const account = await createAccount(manual);
      const calls = subscriptionCalls(() => manual);
      expect((await calls.checkout(account, 'premium').expect(503)).body.message).toMatch(
        /^Checkout and the billing portal need Stripe: set STRIPE_SECRET_KEY/,
      );
      await calls.portal(account).expect(503);
      expect((await calls.subscribe(account, 'premium').expect(200)).body).toMatchObject({ plan: { code: 'premium' }, provider: 'manual' });
    } finally {
      await manual.close();
    }
  });

  it('lets a plan bought on Checkout replace a live manual plan (which charged nothing)', async () => {
    const account = await trialUsed();
    await t.prisma.subscription.create({
      data: {
        ownerId: account.id,
        plan: 'premium',
        provider: 'manual',
        status: 'active',
        currentPeriodStart: new Date(),
        currentPeriodEnd: new Date(Date.now() + 86_400_000),
      },
    });
    const subscription = await buy(account, 'family');
    expect(await subscriptionOf(account)).toMatchObject({ plan: 'family', provider: 'stripe', providerSubscriptionId: subscription.id, status: 'active' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from '../subscriptions/subscription-calls.js';
import { FakeStripe } from './fake-stripe.js';

const DAY_MS = 86_400_000;

describe('subscriptions paid through Stripe', () => {
  let stripe: FakeStripe;
  let t: TestApp;
  beforeAll(async () => {
    stripe = await new FakeStripe().start();
    // No STRIPE_PRICE_STUDENT: that plan is not for sale.
    t = await createTestApp({ ...stripe.env, STRIPE_PRICE_PREMIUM: 'price_premium', STRIPE_PRICE_DUO: 'price_duo', STRIPE_PRICE_FAMILY: 'price_family' });
  });
  afterAll(async () => {
    await t.close();
    await stripe.stop();
  });

  const { subscribe, cancel } = subscriptionCalls(() => t);
  const subscriptionOf = (account: TestAccount) => t.prisma.subscription.findUniqueOrThrow({ where: { ownerId: account.id } });

  it('creates a customer and a subscription at the plan price with a 30-day trial the first time', async () => {
    const account = await createAccount(t);
    const { body } = await subscribe(account, 'premium').expect(200);
    const [customer] = stripe.calls('POST', '/v1/customers').slice(-1);
    expect(customer!.params).toMatchObject({ email: account.email, name: account.username, 'metadata[encore_user_id]': account.id });
    const [created] = stripe.calls('POST', '/v1/subscriptions').slice(-1);
    expect(created!.params).toMatchObject({
      'items[0][price]': 'price_premium',
      trial_period_days: '30',
      'metadata[encore_user_id]': account.id,
      'metadata[encore_plan]': 'premium',
    });
    expect(body).toMatchObject({ plan: { code: 'premium' }, status: 'trialing', provider: 'stripe', trial_used: true });
    expect(new Date(body.trial_ends_at).getTime() - Date.now()).toBeGreaterThan(29 * DAY_MS);
    const row = await subscriptionOf(account);
    expect(stripe.subscriptions.get(row.providerSubscriptionId!)).toBeDefined();
    expect(row.providerCustomerId).toMatch(/^cus_/);
  });

  it('changes the price of the Stripe subscription, cancels at period end, and starts later ones without a trial on the same customer', async () => {
    const account = await createAccount(t);
    await subscribe(account, 'premium').expect(200);
    const first = await subscriptionOf(account);

    expect((await subscribe(account, 'family').expect(200)).body).toMatchObject({ plan: { code: 'family' }, status: 'trialing' });
    const [update] = stripe.calls('POST', `/v1/subscriptions/${first.providerSubscriptionId}`).slice(-1);
    expect(update!.params).toMatchObject({ 'items[0][price]': 'price_family', 'items[0][id]': expect.stringMatching(/^si_/), cancel_at_period_end: 'false' });

    expect((await cancel(account).expect(200)).body).toMatchObject({ plan: { code: 'family' }, cancel_at_period_end: true });
    const [canceled] = stripe.calls('POST', `/v1/subscriptions/${first.providerSubscriptionId}`).slice(-1);
    expect(canceled!.params).toEqual({ cancel_at_period_end: 'true' });

    // The period ends, and Stripe ends the subscription.
    await t.prisma.subscription.update({ where: { id: first.id }, data: { status: 'canceled', currentPeriodEnd: new Date(Date.now() - 1000) } });
    const customers = stripe.calls('POST', '/v1/customers').length;
    expect((await subscribe(account, 'duo').expect(200)).body).toMatchObject({ plan: { code: 'duo' }, status: 'active', trial_ends_at: null });
    expect(stripe.calls('POST', '/v1/customers')).toHaveLength(customers);
    const [second] = stripe.calls('POST', '/v1/subscriptions').slice(-1);
    expect(second!.params).toMatchObject({ customer: first.providerCustomerId, 'items[0][price]': 'price_duo' });
    expect(second!.params).not.toHaveProperty('trial_period_days');
  });

  it('answers 503 for a plan without a Stripe price, and 502 when Stripe refuses, changing nothing', async () => {
    const account = await createAccount(t);
    expect((await subscribe(account, 'student').expect(503)).body.message).toBe(
      'The student plan is not for sale yet: set STRIPE_PRICE_STUDENT to its Stripe price id.',
    );
    stripe.failNext = { status: 400, type: 'invalid_request_error', message: 'No such price: price_premium' };
    expect((await subscribe(account, 'premium').expect(502)).body.message).toBe('Stripe could not start the subscription: No such price: price_premium');
    expect(await t.prisma.subscription.count({ where: { ownerId: account.id } })).toBe(0);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: account.id } })).premiumTrialUsedAt).toBeNull();
  });
});

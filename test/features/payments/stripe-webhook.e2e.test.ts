import Stripe from 'stripe';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from '../subscriptions/subscription-calls.js';
import { stripeSubscription, type SubscriptionFields } from './fake-stripe.js';
import { stripeEvent } from './stripe-events.js';

const WEBHOOK_SECRET = 'whsec_encore_test_secret';
const PRICES = {
  STRIPE_PRICE_PREMIUM: 'price_premium',
  STRIPE_PRICE_DUO: 'price_duo',
  STRIPE_PRICE_FAMILY: 'price_family',
  STRIPE_PRICE_STUDENT: 'price_student',
};

describe('Stripe webhook', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, ...PRICES });
  });
  afterAll(() => t.close());

  const post = (payload: string, signature?: string, http = t.http) => {
    const call = request(http).post('/api/payments/webhook').set('content-type', 'application/json');
    return (signature ? call.set('stripe-signature', signature) : call).send(payload);
  };
  const { me } = subscriptionCalls(() => t);
  const sign = (payload: string, secret = WEBHOOK_SECRET) => Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const deliver = (event: { payload: string }) => post(event.payload, sign(event.payload));
  const subscriptionOf = (account: TestAccount) => t.prisma.subscription.findUnique({ where: { ownerId: account.id } });
  const ownedBy = (account: TestAccount, fields: Omit<SubscriptionFields, 'metadata'>) =>
    stripeSubscription({ ...fields, metadata: { encore_user_id: account.id } });

  it('rejects a missing, wrongly signed or tampered event with 400, applying nothing', async () => {
    const account = await createAccount(t);
    const event = stripeEvent('customer.subscription.created', ownedBy(account, { price: 'price_premium' }));
    expect((await post(event.payload).expect(400)).body.message).toBe('The Stripe-Signature header is missing: only Stripe may call this endpoint.');
    const wrong = await post(event.payload, sign(event.payload, 'whsec_someone_else')).expect(400);
    expect(wrong.body.message).toMatch(/^The Stripe-Signature header does not match the body: No signatures found matching the expected signature/);
    const tampered = event.payload.replace('price_premium', 'price_family');
    await post(tampered, sign(event.payload)).expect(400);
    await post(event.payload, 't=1,v1=bogus').expect(400);
    expect(await subscriptionOf(account)).toBeNull();
    expect(await t.prisma.paymentEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it('applies a well-signed event: the account gets the plan its price sells', async () => {
    const account = await createAccount(t);
    const subscription = ownedBy(account, { price: 'price_family', customer: 'cus_family' });
    expect((await deliver(stripeEvent('customer.subscription.created', subscription)).expect(200)).body).toEqual({ received: true });
    expect(await subscriptionOf(account)).toMatchObject({
      plan: 'family',
      status: 'active',
      provider: 'stripe',
      providerCustomerId: 'cus_family',
      providerSubscriptionId: subscription.id,
      cancelAtPeriodEnd: false,
    });
    const { body } = await me(account);
    expect(body).toMatchObject({ plan: { code: 'family' }, role: 'owner', status: 'active', provider: 'stripe' });
  });

  it('applies an event once however often it is delivered, even at the same time', async () => {
    const account = await createAccount(t);
    const subscription = ownedBy(account, { price: 'price_premium' });
    const updated = stripeEvent('customer.subscription.updated', subscription);
    await deliver(updated).expect(200);
    expect((await deliver(updated).expect(200)).body).toEqual({ received: true, duplicate: true });

    // Canceled since: the redelivered old update must not bring the plan back.
    await deliver(stripeEvent('customer.subscription.deleted', { ...subscription, status: 'canceled', ended_at: Math.floor(Date.now() / 1000) })).expect(200);
    expect((await deliver(updated).expect(200)).body.duplicate).toBe(true);
    expect(await subscriptionOf(account)).toMatchObject({ status: 'canceled' });

    const concurrent = stripeEvent('customer.subscription.updated', { ...subscription, status: 'past_due' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(concurrent).expect(200)));
    expect(answers.filter((answer) => !answer.body.duplicate)).toHaveLength(1);
    expect(await t.prisma.paymentEvent.count({ where: { id: { in: [updated.id, concurrent.id] } } })).toBe(2);
  });

  it('follows changes: plan, cancel at period end, failed and recovered payments, deletion', async () => {
    const account = await createAccount(t);
    const subscription = ownedBy(account, { price: 'price_premium', trialDays: 30 });
    await deliver(stripeEvent('customer.subscription.created', subscription)).expect(200);
    expect(await subscriptionOf(account)).toMatchObject({ plan: 'premium', status: 'trialing', trialEndsAt: new Date(subscription.trial_end! * 1000) });

    const duo = stripeSubscription({ id: subscription.id, customer: subscription.customer as string, price: 'price_duo', cancelAtPeriodEnd: true });
    await deliver(stripeEvent('customer.subscription.updated', duo)).expect(200);
    expect(await subscriptionOf(account)).toMatchObject({ plan: 'duo', status: 'active', cancelAtPeriodEnd: true });

    const invoice = { id: 'in_1', object: 'invoice', parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } } };
    await deliver(stripeEvent('invoice.payment_failed', invoice)).expect(200);
    expect((await subscriptionOf(account))!.status).toBe('past_due');
    await deliver(stripeEvent('invoice.paid', invoice)).expect(200);
    expect((await subscriptionOf(account))!.status).toBe('active');

    await deliver(stripeEvent('customer.subscription.deleted', { ...duo, status: 'canceled' })).expect(200);
    expect((await subscriptionOf(account))!.status).toBe('canceled');
    expect((await me(account)).body.plan.code).toBe('free');
  });

  it("does not let news of an owner's old subscription replace the live one", async () => {
    const account = await createAccount(t);
    const current = ownedBy(account, { price: 'price_family' });
    await deliver(stripeEvent('customer.subscription.created', current)).expect(200);
    const old = ownedBy(account, { price: 'price_premium', status: 'canceled' });
    await deliver(stripeEvent('customer.subscription.deleted', old)).expect(200);
    expect(await subscriptionOf(account)).toMatchObject({ providerSubscriptionId: current.id, plan: 'family', status: 'active' });
  });

  it('acknowledges events it does not act on, and subscriptions of no Encore account', async () => {
    await deliver(stripeEvent('charge.succeeded', { id: 'ch_1', object: 'charge' })).expect(200, { received: true });
    const stranger = stripeSubscription({ price: 'price_premium' });
    await deliver(stripeEvent('customer.subscription.created', stranger)).expect(200, { received: true });
    expect(await t.prisma.subscription.count({ where: { providerSubscriptionId: stranger.id } })).toBe(0);
  });

  it('answers 503 naming STRIPE_WEBHOOK_SECRET when it is not set', async () => {
    const unconfigured = await createTestApp({}, t);
    try {
      const event = stripeEvent('customer.subscription.created', stripeSubscription({ price: 'price_premium' }));
      const { body } = await post(event.payload, sign(event.payload), unconfigured.http).expect(503);
      expect(body.message).toContain('set STRIPE_WEBHOOK_SECRET');
    } finally {
      await unconfigured.close();
    }
  });
});

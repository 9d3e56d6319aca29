import Stripe from 'stripe';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { stripeSubscription } from '../../features/payments/fake-stripe.js';

const WEBHOOK_SECRET = 'whsec_encore_findings';

let events = 0;
const event = (type: string, object: unknown) =>
  JSON.stringify({
    id: `evt_findings_${++events}_${process.pid}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
  });

/**
 * Issue 20, findings 8 and 9: a correctly signed event whose data.object was null answered 500, and
 * a signature timestamped in the future was accepted (Stripe's SDK only refuses old ones).
 */
describe('Stripe webhook: signed but malformed or mistimed events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_PRICE_PREMIUM: 'price_premium' });
  });
  afterAll(() => t?.close());

  const deliver = (payload: string, timestamp?: number) =>
    request(t.http)
      .post('/api/payments/webhook')
      .set('content-type', 'application/json')
      .set('stripe-signature', Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, ...(timestamp !== undefined && { timestamp }) }))
      .send(payload);

  it('answers 400 naming data.object to a signed subscription or invoice event whose object is null, a string, a number or an array, storing nothing', async () => {
    for (const type of ['customer.subscription.updated', 'invoice.paid', 'some.other.event']) {
      for (const object of [null, 'sub_123', 42, [1]]) {
        const { body } = await deliver(event(type, object)).expect(400);
        expect(body.message, `${type} with ${JSON.stringify(object)}`).toBe('The signed event is malformed: data.object must be an object');
      }
    }
    expect(await t.prisma.paymentEvent.count()).toBe(0);
  });

  it('answers 400 to signed bodies that are no event: null, an array, a number, an event without id or without data', async () => {
    for (const payload of ['null', '[]', '42']) await deliver(payload).expect(400);
    expect((await deliver(JSON.stringify({ type: 'invoice.paid', data: { object: {} } })).expect(400)).body.message).toBe(
      'The signed event is malformed: id must be a non-empty string of at most 255 characters',
    );
    const { body } = await deliver(JSON.stringify({ id: 'evt_x', type: 'invoice.paid' })).expect(400);
    expect(body.message).toBe('The signed event is malformed: data must be an object; data.object must be an object');
  });

  it('answers 400 to a signed event PostgreSQL could not store: an id of 100,000 characters, a NUL in a string', async () => {
    const long = JSON.stringify({ id: `evt_${'x'.repeat(100_000)}`, type: 'some.other.event', data: { object: {} } });
    expect((await deliver(long).expect(400)).body.message).toBe('The signed event is malformed: id must be a non-empty string of at most 255 characters');
    const nul = await deliver(event('some.other.event', { note: 'a\u0000b' })).expect(400);
    expect(nul.body.message).toBe('The signed event is malformed: the event must be free of NUL characters (PostgreSQL stores none)');
  });

  it('answers 400 naming each wrong-typed or missing field of a signed subscription, applying nothing', async () => {
    const account = await createAccount(t);
    const valid = stripeSubscription({ price: 'price_premium', metadata: { encore_user_id: account.id } }) as unknown as Record<string, unknown>;
    const { body } = await deliver(
      event('customer.subscription.created', { ...valid, customer: null, start_date: 1e308, cancel_at_period_end: 'no', items: 'many' }),
    ).expect(400);
    for (const field of ['data.object.customer', 'data.object.start_date', 'data.object.cancel_at_period_end', 'data.object.items'])
      expect(body.message).toContain(`${field} must be`);
    const { body: invoice } = await deliver(event('invoice.payment_failed', { parent: { subscription_details: { subscription: 7 } } })).expect(400);
    expect(invoice.message).toBe(
      'The signed event is malformed: data.object.parent.subscription_details.subscription must be a subscription id or object, or null',
    );
    expect(await t.prisma.subscription.findUnique({ where: { ownerId: account.id } })).toBeNull();
    // The same subscription, well formed, is applied.
    await deliver(event('customer.subscription.created', valid)).expect(200);
    expect(await t.prisma.subscription.findUnique({ where: { ownerId: account.id } })).toMatchObject({ plan: 'premium' });
  });

  it('answers 400 naming each wrong-typed field of a signed Checkout Session or invoice line Encore reads (issue 21), applying nothing', async () => {
    const { body: session } = await deliver(event('checkout.session.completed', { id: 'cs_1', mode: 3, subscription: 7, client_reference_id: ['x'] })).expect(
      400,
    );
    expect(session.message).toBe(
      'The signed event is malformed: data.object.mode must be a Checkout mode (payment, setup or subscription); data.object.subscription must be a subscription id or object, or null; data.object.client_reference_id must be a string of at most 255 characters, or null',
    );
    const { body: invoice } = await deliver(
      event('invoice.paid', { parent: null, lines: { data: [{ period: { start: 'monday', end: 1e308 } }, 'line'] } }),
    ).expect(400);
    expect(invoice.message).toBe(
      'The signed event is malformed: data.object.lines.data.0.period.start must be Unix seconds between years 1 and 9999; data.object.lines.data.0.period.end must be Unix seconds between years 1 and 9999; data.object.lines.data.1 must be an object',
    );
    expect(await t.prisma.paymentEvent.count({ where: { type: { in: ['checkout.session.completed', 'invoice.paid'] } } })).toBe(0);
  });

  it('refuses a signature timestamped more than 5 minutes ahead of the clock, as one more than 5 minutes old, and accepts one a minute ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = await deliver(event('some.other.event', {}), now + 600).expect(400);
    expect(ahead.body.message).toBe("The Stripe-Signature header is timestamped more than 300 s ahead of this server's clock.");
    const old = await deliver(event('some.other.event', {}), now - 600).expect(400);
    expect(old.body.message).toMatch(/Timestamp outside the tolerance zone/);
    await deliver(event('some.other.event', {}), now + 60).expect(200);
  });
});

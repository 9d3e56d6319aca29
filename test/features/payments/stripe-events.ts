import Stripe from 'stripe';
import request from 'supertest';
import type { App } from 'supertest/types.js';

let events = 0;

/** A Stripe event as Stripe posts it to webhook endpoints. */
export function stripeEvent(type: string, object: unknown): { id: string; payload: string } {
  const id = `evt_test_${Date.now().toString(36)}${++events}`;
  const event = {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
  return { id, payload: JSON.stringify(event) };
}

/** Posts an event to the app's webhook endpoint, signed by Stripe's SDK with `secret` as Stripe signs it. */
export function deliverSigned(http: App, event: { payload: string }, secret: string) {
  return request(http)
    .post('/api/payments/webhook')
    .set('content-type', 'application/json')
    .set('stripe-signature', Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret }))
    .send(event.payload);
}

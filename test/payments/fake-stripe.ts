import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);

export interface SubscriptionFields {
  id?: string;
  customer?: string;
  price: string;
  status?: Stripe.Subscription.Status;
  trialDays?: number;
  periodDays?: number;
  cancelAtPeriodEnd?: boolean;
  metadata?: Record<string, string>;
}

let ids = 0;
const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${++ids}`;

/** A subscription object as Stripe's API (2025-03-31 and later) answers it: the period is on the item. */
export function stripeSubscription(fields: SubscriptionFields): Stripe.Subscription {
  const start = now();
  const trialEnd = fields.trialDays ? start + fields.trialDays * DAY : null;
  const periodEnd = trialEnd ?? start + (fields.periodDays ?? 30) * DAY;
  const id = fields.id ?? newId('sub');
  return {
    id,
    object: 'subscription',
    customer: fields.customer ?? newId('cus'),
    status: fields.status ?? (trialEnd ? 'trialing' : 'active'),
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    canceled_at: fields.cancelAtPeriodEnd ? start : null,
    ended_at: null,
    created: start,
    start_date: start,
    trial_start: trialEnd ? start : null,
    trial_end: trialEnd,
    metadata: fields.metadata ?? {},
    items: {
      object: 'list',
      data: [{ id: newId('si'), object: 'subscription_item', price: { id: fields.price, object: 'price' }, quantity: 1, current_period_start: start, current_period_end: periodEnd }],
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
  } as unknown as Stripe.Subscription;
}

interface Recorded {
  method: string;
  path: string;
  params: Record<string, string>;
}

/**
 * The few Stripe API endpoints Encore calls (customers, subscriptions), answering in Stripe's
 * documented JSON on a local port, so the real SDK runs unchanged and nothing leaves the machine.
 */
export class FakeStripe {
  readonly secretKey = 'sk_test_encore_fake';
  readonly requests: Recorded[] = [];
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  /** The next request answers this Stripe error instead. */
  failNext?: { status: number; type: string; message: string };
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get env(): NodeJS.ProcessEnv {
    return { STRIPE_SECRET_KEY: this.secretKey, STRIPE_API_BASE: this.url };
  }

  calls(method: string, pathPrefix: string): Recorded[] {
    return this.requests.filter((request) => request.method === method && request.path.startsWith(pathPrefix));
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += chunk;
    const path = request.url!.split('?')[0]!;
    const params = Object.fromEntries(new URLSearchParams(body));
    this.requests.push({ method: request.method!, path, params });
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': newId('req') });
      response.end(JSON.stringify(json));
    };
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    if (this.failNext) {
      const { status, type, message } = this.failNext;
      this.failNext = undefined;
      return reply(status, { error: { type, message } });
    }
    const subscriptionPath = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (request.method === 'POST' && path === '/v1/customers') {
      return reply(200, { id: newId('cus'), object: 'customer', email: params['email'] ?? null, name: params['name'] ?? null, metadata: metadataOf(params) });
    }
    if (request.method === 'POST' && path === '/v1/subscriptions') {
      const subscription = stripeSubscription({
        customer: params['customer'],
        price: params['items[0][price]']!,
        trialDays: params['trial_period_days'] ? Number(params['trial_period_days']) : undefined,
        metadata: metadataOf(params),
      });
      this.subscriptions.set(subscription.id, subscription);
      return reply(200, subscription);
    }
    const existing = subscriptionPath && this.subscriptions.get(subscriptionPath[1]!);
    if (!existing) return reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such resource: '${path}'` } });
    if (request.method === 'POST') {
      if (params['cancel_at_period_end']) {
        existing.cancel_at_period_end = params['cancel_at_period_end'] === 'true';
        existing.canceled_at = existing.cancel_at_period_end ? now() : null;
      }
      const item = existing.items.data[0]!;
      if (params['items[0][price]'] && params['items[0][id]'] === item.id) item.price = { id: params['items[0][price]'], object: 'price' } as Stripe.Price;
      existing.metadata = { ...existing.metadata, ...metadataOf(params) };
    }
    return reply(200, existing);
  }
}

function metadataOf(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key.startsWith('metadata['))
      .map(([key, value]) => [key.slice('metadata['.length, -1), value]),
  );
}

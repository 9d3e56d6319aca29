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
      data: [
        {
          id: newId('si'),
          object: 'subscription_item',
          price: { id: fields.price, object: 'price' },
          quantity: 1,
          current_period_start: start,
          current_period_end: periodEnd,
        },
      ],
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
  } as unknown as Stripe.Subscription;
}

/** A paid or failed invoice of a subscription, as Stripe's API (2025-03-31 and later) answers it: the subscription under parent, the service period on the lines. */
export function stripeInvoice(
  subscription: Stripe.Subscription,
  fields: { paid: boolean; start: number; end: number; billingReason?: Stripe.Invoice.BillingReason },
): Stripe.Invoice {
  const price = subscription.items.data[0]!.price.id;
  const parent = { type: 'subscription_details', subscription_details: { subscription: subscription.id, metadata: subscription.metadata } };
  const amount = 1199;
  return {
    id: newId('in'),
    object: 'invoice',
    customer: subscription.customer,
    status: fields.paid ? 'paid' : 'open',
    billing_reason: fields.billingReason ?? 'subscription_cycle',
    amount_due: amount,
    amount_paid: fields.paid ? amount : 0,
    amount_remaining: fields.paid ? 0 : amount,
    attempted: true,
    attempt_count: 1,
    created: now(),
    // The invoice's own period looks one period back (Stripe documents it so); the lines carry the period billed.
    period_start: fields.start - (fields.end - fields.start),
    period_end: fields.start,
    parent,
    lines: {
      object: 'list',
      data: [
        {
          id: newId('il'),
          object: 'line_item',
          amount,
          currency: 'usd',
          quantity: 1,
          period: { start: fields.start, end: fields.end },
          pricing: { type: 'price_details', price_details: { price } },
          parent: {
            type: 'subscription_item_details',
            subscription_item_details: { subscription: subscription.id, subscription_item: subscription.items.data[0]!.id },
          },
        },
      ],
      has_more: false,
      url: '/v1/invoices/lines',
    },
  } as unknown as Stripe.Invoice;
}

interface Recorded {
  method: string;
  path: string;
  params: Record<string, string>;
}

/**
 * The few Stripe API endpoints Encore calls (customers, subscriptions, Checkout Sessions, billing
 * portal sessions), answering in Stripe's documented JSON on a local port, so the real SDK runs
 * unchanged and nothing leaves the machine; and the pages Stripe hosts, as bare placeholders.
 */
export class FakeStripe {
  readonly secretKey = 'sk_test_encore_fake';
  readonly requests: Recorded[] = [];
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  readonly checkoutSessions = new Map<string, { session: Stripe.Checkout.Session; params: Record<string, string> }>();
  /** The next request answers this Stripe error instead. */
  failNext?: { status: number; type: string; message: string };
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get env(): NodeJS.ProcessEnv {
    return { STRIPE_SECRET_KEY: this.secretKey, STRIPE_API_BASE: this.url };
  }

  /**
   * The customer pays on a Checkout page: the subscription is created as Stripe creates it (price,
   * trial and metadata from subscription_data) and the session completes. Answers both, for the
   * checkout.session.completed event the test then signs and delivers.
   */
  completeCheckout(sessionId: string): { session: Stripe.Checkout.Session; subscription: Stripe.Subscription } {
    const { session, params } = this.checkoutSessions.get(sessionId)!;
    const trialDays = params['subscription_data[trial_period_days]'];
    const subscription = stripeSubscription({
      customer: (session.customer as string | null) ?? newId('cus'),
      price: params['line_items[0][price]']!,
      trialDays: trialDays ? Number(trialDays) : undefined,
      metadata: metadataOf(params, 'subscription_data[metadata]'),
    });
    this.subscriptions.set(subscription.id, subscription);
    Object.assign(session, {
      status: 'complete',
      payment_status: trialDays ? 'no_payment_required' : 'paid',
      customer: subscription.customer,
      subscription: subscription.id,
    });
    return { session, subscription };
  }

  /** Stripe renews a subscription: its item's period moves on by `days`; answers the invoice of the new period, paid or failed. */
  renew(subscriptionId: string, paid: boolean, days = 30): Stripe.Invoice {
    const subscription = this.subscriptions.get(subscriptionId)!;
    const item = subscription.items.data[0]!;
    item.current_period_start = item.current_period_end;
    item.current_period_end += days * DAY;
    subscription.status = paid ? 'active' : 'past_due';
    return stripeInvoice(subscription, { paid, start: item.current_period_start, end: item.current_period_end });
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
    // The pages Stripe hosts (Checkout, the portal) open in the listener's browser, without the API key.
    const page = /^\/(c\/pay|p\/session)\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>Fake Stripe</title><h1>${page[1] === 'c/pay' ? 'Fake Stripe Checkout' : 'Fake Stripe billing portal'}</h1><p data-testid="session">${page[2]}</p>`,
      );
      return;
    }
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
    if (request.method === 'POST' && path === '/v1/checkout/sessions') return reply(200, this.createCheckoutSession(params));
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && sessionPath && this.checkoutSessions.has(sessionPath[1]!))
      return reply(200, this.checkoutSessions.get(sessionPath[1]!)!.session);
    if (request.method === 'POST' && path === '/v1/billing_portal/sessions') {
      const id = newId('bps');
      return reply(200, {
        id,
        object: 'billing_portal.session',
        configuration: 'bpc_fake',
        created: now(),
        customer: params['customer'],
        livemode: false,
        locale: null,
        on_behalf_of: null,
        return_url: params['return_url'] ?? null,
        url: `${this.url}/p/session/${id}`,
      });
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

  /** A Checkout Session in subscription mode, open, as POST /v1/checkout/sessions answers it. */
  private createCheckoutSession(params: Record<string, string>): Stripe.Checkout.Session {
    const id = newId('cs_test');
    const session = {
      id,
      object: 'checkout.session',
      mode: params['mode'],
      status: 'open',
      payment_status: 'unpaid',
      url: `${this.url}/c/pay/${id}`,
      customer: params['customer'] ?? null,
      customer_email: params['customer_email'] ?? null,
      client_reference_id: params['client_reference_id'] ?? null,
      metadata: metadataOf(params),
      success_url: params['success_url'],
      cancel_url: params['cancel_url'] ?? null,
      subscription: null,
      created: now(),
      expires_at: now() + DAY,
      livemode: false,
    } as unknown as Stripe.Checkout.Session;
    this.checkoutSessions.set(id, { session, params });
    return session;
  }
}

/** The hash sent as `under[key]=value` form fields (metadata, or subscription_data[metadata]). */
function metadataOf(params: Record<string, string>, under = 'metadata'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key.startsWith(`${under}[`))
      .map(([key, value]) => [key.slice(under.length + 1, -1), value]),
  );
}

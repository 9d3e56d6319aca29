import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  billedPeriodOfInvoice,
  billingStateFromStripe,
  planOfPrice,
  statusFromStripe,
  stripeAddress,
  subscriptionIdOfCheckout,
  subscriptionIdOfInvoice,
} from '../../../../src/features/subscriptions/provider/stripe-billing.js';
import { stripeSubscription } from '../../payments/fake-stripe.js';

describe('Stripe billing helpers', () => {
  it('keeps trialing, active, past_due and unpaid subscriptions (past_due for both), and counts every other status as canceled', () => {
    const cases: Array<[Stripe.Subscription.Status, string]> = [
      ['trialing', 'trialing'],
      ['active', 'active'],
      ['past_due', 'past_due'],
      ['unpaid', 'past_due'],
      ['incomplete', 'canceled'],
      ['incomplete_expired', 'canceled'],
      ['paused', 'canceled'],
      ['canceled', 'canceled'],
    ];
    for (const [stripe, ours] of cases) expect(statusFromStripe(stripe), stripe).toBe(ours);
  });

  it('reads the period from the subscription item, as current API versions put it', () => {
    const subscription = stripeSubscription({ price: 'price_premium', customer: 'cus_1', trialDays: 30 });
    const item = subscription.items.data[0]!;
    expect(billingStateFromStripe(subscription)).toEqual({
      provider: 'stripe',
      providerCustomerId: 'cus_1',
      providerSubscriptionId: subscription.id,
      status: 'trialing',
      currentPeriodStart: new Date(item.current_period_start * 1000),
      currentPeriodEnd: new Date(item.current_period_end * 1000),
      trialEndsAt: new Date(subscription.trial_end! * 1000),
      cancelAtPeriodEnd: false,
      canceledAt: null,
    });
  });

  it('reads the period from the subscription itself in older API versions, and an expanded customer', () => {
    const legacy = {
      ...stripeSubscription({ price: 'price_premium', cancelAtPeriodEnd: true }),
      customer: { id: 'cus_2', object: 'customer' },
      items: { object: 'list', data: [{ id: 'si_1', price: { id: 'price_premium' } }] },
      current_period_start: 1_700_000_000,
      current_period_end: 1_702_592_000,
    } as unknown as Stripe.Subscription;
    const state = billingStateFromStripe(legacy);
    expect(state).toMatchObject({ providerCustomerId: 'cus_2', cancelAtPeriodEnd: true, trialEndsAt: null });
    expect(state.currentPeriodStart.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(state.currentPeriodEnd.toISOString()).toBe('2023-12-14T22:13:20.000Z');
    expect(state.canceledAt).toBeInstanceOf(Date);
  });

  it("finds an invoice's subscription in parent.subscription_details, or in the older top-level field", () => {
    expect(subscriptionIdOfInvoice({ parent: { subscription_details: { subscription: 'sub_new' } } } as unknown as Stripe.Invoice)).toBe('sub_new');
    expect(subscriptionIdOfInvoice({ parent: null, subscription: 'sub_old' } as unknown as Stripe.Invoice)).toBe('sub_old');
    expect(subscriptionIdOfInvoice({ parent: null } as unknown as Stripe.Invoice)).toBeUndefined();
  });

  it("reads the period an invoice bills from its lines, not from the invoice's own period, which looks one period back", () => {
    const invoice = {
      period_start: 1_000,
      period_end: 2_000,
      lines: { data: [{ period: { start: 2_000, end: 3_000 } }, { period: { start: 2_500, end: 3_000 } }] },
    } as unknown as Stripe.Invoice;
    expect(billedPeriodOfInvoice(invoice)).toEqual({ start: new Date(2_000_000), end: new Date(3_000_000) });
    expect(billedPeriodOfInvoice({ lines: { data: [] } } as unknown as Stripe.Invoice)).toBeUndefined();
    expect(billedPeriodOfInvoice({} as unknown as Stripe.Invoice)).toBeUndefined();
  });

  it("finds a Checkout Session's subscription by id, or expanded", () => {
    expect(subscriptionIdOfCheckout({ subscription: 'sub_1' } as unknown as Stripe.Checkout.Session)).toBe('sub_1');
    expect(subscriptionIdOfCheckout({ subscription: { id: 'sub_2' } } as unknown as Stripe.Checkout.Session)).toBe('sub_2');
    expect(subscriptionIdOfCheckout({ subscription: null } as unknown as Stripe.Checkout.Session)).toBeUndefined();
  });

  it('turns STRIPE_API_BASE into the host, port and protocol the SDK takes', () => {
    expect(stripeAddress('http://localhost:12111')).toEqual({ host: 'localhost', port: 12111, protocol: 'http' });
    expect(stripeAddress('https://stripe.internal/')).toEqual({ host: 'stripe.internal', port: 443, protocol: 'https' });
  });

  it('knows the plan a configured price sells', () => {
    const prices = { premium: 'price_p', family: 'price_f', duo: undefined };
    expect(planOfPrice(prices, 'price_f')).toBe('family');
    expect(planOfPrice(prices, 'price_other')).toBeUndefined();
    expect(planOfPrice(prices, undefined)).toBeUndefined();
  });
});

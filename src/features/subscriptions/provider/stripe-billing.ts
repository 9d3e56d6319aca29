import type Stripe from 'stripe';
import type { AppConfig } from '../../../platform/config/app-config.js';
import type { PlanCode, SubscriptionStatus } from '../../../generated/prisma/client.js';
import type { BillingState } from './payment-provider.js';

/** Metadata keys Encore puts on Stripe customers and subscriptions, so webhooks find the account. */
export const OWNER_KEY = 'encore_user_id';
export const PLAN_KEY = 'encore_plan';

const seconds = (value: number) => new Date(value * 1000);

/**
 * Stripe's subscription status as ours. Only trialing, active and past_due give the plan;
 * incomplete (first payment not made), paused and the ended states give none, and our status
 * has no value of their own, so they count as canceled.
 */
export function statusFromStripe(status: Stripe.Subscription.Status): SubscriptionStatus {
  switch (status) {
    case 'trialing':
      return 'trialing';
    case 'active':
      return 'active';
    case 'past_due':
    case 'unpaid':
      return 'past_due';
    default:
      return 'canceled';
  }
}

/** Fields older Stripe API versions had on the subscription itself (webhook payloads follow the endpoint's version). */
interface LegacySubscriptionFields {
  current_period_start?: number;
  current_period_end?: number;
}

/** The subscription columns a Stripe subscription object gives. */
export function billingStateFromStripe(subscription: Stripe.Subscription): BillingState {
  const item = subscription.items?.data?.[0] as (Stripe.SubscriptionItem & LegacySubscriptionFields) | undefined;
  const legacy = subscription as Stripe.Subscription & LegacySubscriptionFields;
  // Since API 2025-03-31 the period lives on each item; before, on the subscription.
  const periodStart = item?.current_period_start ?? legacy.current_period_start ?? subscription.start_date;
  const periodEnd = item?.current_period_end ?? legacy.current_period_end ?? subscription.ended_at ?? periodStart;
  const customer = subscription.customer;
  return {
    provider: 'stripe',
    providerCustomerId: typeof customer === 'string' ? customer : customer.id,
    providerSubscriptionId: subscription.id,
    status: statusFromStripe(subscription.status),
    currentPeriodStart: seconds(periodStart),
    currentPeriodEnd: seconds(periodEnd),
    trialEndsAt: subscription.trial_end ? seconds(subscription.trial_end) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: subscription.canceled_at ? seconds(subscription.canceled_at) : null,
  };
}

/** The price of the subscription's (only) item. */
export function priceIdOf(subscription: Stripe.Subscription): string | undefined {
  return subscription.items?.data?.[0]?.price?.id;
}

/** The subscription an invoice bills: `parent.subscription_details` now, `subscription` in older API versions. */
export function subscriptionIdOfInvoice(invoice: Stripe.Invoice): string | undefined {
  const reference =
    invoice.parent?.subscription_details?.subscription ?? (invoice as Stripe.Invoice & { subscription?: string | { id: string } | null }).subscription;
  if (!reference) return undefined;
  return typeof reference === 'string' ? reference : reference.id;
}

/**
 * The service period an invoice bills: from its lines' periods (the invoice's own period_start and
 * period_end look one period back for subscription invoices, as Stripe documents). Undefined
 * without lines carrying a period.
 */
export function billedPeriodOfInvoice(invoice: Stripe.Invoice): { start: Date; end: Date } | undefined {
  const periods = (invoice.lines?.data ?? [])
    .map((line) => line.period)
    .filter((period) => period && Number.isInteger(period.start) && Number.isInteger(period.end));
  if (periods.length === 0) return undefined;
  return { start: seconds(Math.min(...periods.map((period) => period.start))), end: seconds(Math.max(...periods.map((period) => period.end))) };
}

/** The id of the subscription a completed Checkout Session created (webhook payloads name it; the API may expand it). */
export function subscriptionIdOfCheckout(session: Stripe.Checkout.Session): string | undefined {
  const reference = session.subscription;
  if (!reference) return undefined;
  return typeof reference === 'string' ? reference : reference.id;
}

/** STRIPE_API_BASE as the SDK's host, port and protocol options. */
export function stripeAddress(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/** The plan a Stripe price id sells, given the configured prices. */
export function planOfPrice(prices: Partial<Record<PlanCode, string>>, priceId: string | undefined): PlanCode | undefined {
  if (!priceId) return undefined;
  return (Object.keys(prices) as PlanCode[]).find((plan) => prices[plan] === priceId);
}

/** The Stripe price id of each paid plan, from STRIPE_PRICE_*. */
export function stripePrices(config: AppConfig): Partial<Record<PlanCode, string>> {
  return { premium: config.STRIPE_PRICE_PREMIUM, duo: config.STRIPE_PRICE_DUO, family: config.STRIPE_PRICE_FAMILY, student: config.STRIPE_PRICE_STUDENT };
}

import { ServiceUnavailableException } from '@nestjs/common';
import type { PlanCode, Subscription } from '../../../generated/prisma/client.js';
import { billingStateOf, PaymentProvider, type BillingState, type StartSubscription } from './payment-provider.js';

const DAY_MS = 86_400_000;

/** Why there is no Checkout page or billing portal without Stripe. */
export const NEEDS_STRIPE =
  'Checkout and the billing portal need Stripe: set STRIPE_SECRET_KEY. Without it, POST /api/subscriptions/subscribe starts plans directly (development only).';

/** The same day of the next month (clamped by Date to the month's end, as billing cycles are). */
function oneMonthAfter(date: Date): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

/**
 * Development and tests: plans start at once and nothing is charged. Periods are one month
 * (or the trial) and are never renewed, so a subscription simply ends with its period.
 */
export class ManualPaymentProvider extends PaymentProvider {
  readonly name = 'manual';
  readonly hostedCheckout = false;

  /** `enabled` is false in production: there the manual provider would give paid plans away. */
  constructor(private readonly enabled: boolean) {
    super();
  }

  async start({ trialDays }: StartSubscription): Promise<BillingState> {
    this.ensureEnabled();
    const now = new Date();
    const trialEndsAt = trialDays > 0 ? new Date(now.getTime() + trialDays * DAY_MS) : null;
    return {
      provider: this.name,
      providerCustomerId: null,
      providerSubscriptionId: null,
      status: trialEndsAt ? 'trialing' : 'active',
      currentPeriodStart: now,
      currentPeriodEnd: trialEndsAt ?? oneMonthAfter(now),
      trialEndsAt,
      cancelAtPeriodEnd: false,
      canceledAt: null,
    };
  }

  async changePlan(current: Subscription, _plan: PlanCode): Promise<BillingState> {
    this.ensureEnabled();
    return { ...billingStateOf(current), cancelAtPeriodEnd: false, canceledAt: null };
  }

  async cancelAtPeriodEnd(current: Subscription): Promise<BillingState> {
    return { ...billingStateOf(current), cancelAtPeriodEnd: true, canceledAt: new Date() };
  }

  async checkout(): Promise<string> {
    throw new ServiceUnavailableException(NEEDS_STRIPE);
  }

  async billingPortal(): Promise<string> {
    throw new ServiceUnavailableException(NEEDS_STRIPE);
  }

  private ensureEnabled(): void {
    if (!this.enabled) {
      throw new ServiceUnavailableException('Payments are not configured: set STRIPE_SECRET_KEY (the manual provider is for development only).');
    }
  }
}

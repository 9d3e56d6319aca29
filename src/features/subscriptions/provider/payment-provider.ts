import type { PlanCode, Subscription, SubscriptionStatus } from '../../../generated/prisma/client.js';

/** What a payment provider says about a subscription: the subscription columns it owns. */
export interface BillingState {
  provider: string;
  providerCustomerId: string | null;
  providerSubscriptionId: string | null;
  status: SubscriptionStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEndsAt: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
}

export interface StartSubscription {
  owner: { id: string; email: string; username: string };
  plan: PlanCode;
  /** 0 when the account has used its trial. */
  trialDays: number;
  /** The owner's customer at this provider from an earlier subscription, to reuse. */
  customerId: string | null;
}

/** A hosted payment page for a new subscription (Stripe Checkout in subscription mode). */
export interface StartCheckout {
  owner: { id: string; email: string };
  plan: PlanCode;
  /** 0 when the account has used its trial. */
  trialDays: number;
  /** The owner's customer at this provider from an earlier subscription, to reuse. */
  customerId: string | null;
  /** Where the page sends the listener back: after paying, and when they turn back. */
  successUrl: string;
  cancelUrl: string;
}

/**
 * Takes payment for paid plans. One implementation is active per process: Stripe when
 * STRIPE_SECRET_KEY is set, else the manual provider. Used as the injection token too.
 */
export abstract class PaymentProvider {
  abstract readonly name: string;
  /** Starts a new subscription for an owner without a live one. */
  abstract start(request: StartSubscription): Promise<BillingState>;
  /** Moves a live subscription of this provider to another plan (and undoes a pending cancel). */
  abstract changePlan(current: Subscription, plan: PlanCode): Promise<BillingState>;
  /** Stops renewal: the plan stays until the current period ends. */
  abstract cancelAtPeriodEnd(current: Subscription): Promise<BillingState>;
  /** Whether plans are bought on the provider's payment page (checkout) rather than started directly (start). */
  abstract readonly hostedCheckout: boolean;
  /** The address of a payment page that starts the subscription once paid; its webhook then brings the plan. */
  abstract checkout(request: StartCheckout): Promise<string>;
  /** The address of the provider's page where a customer changes their payment method or plan, or cancels. */
  abstract billingPortal(customerId: string, returnUrl: string): Promise<string>;
}

/** A subscription row's billing columns, for providers that change only some of them. */
export function billingStateOf(subscription: Subscription): BillingState {
  const { provider, providerCustomerId, providerSubscriptionId, status, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd, canceledAt } =
    subscription;
  return { provider, providerCustomerId, providerSubscriptionId, status, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd, canceledAt };
}

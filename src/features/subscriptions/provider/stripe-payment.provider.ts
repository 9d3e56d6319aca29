import { BadGatewayException, ServiceUnavailableException } from '@nestjs/common';
import Stripe from 'stripe';
import type { PlanCode, Subscription } from '../../../generated/prisma/client.js';
import { PaymentProvider, type BillingState, type StartCheckout, type StartSubscription } from './payment-provider.js';
import { billingStateFromStripe, OWNER_KEY, PLAN_KEY, stripeAddress } from './stripe-billing.js';

export function createStripeClient(secretKey: string, apiBase?: string): Stripe {
  return new Stripe(secretKey, { ...(apiBase && stripeAddress(apiBase)), timeout: 10_000, maxNetworkRetries: 2, telemetry: false });
}

/** Paid plans as Stripe subscriptions: one customer per account, one subscription item at the plan's price. */
export class StripePaymentProvider extends PaymentProvider {
  readonly name = 'stripe';
  readonly hostedCheckout = true;

  constructor(
    private readonly stripe: Stripe,
    private readonly prices: Partial<Record<PlanCode, string>>,
  ) {
    super();
  }

  async start({ owner, plan, trialDays, customerId }: StartSubscription): Promise<BillingState> {
    const price = this.priceOf(plan);
    return this.call('start the subscription', async () => {
      const customer = customerId ?? (await this.stripe.customers.create({ email: owner.email, name: owner.username, metadata: { [OWNER_KEY]: owner.id } })).id;
      const subscription = await this.stripe.subscriptions.create({
        customer,
        items: [{ price }],
        ...(trialDays > 0 && { trial_period_days: trialDays }),
        metadata: { [OWNER_KEY]: owner.id, [PLAN_KEY]: plan },
      });
      return billingStateFromStripe(subscription);
    });
  }

  async changePlan(current: Subscription, plan: PlanCode): Promise<BillingState> {
    const price = this.priceOf(plan);
    return this.call('change the plan', async () => {
      const subscription = await this.stripe.subscriptions.retrieve(current.providerSubscriptionId!);
      const updated = await this.stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0]!.id, price }],
        cancel_at_period_end: false,
        metadata: { [PLAN_KEY]: plan },
      });
      return billingStateFromStripe(updated);
    });
  }

  async cancelAtPeriodEnd(current: Subscription): Promise<BillingState> {
    return this.call('cancel the subscription', async () =>
      billingStateFromStripe(await this.stripe.subscriptions.update(current.providerSubscriptionId!, { cancel_at_period_end: true })),
    );
  }

  /**
   * A Checkout Session in subscription mode: Stripe's page collects the payment method (and the
   * first payment, unless trialing), then creates the subscription, which checkout.session.completed
   * reports. The subscription carries the account and plan in its metadata, as start() sets them.
   */
  async checkout({ owner, plan, trialDays, customerId, successUrl, cancelUrl }: StartCheckout): Promise<string> {
    const price = this.priceOf(plan);
    const metadata = { [OWNER_KEY]: owner.id, [PLAN_KEY]: plan };
    const session = await this.call('open Checkout', () =>
      this.stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price, quantity: 1 }],
        ...(customerId ? { customer: customerId } : { customer_email: owner.email }),
        client_reference_id: owner.id,
        metadata,
        subscription_data: { metadata, ...(trialDays > 0 && { trial_period_days: trialDays }) },
        success_url: successUrl,
        cancel_url: cancelUrl,
      }),
    );
    if (!session.url) throw new BadGatewayException('Stripe could not open Checkout: the session it created has no url');
    return session.url;
  }

  async billingPortal(customerId: string, returnUrl: string): Promise<string> {
    const session = await this.call('open the billing portal', () =>
      this.stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }),
    );
    return session.url;
  }

  /** The subscription as Stripe has it now (for the webhook of a completed Checkout, which names it only). */
  retrieveSubscription(id: string): Promise<Stripe.Subscription> {
    return this.call('read the subscription', () => this.stripe.subscriptions.retrieve(id));
  }

  private priceOf(plan: PlanCode): string {
    const price = this.prices[plan];
    if (!price) throw new ServiceUnavailableException(`The ${plan} plan is not for sale yet: set STRIPE_PRICE_${plan.toUpperCase()} to its Stripe price id.`);
    return price;
  }

  /** Stripe's refusals and outages as 502/503 naming what failed, instead of a bare 500. */
  private async call<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof Stripe.errors.StripeConnectionError)
        throw new ServiceUnavailableException(`Stripe is unreachable, could not ${what}; please retry shortly.`);
      if (error instanceof Stripe.errors.StripeError) throw new BadGatewayException(`Stripe could not ${what}: ${error.message}`);
      throw error;
    }
  }
}

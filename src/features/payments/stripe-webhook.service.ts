import { BadRequestException, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type Stripe from 'stripe';
import { AppConfig } from '../../platform/config/app-config.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { PlanCode, Prisma, SubscriptionStatus } from '../../generated/prisma/client.js';
import { PLANS } from '../subscriptions/plans.js';
import { ProviderBillingService } from '../subscriptions/provider-billing.service.js';
import { PaymentProvider } from '../subscriptions/provider/payment-provider.js';
import {
  billedPeriodOfInvoice,
  billingStateFromStripe,
  OWNER_KEY,
  PLAN_KEY,
  planOfPrice,
  priceIdOf,
  stripePrices,
  subscriptionIdOfCheckout,
  subscriptionIdOfInvoice,
} from '../subscriptions/provider/stripe-billing.js';
import { malformedEventProblems, signatureTimestamp } from './stripe-event-shape.js';
import type { StripePaymentProvider } from '../subscriptions/provider/stripe-payment.provider.js';

type Tx = Prisma.TransactionClient;

export interface WebhookAnswer {
  received: true;
  /** The event was applied before: this delivery changed nothing. */
  duplicate?: true;
}

/** How far a signature's timestamp may be from this server's clock, either way: Stripe's default, 5 minutes (its SDK's webhooks.DEFAULT_TOLERANCE, written out so the SDK loads on the first webhook). */
const SIGNATURE_TOLERANCE_SECONDS = 300;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Applies Stripe's events to subscriptions: each event once, however often Stripe delivers it. */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger('StripeWebhook');
  private readonly prices: Partial<Record<PlanCode, string>>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly billing: ProviderBillingService,
  ) {
    this.prices = stripePrices(config);
  }

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookAnswer> {
    const event = await this.verify(rawBody, signature);
    // Read before the transaction, which holds row locks: Stripe answers within its client's retries or this answers 503 and Stripe redelivers.
    const checkoutSubscription = await this.subscriptionOfCompletedCheckout(event);
    // The event id is stored in the transaction that applies it: a redelivery (even a concurrent
    // one, which waits on the id's unique index) finds it and changes nothing.
    const applied = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.paymentEvent.createMany({
        data: [{ id: event.id, provider: 'stripe', type: event.type, payload: event as unknown as Prisma.InputJsonObject }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await this.apply(tx, event, checkoutSubscription);
      return true;
    });
    return applied ? { received: true } : { received: true, duplicate: true };
  }

  private async verify(rawBody: Buffer | undefined, signature: string | undefined): Promise<Stripe.Event> {
    const secret = this.config.STRIPE_WEBHOOK_SECRET;
    if (!secret)
      throw new ServiceUnavailableException('Stripe webhooks are off: set STRIPE_WEBHOOK_SECRET to the signing secret (whsec_...) of this endpoint.');
    if (!signature) throw new BadRequestException('The Stripe-Signature header is missing: only Stripe may call this endpoint.');
    if (!rawBody) throw new BadRequestException('The body must be the event exactly as Stripe sent it, as application/json.');
    // The SDK is imported on the first webhook (a server that takes none never loads it).
    const { default: StripeSdk } = await import('stripe');
    let event: Stripe.Event;
    try {
      event = StripeSdk.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch (error) {
      throw new BadRequestException(`The Stripe-Signature header does not match the body: ${(error as Error).message}`);
    }
    // The SDK refuses signatures older than the tolerance only: one from the future is refused here.
    const signedAt = signatureTimestamp(signature);
    if (signedAt === undefined || signedAt - Date.now() / 1000 > SIGNATURE_TOLERANCE_SECONDS) {
      throw new BadRequestException(`The Stripe-Signature header is timestamped more than ${SIGNATURE_TOLERANCE_SECONDS} s ahead of this server's clock.`);
    }
    const problems = malformedEventProblems(event);
    if (problems.length > 0) throw new BadRequestException(`The signed event is malformed: ${problems.join('; ')}`);
    return event;
  }

  private async apply(tx: Tx, event: Stripe.Event, checkoutSubscription: Stripe.Subscription | undefined): Promise<void> {
    switch (event.type) {
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
        return this.syncSubscription(tx, event.data.object);
      case 'checkout.session.completed':
        // The subscription Checkout created, as Stripe has it now; the session names the account too.
        if (!checkoutSubscription) return;
        return this.syncSubscription(tx, checkoutSubscription, uuidOrUndefined(event.data.object.client_reference_id));
      case 'invoice.payment_failed':
        // Stripe retries the payment while the subscription is past_due; it gives no plan until an invoice is paid (docs/subscriptions.md).
        return this.setStatus(tx, subscriptionIdOfInvoice(event.data.object), 'past_due', ['trialing', 'active']);
      case 'invoice.paid':
        return this.recordPayment(tx, event.data.object);
      default:
        this.logger.debug(`Ignored Stripe event ${event.type} (${event.id})`);
    }
  }

  /** For checkout.session.completed in subscription mode: the subscription it created, read from Stripe (the event names it only). */
  private async subscriptionOfCompletedCheckout(event: Stripe.Event): Promise<Stripe.Subscription | undefined> {
    if (event.type !== 'checkout.session.completed') return undefined;
    const session = event.data.object;
    const subscriptionId = session.mode === 'subscription' ? subscriptionIdOfCheckout(session) : undefined;
    if (!subscriptionId) return undefined;
    if (!isStripe(this.provider)) {
      // customer.subscription.created brings the plan as well.
      this.logger.warn(`Checkout session ${session.id}: subscription ${subscriptionId} not read, STRIPE_SECRET_KEY is not set`);
      return undefined;
    }
    return this.provider.retrieveSubscription(subscriptionId);
  }

  /**
   * A paid invoice: the plan runs to the end of the period it bills (renewals move it on, never
   * back: an older invoice's news may come late), and a failed payment made good, or the first
   * period paid after a trial, makes the subscription active.
   */
  private async recordPayment(tx: Tx, invoice: Stripe.Invoice): Promise<void> {
    const subscriptionId = subscriptionIdOfInvoice(invoice);
    if (!subscriptionId) return;
    const period = billedPeriodOfInvoice(invoice);
    if (!period) return this.setStatus(tx, subscriptionId, 'active', ['past_due']);
    await this.billing.recordPaidPeriod(tx, subscriptionId, period);
  }

  /** Copies a Stripe subscription onto ours: found by its id, else by the account in its metadata (or the Checkout Session's). */
  private async syncSubscription(tx: Tx, subscription: Stripe.Subscription, sessionOwner?: string): Promise<void> {
    const ignored = await this.billing.sync(tx, {
      id: subscription.id,
      ownerId: uuidOrUndefined(subscription.metadata?.[OWNER_KEY]) ?? sessionOwner,
      plan: planOfPrice(this.prices, priceIdOf(subscription)) ?? this.planOfMetadata(subscription),
      state: billingStateFromStripe(subscription),
    });
    if (ignored) this.ignore(subscription, ignored);
  }

  private async setStatus(tx: Tx, subscriptionId: string | undefined, status: SubscriptionStatus, from: SubscriptionStatus[]): Promise<void> {
    if (subscriptionId) await this.billing.setStatus(tx, subscriptionId, status, from);
  }

  private planOfMetadata(subscription: Stripe.Subscription): PlanCode | undefined {
    const plan = subscription.metadata?.[PLAN_KEY];
    return plan && plan !== 'free' && Object.hasOwn(PLANS, plan) ? (plan as PlanCode) : undefined;
  }

  private ignore(subscription: Stripe.Subscription, why: string): void {
    this.logger.warn(`Ignored Stripe subscription ${subscription.id}: ${why}`);
  }
}

const uuidOrUndefined = (value: string | null | undefined) => (value && UUID.test(value) ? value : undefined);

/** Whether paid plans go through Stripe (by name: the class is imported only when they do). */
function isStripe(provider: PaymentProvider): provider is StripePaymentProvider {
  return provider.name === 'stripe';
}

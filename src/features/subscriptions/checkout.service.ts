import { ConflictException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { PlanCode } from '../../generated/prisma/client.js';
import { NEEDS_STRIPE } from './provider/manual-payment.provider.js';
import { PaymentProvider } from './provider/payment-provider.js';
import { buyerOf, refuseFree } from './buyer.js';
import { LISTENER } from './invitation-queries.js';
import { isLive } from './listener-plan.service.js';
import { PLANS } from './plans.js';
import { TRIAL_DAYS } from './subscriptions.service.js';

/** Where Stripe's pages send the listener back: the web app's Your plan page. */
export const PLAN_PAGE = '/catalog/plan';

/**
 * Buying a plan on Stripe's Checkout page and managing it on Stripe's billing portal. Nothing is
 * written here: the signed webhook (StripeWebhookService) brings the plan once Stripe has it.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly provider: PaymentProvider,
  ) {}

  /** The Checkout page's address for a new subscription to `code`; `appUrl` is the web app's origin. */
  async checkout(caller: AuthUser, code: PlanCode, appUrl: string): Promise<{ url: string }> {
    refuseFree(code);
    this.ensureHosted();
    const { account, current } = await buyerOf(this.prisma, caller.id, code);
    if (current && isLive(current) && current.provider !== 'manual') {
      throw new ConflictException(
        `You already have ${PLANS[current.plan].name}: move it to another plan with POST /api/subscriptions/subscribe, or change or cancel it in the billing portal (POST /api/subscriptions/portal)`,
      );
    }
    const url = await this.provider.checkout({
      owner: account,
      plan: code,
      trialDays: account.premiumTrialUsedAt ? 0 : TRIAL_DAYS,
      customerId: current?.provider === this.provider.name ? current.providerCustomerId : null,
      successUrl: `${appUrl}${PLAN_PAGE}?checkout=success`,
      cancelUrl: `${appUrl}${PLAN_PAGE}?checkout=canceled`,
    });
    return { url };
  }

  /** The billing portal's address for the caller's customer: only the owner who pays has one. */
  async portal(caller: AuthUser, appUrl: string): Promise<{ url: string }> {
    this.ensureHosted();
    const own = await this.prisma.subscription.findUnique({ where: { ownerId: caller.id } });
    if (own?.provider === this.provider.name && own.providerCustomerId) {
      return { url: await this.provider.billingPortal(own.providerCustomerId, `${appUrl}${PLAN_PAGE}`) };
    }
    const membership = await this.prisma.subscriptionMember.findUnique({
      where: { userId: caller.id },
      include: { subscription: { include: { owner: LISTENER } } },
    });
    if (membership) throw new ConflictException(`Only ${membership.subscription.owner.username}, who pays for the plan, manages its billing`);
    throw new NotFoundException('You have no plan billed through Stripe: buy one first (POST /api/subscriptions/checkout)');
  }

  private ensureHosted(): void {
    if (!this.provider.hostedCheckout) throw new ServiceUnavailableException(NEEDS_STRIPE);
  }
}

import { ConflictException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { PlanCode, Prisma, Subscription } from '../../generated/prisma/client.js';
import { ManualPaymentProvider } from './provider/manual-payment.provider.js';
import { PaymentProvider, type BillingState } from './provider/payment-provider.js';
import { toPlanDto, type MySubscriptionDto, type PlansDto } from './dto/subscription.dto.js';
import { LISTENER, openInvitationsOf } from './invitation-queries.js';
import { buyerOf, refuseFree } from './buyer.js';
import { givesPlan, isLive } from './listener-plan.service.js';
import { PLANS } from './plans.js';
import { PlayerSkipsService } from './player-skips.service.js';
import { AccountWrites } from '../../platform/auth/account-writes.js';
import { lockSubscriptionOf } from './row-locks.js';

/** Days free on the first paid subscription of an account. */
export const TRIAL_DAYS = 30;

/** Subscribing may wait on the payment provider (Stripe's client retries for up to ~30 s). */
const PROVIDER_TRANSACTION = { timeout: 45_000, maxWait: 10_000 };

const WITH_PEOPLE = { owner: LISTENER, members: { include: { user: LISTENER }, orderBy: { addedAt: 'asc' } } } as const satisfies Prisma.SubscriptionInclude;

type SubscriptionWithPeople = Prisma.SubscriptionGetPayload<{ include: typeof WITH_PEOPLE }>;
type Listener = SubscriptionWithPeople['owner'];

const toListenerDto = (user: Listener) => ({ id: user.id, username: user.username, display_name: user.displayName });

/** Paid plans: subscribing through the payment provider, canceling, and members of duo and family plans (joining is by invitation: InvitationsService). */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly provider: PaymentProvider,
    private readonly skips: PlayerSkipsService,
    private readonly accounts: AccountWrites,
  ) {}

  plans(): PlansDto {
    const results = Object.values(PLANS).map(toPlanDto);
    return { count: results.length, checkout: this.provider.hostedCheckout, trial_days: TRIAL_DAYS, results };
  }

  async me(userId: string, now = new Date()): Promise<MySubscriptionDto> {
    const [own, membership, account] = await Promise.all([
      this.prisma.subscription.findUnique({ where: { ownerId: userId }, include: WITH_PEOPLE }),
      this.prisma.subscriptionMember.findUnique({ where: { userId }, include: { subscription: { include: WITH_PEOPLE } } }),
      this.prisma.user.findUnique({ where: { id: userId }, select: { premiumTrialUsedAt: true } }),
    ]);
    const joined = membership?.subscription ?? null;
    // The subscription giving the plan (as ListenerPlanService.planFor picks it); else the caller's own ended one.
    const subscription: SubscriptionWithPeople | null = [own, joined].find((s) => s && isLive(s, now)) ?? own ?? joined;
    const live = subscription !== null && isLive(subscription, now);
    const plan = subscription !== null && givesPlan(subscription, now) ? PLANS[subscription.plan] : PLANS.free;
    const owner = subscription?.ownerId === userId;
    return {
      plan: toPlanDto(plan),
      role: subscription ? (owner ? 'owner' : 'member') : null,
      status: subscription ? (live || subscription.status === 'canceled' ? subscription.status : 'expired') : null,
      subscribed_plan: subscription?.plan ?? null,
      provider: subscription?.provider ?? null,
      current_period_end: subscription?.currentPeriodEnd ?? null,
      trial_ends_at: subscription?.trialEndsAt ?? null,
      cancel_at_period_end: subscription?.cancelAtPeriodEnd ?? false,
      owner: subscription ? toListenerDto(subscription.owner) : null,
      members: (subscription?.members ?? []).map((member) => ({ ...toListenerDto(member.user), added_at: member.addedAt })),
      invitations: subscription && owner ? await openInvitationsOf(this.prisma, subscription.id, now) : [],
      skips_left: await this.skips.skipsLeft(userId, plan, now),
      trial_used: Boolean(account?.premiumTrialUsedAt),
    };
  }

  /** Starts a paid plan, or moves the caller's live one to another plan (which also undoes a pending cancel). */
  async subscribe(caller: AuthUser, code: PlanCode): Promise<MySubscriptionDto> {
    refuseFree(code);
    const plan = PLANS[code];
    await this.prisma.$transaction(async (tx) => {
      await this.accounts.lock(tx, caller.id);
      await lockSubscriptionOf(tx, caller.id);
      const { account, current } = await buyerOf(tx, caller.id, code);
      let state: BillingState;
      if (current && isLive(current) && current.provider === this.provider.name) {
        if (current.plan === code && !current.cancelAtPeriodEnd) throw new ConflictException(`You are already on ${plan.name}`);
        state = await this.provider.changePlan(current, code);
      } else {
        // A live manual subscription (charging nothing) may be replaced; one billed elsewhere may not.
        if (current && isLive(current)) this.providerOf(current);
        const trialDays = account.premiumTrialUsedAt ? 0 : TRIAL_DAYS;
        const customerId = current?.provider === this.provider.name ? current.providerCustomerId : null;
        state = await this.provider.start({ owner: account, plan: code, trialDays, customerId });
        // In the same transaction as the subscription: the one trial cannot be taken twice.
        if (trialDays > 0) await this.accounts.markPremiumTrialUsed(tx, caller.id);
      }
      await tx.subscription.upsert({ where: { ownerId: caller.id }, create: { ownerId: caller.id, plan: code, ...state }, update: { plan: code, ...state } });
    }, PROVIDER_TRANSACTION);
    return this.me(caller.id);
  }

  /** Stops renewal: the plan stays until the period ends (then ListenerPlanService gives Free). */
  async cancel(caller: AuthUser): Promise<MySubscriptionDto> {
    await this.prisma.$transaction(async (tx) => {
      await this.accounts.lock(tx, caller.id);
      const current = await tx.subscription.findUnique({ where: { ownerId: caller.id } });
      if (!current || !isLive(current)) {
        const membership = await tx.subscriptionMember.findUnique({
          where: { userId: caller.id },
          include: { subscription: { include: { owner: LISTENER } } },
        });
        if (membership) {
          throw new ConflictException(
            `Only ${membership.subscription.owner.username}, who pays for the plan, can cancel it; to leave it: DELETE /api/subscriptions/members/${caller.id}`,
          );
        }
        throw new NotFoundException('You have no paid subscription to cancel');
      }
      if (current.cancelAtPeriodEnd) return;
      const state = await this.providerOf(current).cancelAtPeriodEnd(current);
      await tx.subscription.update({ where: { id: current.id }, data: state });
    }, PROVIDER_TRANSACTION);
    return this.me(caller.id);
  }

  /** The owner removes a member, or a member leaves. */
  async removeMember(caller: AuthUser, userId: string): Promise<void> {
    const membership = await this.prisma.subscriptionMember.findUnique({ where: { userId }, include: { subscription: { select: { ownerId: true } } } });
    if (!membership || (userId !== caller.id && membership.subscription.ownerId !== caller.id)) {
      throw new NotFoundException(userId === caller.id ? "You are not a member of anyone's plan" : `User ${userId} is not a member of your plan`);
    }
    await this.prisma.subscriptionMember.deleteMany({ where: { userId, subscriptionId: membership.subscriptionId } });
  }

  /** The provider that bills a subscription: only it can change or cancel it. */
  private providerOf(current: Subscription): PaymentProvider {
    if (current.provider === this.provider.name) return this.provider;
    // A manual subscription charges nothing, so ending it needs no provider.
    if (current.provider === 'manual') return new ManualPaymentProvider(true);
    throw new ServiceUnavailableException(`Your subscription is billed through ${current.provider}, which this server is not configured for`);
  }
}

import { Injectable } from '@nestjs/common';
import type { PlanCode, Prisma, SubscriptionStatus } from '../../generated/prisma/client.js';
import { AccountWrites } from '../../platform/auth/account-writes.js';
import type { BillingState } from './provider/payment-provider.js';
import { isLive } from './listener-plan.service.js';

type Tx = Prisma.TransactionClient;

/** A subscription as the payment provider has it now, to copy onto ours. */
export interface ProviderSubscription {
  /** The provider's subscription id (Stripe: sub_...). */
  id: string;
  /** The account it names (its metadata, or the checkout that created it). */
  ownerId: string | undefined;
  plan: PlanCode | undefined;
  state: BillingState;
}

/**
 * What the payment provider's news changes in subscriptions, inside the transaction that records
 * the news (payments' webhook): each method writes only subscriptions and locks as subscribing does.
 */
@Injectable()
export class ProviderBillingService {
  constructor(private readonly accounts: AccountWrites) {}

  /**
   * Copies a provider's subscription onto ours: found by its id, else by its account. Answers why
   * it was ignored, or undefined when applied.
   */
  async sync(tx: Tx, subscription: ProviderSubscription): Promise<string | undefined> {
    const { ownerId, plan, state } = subscription;
    if (ownerId && !(await this.accounts.lock(tx, ownerId))) return 'its account no longer exists';
    const row =
      (await tx.subscription.findUnique({ where: { providerSubscriptionId: subscription.id } })) ??
      (ownerId ? await tx.subscription.findUnique({ where: { ownerId } }) : null);
    if (!row) {
      if (!ownerId || !plan) return 'it names no Encore account and plan';
      await tx.subscription.create({ data: { ownerId, plan, ...state } });
    } else {
      // The owner has moved on to another live subscription of the provider: news of an old one must not
      // replace it. A live manual plan (charging nothing) gives way to one bought, as in subscribe.
      if (row.providerSubscriptionId !== subscription.id && row.provider !== 'manual' && isLive(row)) return 'its owner has another live subscription';
      await tx.subscription.update({ where: { id: row.id }, data: { ...state, ...(plan && { plan }) } });
    }
    // A trial begun on the provider's page uses the account's one trial, as subscribing does.
    const owner = row?.ownerId ?? ownerId;
    if (state.trialEndsAt && owner) await this.accounts.markPremiumTrialUsed(tx, owner);
    return undefined;
  }

  /**
   * A paid period: the plan runs to its end (renewals move it on, never back: an older
   * invoice's news may come late), and a failed payment made good, or the first period paid
   * after a trial, makes the subscription active.
   */
  async recordPaidPeriod(tx: Tx, providerSubscriptionId: string, period: { start: Date; end: Date }): Promise<void> {
    const ours = { providerSubscriptionId };
    await tx.subscription.updateMany({
      where: { ...ours, currentPeriodEnd: { lte: period.end }, OR: [{ status: 'past_due' }, { status: 'trialing', trialEndsAt: { lte: period.start } }] },
      data: { status: 'active' },
    });
    await tx.subscription.updateMany({
      where: { ...ours, status: { in: ['trialing', 'active'] }, currentPeriodEnd: { lt: period.end } },
      data: { currentPeriodStart: period.start, currentPeriodEnd: period.end },
    });
  }

  /** Moves the subscription to `status` when it is in one of `from`. */
  async setStatus(tx: Tx, providerSubscriptionId: string, status: SubscriptionStatus, from: SubscriptionStatus[]): Promise<void> {
    await tx.subscription.updateMany({ where: { providerSubscriptionId, status: { in: from } }, data: { status } });
  }
}

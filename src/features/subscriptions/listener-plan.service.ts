import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Subscription } from '../../generated/prisma/client.js';
import { PLANS, type Plan } from './plans.js';

/**
 * A subscription is live (holds its owner, members and seats) while trialing, active or past due,
 * until its period ends.
 */
export const LIVE_STATUSES = ['trialing', 'active', 'past_due'] as const;

/**
 * It gives its plan only while trialing or active: past due, a payment failed and Stripe is
 * retrying it, so the listeners are on Free until an invoice is paid (Stripe provisions on
 * trialing and active only; see docs/subscriptions.md).
 */
export const PLAN_GIVING_STATUSES = ['trialing', 'active'] as const;

type Standing = Pick<Subscription, 'status' | 'currentPeriodEnd'>;

/** Whether a subscription is live at `now`. */
export function isLive(subscription: Standing, now = new Date()): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(subscription.status) && subscription.currentPeriodEnd > now;
}

/** Whether a subscription gives its plan at `now` (the same rule as planFor's query). */
export function givesPlan(subscription: Standing, now = new Date()): boolean {
  return (PLAN_GIVING_STATUSES as readonly string[]).includes(subscription.status) && subscription.currentPeriodEnd > now;
}

@Injectable()
export class ListenerPlanService {
  constructor(private readonly prisma: PrismaService) {}

  /** The plan a listener is on: their own subscription, or the duo/family plan they are a member of, else Free. */
  async planFor(userId: string | undefined, now = new Date()): Promise<Plan> {
    if (!userId) return PLANS.free;
    const live = { status: { in: [...PLAN_GIVING_STATUSES] }, currentPeriodEnd: { gt: now } };
    const subscription = await this.prisma.subscription.findFirst({
      where: { ...live, OR: [{ ownerId: userId }, { members: { some: { userId } } }] },
      select: { plan: true },
    });
    return subscription ? PLANS[subscription.plan] : PLANS.free;
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Subscription } from '../generated/prisma/client.js';
import { PLANS, type Plan } from './plans.js';

/** A subscription gives its plan while trialing, active or past due, until its period ends. */
export const LIVE_STATUSES = ['trialing', 'active', 'past_due'] as const;

/** Whether a subscription gives its plan at `now` (the same rule as planFor's query). */
export function isLive(subscription: Pick<Subscription, 'status' | 'currentPeriodEnd'>, now = new Date()): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(subscription.status) && subscription.currentPeriodEnd > now;
}

@Injectable()
export class ListenerPlanService {
  constructor(private readonly prisma: PrismaService) {}

  /** The plan a listener is on: their own subscription, or the duo/family plan they are a member of, else Free. */
  async planFor(userId: string | undefined, now = new Date()): Promise<Plan> {
    if (!userId) return PLANS.free;
    const live = { status: { in: [...LIVE_STATUSES] }, currentPeriodEnd: { gt: now } };
    const subscription = await this.prisma.subscription.findFirst({
      where: { ...live, OR: [{ ownerId: userId }, { members: { some: { userId } } }] },
      select: { plan: true },
    });
    return subscription ? PLANS[subscription.plan] : PLANS.free;
  }
}

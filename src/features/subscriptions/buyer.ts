import { BadRequestException, ConflictException } from '@nestjs/common';
import type { PlanCode, Prisma } from '../../generated/prisma/client.js';
import { LISTENER } from './invitation-queries.js';
import { people } from './invitation-rules.js';
import { PLANS } from './plans.js';

type Db = Prisma.TransactionClient;

/** Free is no purchase: the paid plan ends instead. */
export function refuseFree(code: PlanCode): void {
  if (code === 'free') {
    throw new BadRequestException(
      'plan free needs no subscription: cancel your paid plan (POST /api/subscriptions/cancel) and it becomes Free when its period ends',
    );
  }
}

/**
 * The account buying `code` and its own subscription (with its member count), once the purchase
 * is possible: not while on another owner's plan, nor with more members than the new plan seats.
 * Subscribing and Checkout check the same.
 */
export async function buyerOf(db: Db, userId: string, code: PlanCode) {
  const plan = PLANS[code];
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, username: true, premiumTrialUsedAt: true } });
  const membership = await db.subscriptionMember.findUnique({ where: { userId }, include: { subscription: { include: { owner: LISTENER } } } });
  if (membership) {
    const { owner, plan: theirs } = membership.subscription;
    throw new ConflictException(`You are on ${owner.username}'s ${PLANS[theirs].name} plan: leave it first (DELETE /api/subscriptions/members/${userId})`);
  }
  const current = await db.subscription.findUnique({ where: { ownerId: userId }, include: { _count: { select: { members: true } } } });
  const members = current?._count.members ?? 0;
  if (members + 1 > plan.maxMembers) {
    throw new ConflictException(
      `${plan.name} is for ${people(plan.maxMembers)} and your plan has ${members} member${members === 1 ? '' : 's'} besides you: remove members first (DELETE /api/subscriptions/members/:userId)`,
    );
  }
  return { account, current };
}

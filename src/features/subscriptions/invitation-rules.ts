import type { InvitationStatus } from '../../generated/prisma/client.js';
import type { Plan } from './plans.js';

/** How long an invitation can be accepted; a pending one past this holds no seat. */
export const INVITATION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationState = InvitationStatus | 'expired';

export const INVITATION_STATES: InvitationState[] = ['pending', 'accepted', 'declined', 'canceled', 'expired'];

export const invitationExpiry = (now: Date): Date => new Date(now.getTime() + INVITATION_DAYS * DAY_MS);

/** An invitation's state at `now`: a pending one past its expiry is expired. */
export function invitationState(invitation: { status: InvitationStatus; expiresAt: Date }, now: Date): InvitationState {
  return invitation.status === 'pending' && invitation.expiresAt <= now ? 'expired' : invitation.status;
}

export const people = (count: number) => (count === 1 ? 'one person' : `${count} people`);

/**
 * Why the owner cannot send one more invitation: pending invitations hold a seat each, so every
 * invitation sent can be accepted and an owner can have at most as many outstanding as free seats
 * (which also bounds the mail one owner can make Encore send).
 */
export function fullPlanRefusal(plan: Plan, members: number, pendingInvitations: number): string | null {
  if (1 + members + pendingInvitations < plan.maxMembers) return null;
  const held =
    pendingInvitations === 0
      ? ''
      : ` (${pendingInvitations} seat${pendingInvitations === 1 ? ' is' : 's are'} held by pending invitations until they are answered, canceled or expire)`;
  return `Your ${plan.name} plan is full: it is for ${people(plan.maxMembers)}, you included${held}`;
}

/** What decides whether an invited listener may join the plan now. */
export interface JoinCheck {
  state: InvitationState;
  expiresAt: Date;
  owner: string;
  /** The invitation's plan, or null when the subscription has ended. */
  plan: Plan | null;
  members: number;
  callerId: string;
  /** The plan the caller is a member of, if any. */
  membership: { samePlan: boolean; owner: string; plan: Plan } | null;
  /** The plan the caller pays for themselves, while it lasts. */
  ownLivePlan: { plan: Plan; until: Date } | null;
}

/** Why accepting is refused (409), or null when the listener may join. */
export function joinRefusal(check: JoinCheck): string | null {
  const { state, owner, plan, membership, ownLivePlan } = check;
  if (state === 'accepted') return 'You have accepted this invitation already';
  if (state === 'declined') return 'You declined this invitation: ask the owner for a new one';
  if (state === 'canceled') return `${owner} canceled this invitation`;
  if (state === 'expired') return `This invitation expired at ${check.expiresAt.toISOString()}: ask ${owner} for a new one`;
  if (!plan) return `${owner}'s plan has ended`;
  if (plan.maxMembers === 1) return `${owner}'s plan is now ${plan.name}, which is for one person`;
  if (membership?.samePlan) return `You are already on ${owner}'s plan`;
  if (membership) return `You are on ${membership.owner}'s ${membership.plan.name} plan: leave it first (DELETE /api/subscriptions/members/${check.callerId})`;
  if (ownLivePlan) {
    return `You pay for ${ownLivePlan.plan.name} yourself until ${ownLivePlan.until.toISOString()}: cancel it (POST /api/subscriptions/cancel) and accept once it has ended`;
  }
  if (1 + check.members >= plan.maxMembers) return `${owner}'s ${plan.name} plan is full: it is for ${people(plan.maxMembers)}`;
  return null;
}

import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { toPlanDto, type InvitationDto } from './dto/subscription.dto.js';
import { invitationState } from './invitation-rules.js';
import { PLANS } from './plans.js';

export const LISTENER = { select: { id: true, username: true, displayName: true } } as const;

export const WITH_OWNER = { subscription: { include: { owner: LISTENER } } } as const satisfies Prisma.SubscriptionInvitationInclude;

export type InvitationWithOwner = Prisma.SubscriptionInvitationGetPayload<{ include: typeof WITH_OWNER }>;

type Db = Pick<PrismaClient, 'subscriptionInvitation'> | Prisma.TransactionClient;

/** Pending invitations that can still be accepted at `now`. */
export const open = (now: Date) => ({ status: 'pending', expiresAt: { gt: now } }) as const satisfies Prisma.SubscriptionInvitationWhereInput;

/** Invitations addressed to an account: by its email or by its username. */
export const addressedTo = (account: { email: string; username: string }) =>
  ({ OR: [{ email: account.email }, { username: account.username }] }) as const satisfies Prisma.SubscriptionInvitationWhereInput;

export const isAddressedTo = (invitation: { email: string | null; username: string | null }, account: { email: string; username: string }) =>
  invitation.email === account.email || invitation.username === account.username;

export function toInvitationDto(invitation: InvitationWithOwner, now: Date): InvitationDto {
  const { owner, plan } = invitation.subscription;
  return {
    id: invitation.id,
    status: invitationState(invitation, now),
    email: invitation.email,
    username: invitation.username,
    owner: { id: owner.id, username: owner.username, display_name: owner.displayName },
    plan: toPlanDto(PLANS[plan]),
    created_at: invitation.createdAt,
    expires_at: invitation.expiresAt,
  };
}

/** A plan's invitations that can still be accepted, oldest first. */
export async function openInvitationsOf(db: Db, subscriptionId: string, now: Date): Promise<InvitationDto[]> {
  const rows = await db.subscriptionInvitation.findMany({
    where: { subscriptionId, ...open(now) },
    include: WITH_OWNER,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => toInvitationDto(row, now));
}

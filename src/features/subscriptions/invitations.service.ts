import { BadRequestException, ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MailService } from '../../platform/mail/mail.service.js';
import type { AddMemberDto, InvitationListDto, MySubscriptionDto } from './dto/subscription.dto.js';
import { invitationMail } from './invitation-mail.js';
import { addressedTo, isAddressedTo, LISTENER, open, toInvitationDto, WITH_OWNER, type InvitationWithOwner } from './invitation-queries.js';
import { fullPlanRefusal, invitationExpiry, invitationState, joinRefusal } from './invitation-rules.js';
import { isLive } from './listener-plan.service.js';
import { PLANS } from './plans.js';
import { AccountWrites } from '../../platform/auth/account-writes.js';
import { lockSubscriptionOf } from './row-locks.js';
import { SubscriptionsService } from './subscriptions.service.js';

type Tx = Prisma.TransactionClient;
type Account = { id: string; email: string; username: string };

/**
 * Invitations to duo and family plans. The owner invites an email or a username; the answer never
 * depends on whether an account has it (nothing is looked up to answer). The invited account sees
 * the invitation in GET /api/subscriptions/invitations and joins only by accepting it.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly prisma: PrismaService,
    private readonly subscriptions: SubscriptionsService,
    private readonly mail: MailService,
    private readonly accounts: AccountWrites,
  ) {}

  /** POST /api/subscriptions/members: a pending invitation, answered with the owner's subscription. */
  async invite(caller: AuthUser, { email, username }: AddMemberDto): Promise<MySubscriptionDto> {
    if (Boolean(email) === Boolean(username)) throw new BadRequestException('Send either email or username of the listener to invite');
    const address = email ? { email: email.toLowerCase(), username: null } : { email: null, username: username!.toLowerCase() };
    const invitation = await this.prisma.$transaction(async (tx) => {
      // Held until commit, so two invitations cannot both take the last free seat.
      await lockSubscriptionOf(tx, caller.id);
      const subscription = await tx.subscription.findUnique({
        where: { ownerId: caller.id },
        include: { owner: { select: { email: true, username: true } }, _count: { select: { members: true } } },
      });
      if (!subscription || !isLive(subscription)) throw new NotFoundException('You have no plan to share: subscribe to Duo or Family first');
      const plan = PLANS[subscription.plan];
      if (plan.maxMembers === 1) throw new ConflictException(`${plan.name} is for one person: switch to Duo or Family to share your plan`);
      if (isAddressedTo(address, subscription.owner)) throw new BadRequestException('You own this plan: invite someone else');
      // Members' usernames are on the owner's page already; their emails are not, so only a username is checked.
      if (address.username && (await tx.subscriptionMember.count({ where: { subscriptionId: subscription.id, user: { username: address.username } } }))) {
        throw new ConflictException(`${address.username} is already on your plan`);
      }
      const now = new Date();
      const pending = await tx.subscriptionInvitation.findMany({ where: { subscriptionId: subscription.id, ...open(now) } });
      const again = pending.find((sent) => sent.email === address.email && sent.username === address.username);
      if (again)
        throw new ConflictException(`You have invited ${email ?? username} already; that invitation is pending until ${again.expiresAt.toISOString()}`);
      const full = fullPlanRefusal(plan, subscription._count.members, pending.length);
      if (full) throw new ConflictException(full);
      return tx.subscriptionInvitation.create({
        data: { subscriptionId: subscription.id, ...address, createdAt: now, expiresAt: invitationExpiry(now) },
        include: WITH_OWNER,
      });
    });
    await this.notify(invitation);
    return this.subscriptions.me(caller.id);
  }

  /** GET /api/subscriptions/invitations: the caller's invitations that can still be accepted. */
  async received(caller: AuthUser): Promise<InvitationListDto> {
    const account = await this.account(this.prisma, caller);
    const now = new Date();
    const rows = await this.prisma.subscriptionInvitation.findMany({
      where: { AND: [addressedTo(account), open(now)] },
      include: WITH_OWNER,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return { count: rows.length, results: rows.map((row) => toInvitationDto(row, now)) };
  }

  /** The invited listener joins the plan: only now do they become a member. */
  async accept(caller: AuthUser, id: string): Promise<MySubscriptionDto> {
    await this.prisma.$transaction(async (tx) => {
      // The listener's row first (as subscribing takes it), then the plan's: joining, subscribing
      // and the other invitations of this plan wait for each other, so the last seat goes once.
      await this.accounts.lock(tx, caller.id);
      const account = await this.account(tx, caller);
      const found = await this.invitationFor(tx, id, account, 'accept');
      await lockSubscriptionOf(tx, found.subscription.ownerId);
      const now = new Date();
      const invitation = await tx.subscriptionInvitation.findUniqueOrThrow({
        where: { id },
        include: { subscription: { include: { owner: LISTENER, _count: { select: { members: true } } } } },
      });
      const { subscription } = invitation;
      const membership = await tx.subscriptionMember.findUnique({ where: { userId: caller.id }, include: { subscription: { include: { owner: LISTENER } } } });
      const own = await tx.subscription.findUnique({ where: { ownerId: caller.id } });
      const refusal = joinRefusal({
        state: invitationState(invitation, now),
        expiresAt: invitation.expiresAt,
        owner: subscription.owner.username,
        plan: isLive(subscription, now) ? PLANS[subscription.plan] : null,
        members: subscription._count.members,
        callerId: caller.id,
        membership: membership && {
          samePlan: membership.subscriptionId === subscription.id,
          owner: membership.subscription.owner.username,
          plan: PLANS[membership.subscription.plan],
        },
        ownLivePlan: own && isLive(own, now) ? { plan: PLANS[own.plan], until: own.currentPeriodEnd } : null,
      });
      if (refusal) throw new ConflictException(refusal);
      await tx.subscriptionMember.create({ data: { subscriptionId: subscription.id, userId: caller.id } });
      await tx.subscriptionInvitation.update({ where: { id }, data: { status: 'accepted', respondedAt: now } });
    });
    return this.subscriptions.me(caller.id);
  }

  /** The invited listener says no; the seat is free again. */
  async decline(caller: AuthUser, id: string): Promise<void> {
    const account = await this.account(this.prisma, caller);
    const invitation = await this.invitationFor(this.prisma, id, account, 'decline');
    await this.close(invitation, 'declined');
  }

  /** The owner withdraws a pending invitation; the seat is free again. */
  async cancel(caller: AuthUser, id: string): Promise<void> {
    const account = await this.account(this.prisma, caller);
    const invitation = await this.prisma.subscriptionInvitation.findUnique({ where: { id }, include: WITH_OWNER });
    if (!invitation || (invitation.subscription.ownerId !== caller.id && !isAddressedTo(invitation, account)))
      throw new NotFoundException(`Invitation ${id} not found`);
    if (invitation.subscription.ownerId !== caller.id) {
      throw new ForbiddenException(
        `Only ${invitation.subscription.owner.username}, who sent it, can cancel this invitation: to say no, decline it (POST /api/subscriptions/invitations/${id}/decline)`,
      );
    }
    await this.close(invitation, 'canceled');
  }

  /** Declines or cancels a pending invitation; answering one that is no longer pending is a 409 naming its state. */
  private async close(invitation: InvitationWithOwner, status: 'declined' | 'canceled'): Promise<void> {
    const now = new Date();
    // Conditional, so it cannot overwrite an accept (or another answer) that committed meanwhile.
    const { count } = await this.prisma.subscriptionInvitation.updateMany({ where: { id: invitation.id, ...open(now) }, data: { status, respondedAt: now } });
    if (count === 1) return;
    const current = await this.prisma.subscriptionInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    throw new ConflictException(`This invitation is ${invitationState(current, now)}: only a pending one can be ${status}`);
  }

  /** An invitation the caller may answer: 404 unless it is theirs or their plan's, 403 for the owner. */
  private async invitationFor(db: Tx, id: string, account: Account, action: 'accept' | 'decline'): Promise<InvitationWithOwner> {
    const invitation = await db.subscriptionInvitation.findUnique({ where: { id }, include: WITH_OWNER });
    if (invitation && isAddressedTo(invitation, account)) return invitation;
    if (invitation?.subscription.ownerId === account.id) {
      throw new ForbiddenException(`Only the listener you invited can ${action} this invitation; to withdraw it: DELETE /api/subscriptions/invitations/${id}`);
    }
    throw new NotFoundException(`Invitation ${id} not found`);
  }

  private async account(db: Tx, caller: AuthUser): Promise<Account> {
    const account = await db.user.findUnique({ where: { id: caller.id }, select: { id: true, email: true, username: true } });
    if (!account) throw new NotFoundException('Your account no longer exists');
    return account;
  }

  /**
   * Mails the invitation: to the email invited (the same message whether or not an account has it,
   * so sending it reveals nothing), or to the account with the username invited. A failed delivery
   * does not undo the invitation: the invited account also sees it in the app.
   */
  private async notify(invitation: InvitationWithOwner): Promise<void> {
    const to = invitation.email ?? (await this.prisma.user.findUnique({ where: { username: invitation.username! }, select: { email: true } }))?.email;
    if (!to) return;
    try {
      await this.mail.send({ to, ...invitationMail(invitation), dedupeKey: `subscription-invitation:${invitation.id}` });
    } catch (error) {
      this.logger.warn(`Invitation ${invitation.id} not mailed: ${(error as Error).message}`);
    }
  }
}

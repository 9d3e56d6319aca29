import { describe, expect, it } from 'vitest';
import { fullPlanRefusal, invitationExpiry, invitationState, joinRefusal, type JoinCheck } from '../../../src/features/subscriptions/invitation-rules.js';
import { PLANS } from '../../../src/features/subscriptions/plans.js';

const now = new Date('2026-12-06T09:00:00.000Z');
const open: JoinCheck = {
  state: 'pending',
  expiresAt: invitationExpiry(now),
  owner: 'ana',
  plan: PLANS.family,
  members: 0,
  callerId: 'me',
  membership: null,
  ownLivePlan: null,
};

describe('invitation rules', () => {
  it('expires a pending invitation 7 days after it was sent, and only a pending one', () => {
    const expiresAt = invitationExpiry(now);
    expect(expiresAt.toISOString()).toBe('2026-12-13T09:00:00.000Z');
    expect(invitationState({ status: 'pending', expiresAt }, new Date(expiresAt.getTime() - 1))).toBe('pending');
    expect(invitationState({ status: 'pending', expiresAt }, expiresAt)).toBe('expired');
    expect(invitationState({ status: 'declined', expiresAt }, expiresAt)).toBe('declined');
  });

  it('counts pending invitations as seats when the owner invites', () => {
    expect(fullPlanRefusal(PLANS.family, 3, 1)).toBeNull();
    expect(fullPlanRefusal(PLANS.family, 3, 2)).toBe(
      'Your Premium Family plan is full: it is for 6 people, you included (2 seats are held by pending invitations until they are answered, canceled or expire)',
    );
    expect(fullPlanRefusal(PLANS.duo, 1, 0)).toBe('Your Premium Duo plan is full: it is for 2 people, you included');
  });

  it('lets a listener with no plan of their own join a plan with a free seat', () => {
    expect(joinRefusal(open)).toBeNull();
    expect(joinRefusal({ ...open, members: 4 })).toBeNull();
  });

  it('counts only members when a listener accepts (their own invitation holds the seat they take)', () => {
    expect(joinRefusal({ ...open, members: 5 })).toBe("ana's Premium Family plan is full: it is for 6 people");
  });

  it('names why a listener cannot join: the invitation, the plan, their membership, or their own plan', () => {
    const until = new Date('2027-01-01T00:00:00.000Z');
    expect(joinRefusal({ ...open, state: 'canceled' })).toBe('ana canceled this invitation');
    expect(joinRefusal({ ...open, state: 'expired' })).toBe('This invitation expired at 2026-12-13T09:00:00.000Z: ask ana for a new one');
    expect(joinRefusal({ ...open, plan: null })).toBe("ana's plan has ended");
    expect(joinRefusal({ ...open, plan: PLANS.premium })).toBe("ana's plan is now Premium Individual, which is for one person");
    expect(joinRefusal({ ...open, membership: { samePlan: true, owner: 'ana', plan: PLANS.family } })).toBe("You are already on ana's plan");
    expect(joinRefusal({ ...open, membership: { samePlan: false, owner: 'bo', plan: PLANS.duo } })).toBe(
      "You are on bo's Premium Duo plan: leave it first (DELETE /api/subscriptions/members/me)",
    );
    expect(joinRefusal({ ...open, ownLivePlan: { plan: PLANS.student, until } })).toBe(
      'You pay for Premium Student yourself until 2027-01-01T00:00:00.000Z: cancel it (POST /api/subscriptions/cancel) and accept once it has ended',
    );
  });
});

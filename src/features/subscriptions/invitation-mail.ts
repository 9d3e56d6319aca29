import type { InvitationWithOwner } from './invitation-queries.js';
import { PLANS } from './plans.js';

/**
 * The invitation email. Its text depends only on the invitation, never on whether an account has
 * the address, so an address with no account gets the same message (which asks them to register).
 */
export function invitationMail(invitation: InvitationWithOwner): { subject: string; text: string } {
  const { owner, plan } = invitation.subscription;
  const planName = PLANS[plan].name;
  const inviter = `${owner.displayName} (@${owner.username})`;
  const address = invitation.email ? 'this email address' : `the username ${invitation.username}`;
  return {
    subject: `${owner.displayName} invited you to their ${planName} plan on Encore`,
    text: [
      `${inviter} invited you to share their ${planName} plan on Encore.`,
      '',
      `Sign in to Encore with the account that has ${address} (or create one with it), open Your plan, and accept or decline the invitation there.`,
      `It can be accepted until ${invitation.expiresAt.toISOString()}.`,
      '',
      'Nothing changes unless you accept. If you do not know who this is, ignore this message.',
    ].join('\n'),
  };
}

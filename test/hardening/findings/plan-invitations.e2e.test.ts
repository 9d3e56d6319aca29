import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenerPlanService } from '../../../src/features/subscriptions/listener-plan.service.js';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from '../../features/subscriptions/subscription-calls.js';

/**
 * Issue 20, finding 4: a Family or Duo owner added any account without its consent
 * (POST /api/subscriptions/members {"email"} → 201), which then blocked that account's own
 * subscription (409); and the answer told whether an email was registered.
 */
describe('plan members join by accepting an invitation, and inviting tells nothing about the address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { me, subscribe, invite, cancelInvitation } = subscriptionCalls(() => t);

  it('leaves an unrelated account off the plan until it accepts, and its own subscription still works', async () => {
    const [owner, victim] = await Promise.all([createAccount(t), createAccount(t)]);
    await subscribe(owner, 'family').expect(200);
    await invite(owner, { email: victim.email }).expect(201);

    expect((await me(owner)).body.members).toEqual([]);
    expect((await me(victim)).body).toMatchObject({ role: null, owner: null, plan: { code: 'free' } });
    expect((await t.app.get(ListenerPlanService).planFor(victim.id)).code).toBe('free');
    expect((await subscribe(victim, 'premium').expect(200)).body).toMatchObject({ role: 'owner', plan: { code: 'premium' } });
  });

  it('answers an invitation to a registered email and to an unregistered one alike, and mails both the same text', async () => {
    const [owner, registered] = await Promise.all([createAccount(t), createAccount(t)]);
    await subscribe(owner, 'duo').expect(200);
    // The same length as the registered address, so even the answers' sizes match.
    const unregistered = `${'q'.repeat(registered.email.indexOf('@'))}@example.com`;
    expect(await t.prisma.user.count({ where: { email: unregistered } })).toBe(0);

    const answers = [];
    for (const email of [registered.email, unregistered]) {
      const answer = await invite(owner, { email });
      answers.push(answer);
      // Frees the Duo's one seat for the next invitation.
      await cancelInvitation(owner, answer.body.invitations[0].id).expect(204);
    }
    const [known, unknown] = answers as [(typeof answers)[0], (typeof answers)[0]];
    expect([known.status, unknown.status]).toEqual([201, 201]);
    expect(known.text.length).toBe(unknown.text.length);
    const masked = (answer: typeof known, email: string) => {
      const invitation = answer.body.invitations[0];
      return JSON.parse(
        answer.text.replaceAll(invitation.id, 'ID').replaceAll(email, 'EMAIL').replaceAll(invitation.created_at, 'T').replaceAll(invitation.expires_at, 'T'),
      );
    };
    expect(masked(unknown, unregistered)).toEqual(masked(known, registered.email));

    const mailTo = (to: string) => t.prisma.emailMessage.findFirstOrThrow({ where: { to } });
    const [knownMail, unknownMail] = await Promise.all([mailTo(registered.email), mailTo(unregistered)]);
    const text = (mail: typeof knownMail) => mail.text.replace(/until \S+\./, 'until T.');
    expect(unknownMail.subject).toBe(knownMail.subject);
    expect(text(unknownMail)).toBe(text(knownMail));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenerPlanService } from '../../../src/features/subscriptions/listener-plan.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from './subscription-calls.js';

describe('invitations to duo and family plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { me, subscribe, cancel, invite, invitations, accept, decline, cancelInvitation, invitationFrom, join, removeMember } = subscriptionCalls(() => t);
  const accounts = (n: number) => Promise.all(Array.from({ length: n }, () => createAccount(t)));
  const planOf = (account: TestAccount) => t.app.get(ListenerPlanService).planFor(account.id);
  const familyOwner = async () => {
    const [owner] = await accounts(1);
    await subscribe(owner!, 'family').expect(200);
    return owner!;
  };

  it('shows a registered invitee the invitation and mails them, and makes them a member only once they accept', async () => {
    const owner = await familyOwner();
    const [friend] = await accounts(1);
    const { body: sent } = await invite(owner, { email: friend!.email }).expect(201);
    expect(sent.members).toEqual([]);
    expect(sent.invitations).toEqual([
      {
        id: expect.any(String),
        status: 'pending',
        email: friend!.email,
        username: null,
        owner: { id: owner.id, username: owner.username, display_name: `The ${owner.username}` },
        plan: expect.objectContaining({ code: 'family', name: 'Premium Family' }),
        created_at: expect.any(String),
        expires_at: expect.any(String),
      },
    ]);
    expect(Date.parse(sent.invitations[0].expires_at) - Date.parse(sent.invitations[0].created_at)).toBe(7 * 24 * 60 * 60 * 1000);
    expect((await planOf(friend!)).code).toBe('free');
    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: friend!.email } });
    expect(mail.subject).toBe(`The ${owner.username} invited you to their Premium Family plan on Encore`);

    const { body: received } = await invitations(friend!);
    expect(received).toEqual({ count: 1, results: sent.invitations });
    const { body: joined } = await accept(friend!, received.results[0].id).expect(200);
    expect(joined).toMatchObject({ role: 'member', plan: { code: 'family' }, owner: { id: owner.id }, members: [{ id: friend!.id }] });
    expect((await invitations(friend!)).body).toEqual({ count: 0, results: [] });
    expect((await me(owner)).body).toMatchObject({ members: [{ id: friend!.id }], invitations: [] });
  });

  it('invites an email that has no account yet: whoever registers with it sees the invitation and can accept', async () => {
    const owner = await familyOwner();
    const email = `newcomer-${owner.id.slice(0, 8)}@example.com`;
    await invite(owner, { email }).expect(201);
    expect((await t.prisma.emailMessage.findFirstOrThrow({ where: { to: email } })).text).toContain('(or create one with it)');
    const newcomer = await createAccount(t, 'user', `newcomer-${owner.id.slice(0, 8)}`);
    expect(newcomer.email).toBe(email);
    await accept(newcomer, await invitationFrom(newcomer, owner)).expect(200);
    expect((await me(owner)).body.members).toMatchObject([{ id: newcomer.id }]);
  });

  it('lets the invitee decline: the seat is free again and the invitation cannot be accepted', async () => {
    const owner = await familyOwner();
    const [friend] = await accounts(1);
    await invite(owner, { username: friend!.username }).expect(201);
    const id = await invitationFrom(friend!, owner);
    await decline(friend!, id).expect(204);
    expect((await me(owner)).body.invitations).toEqual([]);
    expect((await accept(friend!, id).expect(409)).body.message).toBe('You declined this invitation: ask the owner for a new one');
    expect((await decline(friend!, id).expect(409)).body.message).toBe('This invitation is declined: only a pending one can be declined');
    expect((await planOf(friend!)).code).toBe('free');
  });

  it('lets the owner cancel a pending invitation, after which it cannot be accepted', async () => {
    const owner = await familyOwner();
    const [friend] = await accounts(1);
    const { body } = await invite(owner, { username: friend!.username }).expect(201);
    const id = body.invitations[0].id as string;
    await cancelInvitation(owner, id).expect(204);
    expect((await me(owner)).body.invitations).toEqual([]);
    expect((await invitations(friend!)).body.count).toBe(0);
    expect((await accept(friend!, id).expect(409)).body.message).toBe(`${owner.username} canceled this invitation`);
    expect((await cancelInvitation(owner, id).expect(409)).body.message).toBe('This invitation is canceled: only a pending one can be canceled');
  });

  it('lets only the invitee accept or decline, and only the owner cancel', async () => {
    const owner = await familyOwner();
    const [friend, stranger] = await accounts(2);
    await invite(owner, { username: friend!.username }).expect(201);
    const id = await invitationFrom(friend!, owner);
    expect((await accept(owner, id).expect(403)).body.message).toBe(
      `Only the listener you invited can accept this invitation; to withdraw it: DELETE /api/subscriptions/invitations/${id}`,
    );
    expect((await decline(owner, id).expect(403)).body.message).toContain('Only the listener you invited can decline');
    expect((await cancelInvitation(friend!, id).expect(403)).body.message).toBe(
      `Only ${owner.username}, who sent it, can cancel this invitation: to say no, decline it (POST /api/subscriptions/invitations/${id}/decline)`,
    );
    for (const call of [accept(stranger!, id), decline(stranger!, id), cancelInvitation(stranger!, id)]) {
      expect((await call.expect(404)).body.message).toBe(`Invitation ${id} not found`);
    }
    expect((await invitations(stranger!)).body.count).toBe(0);
    expect((await accept(friend!, 'not-a-uuid').expect(400)).body.message).toBe('id must be a UUID');
    await accept(friend!, id).expect(200);
  });

  it('refuses an expired invitation and frees its seat', async () => {
    const [owner, friend, other] = await accounts(3);
    await subscribe(owner!, 'duo').expect(200);
    await invite(owner!, { username: friend!.username }).expect(201);
    const id = await invitationFrom(friend!, owner!);
    const expiresAt = new Date(Date.now() - 1000);
    await t.prisma.subscriptionInvitation.update({ where: { id }, data: { expiresAt } });
    expect((await invitations(friend!)).body.count).toBe(0);
    expect((await accept(friend!, id).expect(409)).body.message).toBe(
      `This invitation expired at ${expiresAt.toISOString()}: ask ${owner!.username} for a new one`,
    );
    await invite(owner!, { username: other!.username }).expect(201);
  });

  it('refuses to invite a member of the plan by username', async () => {
    const owner = await familyOwner();
    const [member] = await accounts(1);
    await join(owner, member!);
    expect((await invite(owner, { username: member!.username.toUpperCase() }).expect(409)).body.message).toBe(`${member!.username} is already on your plan`);
  });

  it('counts pending invitations as seats, and refuses to invite the same address twice', async () => {
    const [owner, first, second] = await accounts(3);
    await subscribe(owner!, 'duo').expect(200);
    await invite(owner!, { email: first!.email }).expect(201);
    expect((await invite(owner!, { email: first!.email.toUpperCase() }).expect(409)).body.message).toMatch(
      new RegExp(`^You have invited ${first!.email.toUpperCase()} already; that invitation is pending until `),
    );
    expect((await invite(owner!, { username: second!.username }).expect(409)).body.message).toBe(
      'Your Premium Duo plan is full: it is for 2 people, you included (1 seat is held by pending invitations until they are answered, canceled or expire)',
    );
  });

  it('refuses to accept while the invitee pays for their own plan, naming it, and after it has ended lets them join', async () => {
    const owner = await familyOwner();
    const [payer] = await accounts(1);
    await subscribe(payer!, 'premium').expect(200);
    await invite(owner, { username: payer!.username }).expect(201);
    const id = await invitationFrom(payer!, owner);
    expect((await accept(payer!, id).expect(409)).body.message).toMatch(
      /^You pay for Premium Individual yourself until .+: cancel it \(POST \/api\/subscriptions\/cancel\) and accept once it has ended$/,
    );
    await cancel(payer!).expect(200);
    await t.prisma.subscription.update({ where: { ownerId: payer!.id }, data: { currentPeriodEnd: new Date(Date.now() - 1000) } });
    expect((await accept(payer!, id).expect(200)).body).toMatchObject({ role: 'member', plan: { code: 'family' } });
  });

  it("refuses to accept while the invitee is on another owner's plan, naming it", async () => {
    const [owner, other] = [await familyOwner(), await familyOwner()];
    const [listener] = await accounts(1);
    await join(other, listener!);
    await invite(owner, { username: listener!.username }).expect(201);
    const id = await invitationFrom(listener!, owner);
    expect((await accept(listener!, id).expect(409)).body.message).toBe(
      `You are on ${other.username}'s Premium Family plan: leave it first (DELETE /api/subscriptions/members/${listener!.id})`,
    );
    await removeMember(listener!, listener!.id).expect(204);
    await accept(listener!, id).expect(200);
  });

  it('refuses to accept once the plan has ended or is no longer shareable', async () => {
    const [ended, downgraded] = [await familyOwner(), await familyOwner()];
    const [first, second] = await accounts(2);
    await invite(ended, { username: first!.username }).expect(201);
    await invite(downgraded, { username: second!.username }).expect(201);
    await t.prisma.subscription.update({ where: { ownerId: ended.id }, data: { currentPeriodEnd: new Date(Date.now() - 1000) } });
    await subscribe(downgraded, 'premium').expect(200);
    expect((await accept(first!, await invitationFrom(first!, ended)).expect(409)).body.message).toBe(`${ended.username}'s plan has ended`);
    expect((await accept(second!, await invitationFrom(second!, downgraded)).expect(409)).body.message).toBe(
      `${downgraded.username}'s plan is now Premium Individual, which is for one person`,
    );
  });

  it('lets only one of two simultaneous accepts take the last seat', async () => {
    const owner = await familyOwner();
    const [first, second] = await accounts(2);
    await invite(owner, { username: first!.username }).expect(201);
    await invite(owner, { username: second!.username }).expect(201);
    // Moving to Duo keeps both invitations, so two invitees compete for its one seat.
    await subscribe(owner, 'duo').expect(200);
    const ids = await Promise.all([invitationFrom(first!, owner), invitationFrom(second!, owner)]);
    const answers = await Promise.all([accept(first!, ids[0]), accept(second!, ids[1])]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.message).toBe(`${owner.username}'s Premium Duo plan is full: it is for 2 people`);
    expect(await t.prisma.subscriptionMember.count({ where: { subscription: { ownerId: owner.id } } })).toBe(1);
  });

  it('lets only as many simultaneous invitations as there are free seats through', async () => {
    const owner = await familyOwner();
    const others = await accounts(8);
    const answers = await Promise.all(others.map((other) => invite(owner, { username: other.username })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409]);
    expect((await me(owner)).body.invitations).toHaveLength(5);
  });
});

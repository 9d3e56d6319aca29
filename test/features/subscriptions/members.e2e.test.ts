import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenerPlanService } from '../../../src/features/subscriptions/listener-plan.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from './subscription-calls.js';

describe('duo and family members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { me, subscribe, cancel, invite, removeMember: remove, join, accept, invitationFrom } = subscriptionCalls(() => t);
  const accounts = (n: number) => Promise.all(Array.from({ length: n }, () => createAccount(t)));
  const planOf = (account: TestAccount) => t.app.get(ListenerPlanService).planFor(account.id);

  it('fills a family plan up to 6 people, invited by username or email, and refuses a 7th invitation', async () => {
    const [owner, ...others] = await accounts(7);
    await subscribe(owner!, 'family').expect(200);
    for (const [i, member] of others.slice(0, 5).entries()) {
      await invite(owner!, i % 2 ? { email: member.email.toUpperCase() } : { username: member.username }).expect(201);
      await accept(member, await invitationFrom(member, owner!)).expect(200);
    }
    const { body } = await me(owner!);
    expect(body.members.map((member: { id: string }) => member.id)).toEqual(others.slice(0, 5).map((member) => member.id));
    expect(body.members[0]).toEqual({
      id: others[0]!.id,
      username: others[0]!.username,
      display_name: `The ${others[0]!.username}`,
      added_at: expect.any(String),
    });
    expect(body.invitations).toEqual([]);
    expect((await invite(owner!, { username: others[5]!.username }).expect(409)).body.message).toBe(
      'Your Premium Family plan is full: it is for 6 people, you included',
    );

    const { body: member } = await me(others[0]!);
    expect(member).toMatchObject({
      plan: { code: 'family' },
      role: 'member',
      owner: { id: owner!.id, username: owner!.username },
      skips_left: null,
      invitations: [],
    });
    expect(member.members).toHaveLength(5);
    expect((await planOf(others[4]!)).code).toBe('family');
  });

  it('shares a duo plan with one other person only', async () => {
    const [owner, first, second] = await accounts(3);
    await subscribe(owner!, 'duo').expect(200);
    await join(owner!, first!);
    expect((await invite(owner!, { username: second!.username }).expect(409)).body.message).toBe(
      'Your Premium Duo plan is full: it is for 2 people, you included',
    );
  });

  it('refuses to share plans that are not shareable or not live', async () => {
    const [free, premium, friend] = await accounts(3);
    expect((await invite(free!, { username: friend!.username }).expect(404)).body.message).toBe('You have no plan to share: subscribe to Duo or Family first');
    await subscribe(premium!, 'premium').expect(200);
    expect((await invite(premium!, { username: friend!.username }).expect(409)).body.message).toBe(
      'Premium Individual is for one person: switch to Duo or Family to share your plan',
    );
  });

  it('names a bad invitation: neither or both addresses, a bad email, or the owner themselves', async () => {
    const [owner, friend] = await accounts(2);
    await subscribe(owner!, 'family').expect(200);
    expect((await invite(owner!, { username: owner!.username }).expect(400)).body.message).toBe('You own this plan: invite someone else');
    expect((await invite(owner!, { email: owner!.email.toUpperCase() }).expect(400)).body.message).toBe('You own this plan: invite someone else');
    expect((await invite(owner!, {}).expect(400)).body.message).toBe('Send either email or username of the listener to invite');
    expect((await invite(owner!, { email: friend!.email, username: friend!.username }).expect(400)).body.message).toBe(
      'Send either email or username of the listener to invite',
    );
    expect((await invite(owner!, { email: 'not-an-address' }).expect(400)).body.message).toBe('email must be an email address of at most 254 characters');
  });

  it('makes a member leave before subscribing, and lets only the owner cancel', async () => {
    const [owner, member] = await accounts(2);
    await subscribe(owner!, 'duo').expect(200);
    await join(owner!, member!);
    expect((await subscribe(member!, 'premium').expect(409)).body.message).toBe(
      `You are on ${owner!.username}'s Premium Duo plan: leave it first (DELETE /api/subscriptions/members/${member!.id})`,
    );
    expect((await cancel(member!).expect(409)).body.message).toContain(`Only ${owner!.username}`);

    await remove(member!, member!.id).expect(204);
    expect((await me(member!)).body).toMatchObject({ plan: { code: 'free' }, role: null });
    // Their own first paid plan still has the trial.
    expect((await subscribe(member!, 'premium').expect(200)).body).toMatchObject({ status: 'trialing', role: 'owner' });
  });

  it('lets the owner remove members, and nobody else', async () => {
    const [owner, member, stranger] = await accounts(3);
    await subscribe(owner!, 'family').expect(200);
    await join(owner!, member!);
    expect((await remove(stranger!, member!.id).expect(404)).body.message).toBe(`User ${member!.id} is not a member of your plan`);
    expect((await remove(stranger!, stranger!.id).expect(404)).body.message).toBe("You are not a member of anyone's plan");
    expect((await remove(owner!, 'not-a-uuid').expect(400)).body.message).toBe('userId must be a UUID');
    await remove(owner!, member!.id).expect(204);
    expect((await me(owner!)).body.members).toEqual([]);
    expect((await planOf(member!)).code).toBe('free');
    await remove(owner!, member!.id).expect(404);
  });

  it('refuses to move a family plan to a smaller one while it has too many members', async () => {
    const [owner, first, second] = await accounts(3);
    await subscribe(owner!, 'family').expect(200);
    await join(owner!, first!);
    await join(owner!, second!);
    expect((await subscribe(owner!, 'premium').expect(409)).body.message).toBe(
      'Premium Individual is for one person and your plan has 2 members besides you: remove members first (DELETE /api/subscriptions/members/:userId)',
    );
    expect((await subscribe(owner!, 'duo').expect(409)).body.message).toContain('Premium Duo is for 2 people');
    await remove(owner!, second!.id).expect(204);
    expect((await subscribe(owner!, 'duo').expect(200)).body).toMatchObject({ plan: { code: 'duo' }, members: [{ id: first!.id }] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenerPlanService } from '../../src/subscriptions/listener-plan.service.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { subscriptionCalls } from './subscription-calls.js';

describe('duo and family members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { me, subscribe, cancel, addMember: add, removeMember: remove } = subscriptionCalls(() => t);
  const accounts = (n: number) => Promise.all(Array.from({ length: n }, () => createAccount(t)));
  const planOf = (account: TestAccount) => t.app.get(ListenerPlanService).planFor(account.id);

  it('fills a family plan up to 6 people, by username or email, and refuses a 7th', async () => {
    const [owner, ...others] = await accounts(7);
    await subscribe(owner!, 'family').expect(200);
    for (const [i, member] of others.slice(0, 5).entries()) {
      await add(owner!, i % 2 ? { email: member.email.toUpperCase() } : { username: member.username }).expect(201);
    }
    const { body } = await me(owner!);
    expect(body.members.map((member: { id: string }) => member.id)).toEqual(others.slice(0, 5).map((member) => member.id));
    expect(body.members[0]).toEqual({ id: others[0]!.id, username: others[0]!.username, display_name: `The ${others[0]!.username}`, added_at: expect.any(String) });
    expect((await add(owner!, { username: others[5]!.username }).expect(409)).body.message).toBe('Your Premium Family plan is full: it is for 6 people, you included');

    const { body: member } = await me(others[0]!);
    expect(member).toMatchObject({ plan: { code: 'family' }, role: 'member', owner: { id: owner!.id, username: owner!.username }, skips_left: null });
    expect(member.members).toHaveLength(5);
    expect((await planOf(others[4]!)).code).toBe('family');
  });

  it('shares a duo plan with one other person only', async () => {
    const [owner, first, second] = await accounts(3);
    await subscribe(owner!, 'duo').expect(200);
    await add(owner!, { username: first!.username }).expect(201);
    expect((await add(owner!, { username: second!.username }).expect(409)).body.message).toBe('Your Premium Duo plan is full: it is for 2 people, you included');
  });

  it('lets only one of simultaneous additions take the last place', async () => {
    const [owner, ...others] = await accounts(9);
    await subscribe(owner!, 'family').expect(200);
    for (const member of others.slice(0, 4)) await add(owner!, { username: member.username }).expect(201);
    const answers = await Promise.all(others.slice(4).map((member) => add(owner!, { username: member.username })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await t.prisma.subscriptionMember.count({ where: { subscription: { ownerId: owner!.id } } })).toBe(5);
  });

  it('refuses to share plans that are not shareable or not live', async () => {
    const [free, premium, friend] = await accounts(3);
    expect((await add(free!, { username: friend!.username }).expect(404)).body.message).toBe('You have no plan to share: subscribe to Duo or Family first');
    await subscribe(premium!, 'premium').expect(200);
    expect((await add(premium!, { username: friend!.username }).expect(409)).body.message).toBe('Premium Individual is for one person: switch to Duo or Family to share your plan');
  });

  it('refuses listeners who are on another plan, pay for their own, do not exist, or are the owner', async () => {
    const [owner, otherOwner, joined, payer] = await accounts(4);
    await subscribe(owner!, 'family').expect(200);
    await subscribe(otherOwner!, 'duo').expect(200);
    await add(otherOwner!, { username: joined!.username }).expect(201);
    await subscribe(payer!, 'premium').expect(200);

    expect((await add(owner!, { username: joined!.username }).expect(409)).body.message).toBe(`${joined!.username} is already on another plan: they must leave it first`);
    expect((await add(otherOwner!, { username: joined!.username }).expect(409)).body.message).toBe(`${joined!.username} is already on your plan`);
    expect((await add(owner!, { email: payer!.email }).expect(409)).body.message).toBe(
      `${payer!.username} pays for Premium Individual themselves: their plan must end before they can join yours`,
    );
    expect((await add(owner!, { username: 'nobody-at-all' }).expect(404)).body.message).toBe('No account has the username nobody-at-all');
    expect((await add(owner!, { username: owner!.username }).expect(400)).body.message).toBe('You own this plan: add someone else');
    expect((await add(owner!, {}).expect(400)).body.message).toBe('Send either email or username of the listener to add');
    expect((await add(owner!, { email: joined!.email, username: joined!.username }).expect(400)).body.message).toBe('Send either email or username of the listener to add');
  });

  it('makes a member leave before subscribing, and lets only the owner cancel', async () => {
    const [owner, member] = await accounts(2);
    await subscribe(owner!, 'duo').expect(200);
    await add(owner!, { username: member!.username }).expect(201);
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
    await add(owner!, { username: member!.username }).expect(201);
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
    await add(owner!, { username: first!.username }).expect(201);
    await add(owner!, { username: second!.username }).expect(201);
    expect((await subscribe(owner!, 'premium').expect(409)).body.message).toBe(
      'Premium Individual is for one person and your plan has 2 members besides you: remove members first (DELETE /api/subscriptions/members/:userId)',
    );
    expect((await subscribe(owner!, 'duo').expect(409)).body.message).toContain('Premium Duo is for 2 people');
    await remove(owner!, second!.id).expect(204);
    expect((await subscribe(owner!, 'duo').expect(200)).body).toMatchObject({ plan: { code: 'duo' }, members: [{ id: first!.id }] });
  });
});

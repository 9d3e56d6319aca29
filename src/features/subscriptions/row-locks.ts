import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/**
 * Locks a user's row until the transaction ends. Everything that decides which plan a user is
 * on (subscribing, joining a plan, Stripe webhooks) takes it first, so two of them never
 * decide at once. Answers false when there is no such user.
 */
export async function lockUser(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Locks an owner's subscription row, so its member count cannot change while a capacity is checked. */
export async function lockSubscriptionOf(tx: Tx, ownerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM subscriptions WHERE owner_id = ${ownerId}::uuid FOR UPDATE`;
}

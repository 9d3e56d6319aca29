import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/** Locks an owner's subscription row, so its member count cannot change while a capacity is checked. */
export async function lockSubscriptionOf(tx: Tx, ownerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM subscriptions WHERE owner_id = ${ownerId}::uuid FOR UPDATE`;
}

import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/**
 * Locks an account's row until the transaction ends. Everything that decides which plan an
 * account is on (subscribing, joining a plan, Stripe webhooks) takes it first, so two of them
 * never decide at once. Answers false when there is no such account.
 */
export async function lockAccount(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Records that the account has used its one premium trial (the first time only: a later trial keeps the date). */
export async function markPremiumTrialUsed(tx: Tx, userId: string): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, premiumTrialUsedAt: null }, data: { premiumTrialUsedAt: new Date() } });
}

import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/**
 * What deciding an account's plan writes to the account, inside the plan's transaction. The
 * accounts feature owns the users table and provides it (features/auth/user-account-writes.ts);
 * subscriptions ask for it here, so they need nothing of that feature's files.
 */
export abstract class AccountWrites {
  /**
   * Locks an account's row until the transaction ends. Everything that decides which plan an
   * account is on (subscribing, joining a plan, Stripe webhooks) takes it first, so two of them
   * never decide at once. Answers false when there is no such account.
   */
  abstract lock(tx: Tx, userId: string): Promise<boolean>;

  /** Records that the account has used its one premium trial (the first time only: a later trial keeps the date). */
  abstract markPremiumTrialUsed(tx: Tx, userId: string): Promise<void>;
}

import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { AccountWrites } from '../../platform/auth/account-writes.js';

type Tx = Prisma.TransactionClient;

/** The account writes a plan change makes, on the users table this feature owns. */
@Injectable()
export class UserAccountWrites extends AccountWrites {
  async lock(tx: Tx, userId: string): Promise<boolean> {
    const rows = await tx.$queryRaw<unknown[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    return rows.length > 0;
  }

  async markPremiumTrialUsed(tx: Tx, userId: string): Promise<void> {
    await tx.user.updateMany({ where: { id: userId, premiumTrialUsedAt: null }, data: { premiumTrialUsedAt: new Date() } });
  }
}

import { type HttpException, Injectable } from '@nestjs/common';
import { tooManyRequests } from '../../platform/common/http/too-many-requests.js';
import { KeyedSerializer } from '../../platform/common/keyed-serializer.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** Whom a login attempt counts against. */
export interface LoginAttemptKey {
  ip: string;
  /** The email or username as typed, lower-case. */
  account: string;
  /** The account it names (by email or username), or null when it names none. */
  userId: string | null;
}

type Transaction = Prisma.TransactionClient;

/**
 * Limits failed logins per account and per client IP within a window, counted in PostgreSQL so
 * every instance sees the same attempts. An account is one key whichever identifier names it
 * (email or username); an identifier naming no account is its own key. An account's count
 * restarts after a successful login.
 */
@Injectable()
export class LoginLimiterService {
  private readonly queue = new KeyedSerializer();

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {}

  /**
   * Lets an attempt check its password, returning the attempt's id, or throws 429 (with
   * Retry-After) when its account or IP has failed too often lately. Admission is atomic: under
   * advisory locks on the account and the IP it counts the window's failures, attempts still
   * being checked included, and records this one as failed before its password is checked. So
   * parallel attempts never check more passwords than the limit. Call `succeeded` when it was right.
   */
  async admit(key: LoginAttemptKey): Promise<bigint> {
    const accountKey = key.userId ? `login-user:${key.userId}` : `login-name:${key.account}`;
    const ipKey = `login-ip:${key.ip}`;
    // Always the account first, then the IP (here and in PostgreSQL): no two admissions wait on
    // each other in a cycle. A burst on one key queues in this process, not on pooled connections.
    return this.queue.run(accountKey, () => this.queue.run(ipKey, () => this.admitLocked(key, accountKey, ipKey)));
  }

  private admitLocked(key: LoginAttemptKey, accountKey: string, ipKey: string): Promise<bigint> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${accountKey}, 0))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ipKey}, 0))`;
      const account: Prisma.LoginAttemptWhereInput = key.userId ? { userId: key.userId } : { userId: null, account: key.account };
      const windowStart = new Date(Date.now() - this.config.LOGIN_WINDOW_MINUTES * 60_000);
      const lastSuccess = await tx.loginAttempt.findFirst({
        where: { ...account, succeeded: true, createdAt: { gte: windowStart } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      // One after the other: a transaction is one connection, which runs one query at a time.
      const accountBlockedUntil = await this.blockedUntil(
        tx,
        { ...account, createdAt: { gt: lastSuccess?.createdAt ?? windowStart } },
        this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      );
      const ipBlockedUntil = await this.blockedUntil(tx, { ip: key.ip, createdAt: { gte: windowStart } }, this.config.LOGIN_MAX_FAILURES_PER_IP);
      const blockedUntil = [accountBlockedUntil, ipBlockedUntil].filter((until): until is Date => until !== null);
      if (blockedUntil.length > 0) throw tooManyFailures(Math.max(...blockedUntil.map((date) => date.getTime())));
      const attempt = await tx.loginAttempt.create({ data: { ...key, succeeded: false }, select: { id: true } });
      return attempt.id;
    });
  }

  /** Marks an admitted attempt as a successful login, which restarts its account's count. */
  async succeeded(attemptId: bigint): Promise<void> {
    await this.prisma.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  }

  /** When the limit stops applying (the oldest counted failure leaves the window), or null when under it. */
  private async blockedUntil(tx: Transaction, where: Prisma.LoginAttemptWhereInput, limit: number): Promise<Date | null> {
    const recent = await tx.loginAttempt.findMany({
      where: { ...where, succeeded: false },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length < limit) return null;
    return new Date(recent.at(-1)!.createdAt.getTime() + this.config.LOGIN_WINDOW_MINUTES * 60_000);
  }
}

function tooManyFailures(until: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return tooManyRequests(`Too many failed logins: try again in ${Math.ceil(retryAfter / 60)} minute(s).`, retryAfter);
}

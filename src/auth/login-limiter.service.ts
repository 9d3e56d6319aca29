import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';

/**
 * Limits failed logins per account and per client IP within a window, counted in PostgreSQL so
 * every instance sees the same attempts. An account's count restarts after a successful login.
 */
@Injectable()
export class LoginLimiterService {
  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {}

  /** Throws 429 (with Retry-After) when this IP or this account has failed too often lately. */
  async check(ip: string, account: string): Promise<void> {
    const windowStart = new Date(Date.now() - this.config.LOGIN_WINDOW_MINUTES * 60_000);
    const lastSuccess = await this.prisma.loginAttempt.findFirst({
      where: { account, succeeded: true, createdAt: { gte: windowStart } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    const accountSince = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
    const [accountFailures, ipFailures] = await Promise.all([
      this.failures({ account, createdAt: { gt: accountSince } }, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT),
      this.failures({ ip, createdAt: { gte: windowStart } }, this.config.LOGIN_MAX_FAILURES_PER_IP),
    ]);
    const blockedUntil = [accountFailures, ipFailures].filter((until): until is Date => until !== null);
    if (blockedUntil.length === 0) return;
    const until = Math.max(...blockedUntil.map((date) => date.getTime()));
    const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: `Too many failed logins: try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        retry_after: retryAfter,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  async record(ip: string, account: string, succeeded: boolean): Promise<void> {
    await this.prisma.loginAttempt.create({ data: { ip, account, succeeded } });
  }

  /** When the limit stops applying (the oldest counted failure leaves the window), or null when under it. */
  private async failures(where: { account?: string; ip?: string; createdAt: { gt?: Date; gte?: Date } }, limit: number): Promise<Date | null> {
    const recent = await this.prisma.loginAttempt.findMany({
      where: { ...where, succeeded: false },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length < limit) return null;
    return new Date(recent.at(-1)!.createdAt.getTime() + this.config.LOGIN_WINDOW_MINUTES * 60_000);
  }
}

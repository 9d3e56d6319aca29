import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { JobQueueService } from '../../platform/jobs/job-queue.service.js';

export const AUTH_CLEANUP_QUEUE = 'auth-cleanup';
const DAY = 86_400_000;

/**
 * Daily, deletes what authentication no longer needs: login attempts older than a day (the rate
 * limit looks back minutes), and login sessions and refresh tokens that expired or were revoked
 * over a week ago (kept that long so a replayed refresh token is still recognised as reuse).
 */
@Injectable()
export class AuthCleanupJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly prisma: PrismaService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ queue: AUTH_CLEANUP_QUEUE, schedule: '17 3 * * *', expireInSeconds: 600, handler: () => this.cleanUp() });
  }

  async cleanUp(now = new Date()): Promise<{ login_attempts: number; login_sessions: number; refresh_tokens: number }> {
    const weekAgo = new Date(now.getTime() - 7 * DAY);
    const over = { OR: [{ expiresAt: { lt: weekAgo } }, { revokedAt: { lt: weekAgo } }] };
    // Tokens first: the replaced tokens of live sessions go too; a session's deletion takes the rest of its own.
    const [attempts, tokens, sessions] = await this.prisma.$transaction([
      this.prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY) } } }),
      this.prisma.refreshToken.deleteMany({ where: over }),
      this.prisma.loginSession.deleteMany({ where: over }),
    ]);
    return { login_attempts: attempts.count, login_sessions: sessions.count, refresh_tokens: tokens.count };
  }
}

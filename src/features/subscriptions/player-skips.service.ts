import { HttpException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { SkipResultDto } from './dto/subscription.dto.js';
import { ListenerPlanService } from './listener-plan.service.js';
import type { Plan } from './plans.js';

const HOUR_MS = 3_600_000;

/** Skips on the player: unlimited on paid plans, `skipsPerHour` per rolling hour on Free. */
@Injectable()
export class PlayerSkipsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly plans: ListenerPlanService,
  ) {}

  async skip(userId: string, songId?: string): Promise<SkipResultDto> {
    const plan = await this.plans.planFor(userId);
    return this.prisma.$transaction(async (tx) => {
      // One skip decision per listener at a time: simultaneous skips cannot all see room for one more.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`player-skip:${userId}`}, 0))`;
      if (songId && !(await tx.catalogSong.findUnique({ where: { id: songId }, select: { id: true } }))) {
        throw new NotFoundException(`song_id ${songId} names no song`);
      }
      const now = new Date();
      const limit = plan.skipsPerHour;
      let recent = 0;
      if (limit !== null) {
        const skips = await tx.playerSkip.findMany({
          where: { userId, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
          orderBy: { createdAt: 'desc' },
          take: limit,
          select: { createdAt: true },
        });
        recent = skips.length;
        // The next skip is allowed once the limit-th most recent one is an hour old.
        if (recent >= limit) throw tooManySkips(plan, limit, skips[limit - 1]!.createdAt.getTime() + HOUR_MS - now.getTime());
      }
      await tx.playerSkip.create({ data: { userId, songId, createdAt: now } });
      return { skips_left: limit === null ? null : limit - recent - 1, plan: plan.code };
    });
  }

  /** Skips a listener has left this hour on `plan`; null for unlimited. */
  async skipsLeft(userId: string, plan: Plan, now = new Date()): Promise<number | null> {
    if (plan.skipsPerHour === null) return null;
    const recent = await this.prisma.playerSkip.count({ where: { userId, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
    return Math.max(0, plan.skipsPerHour - recent);
  }
}

function tooManySkips(plan: Plan, limit: number, waitMs: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  return new HttpException(
    {
      message: `${plan.name} listeners can skip ${limit} songs an hour: next skip in ${minutes} minute${minutes === 1 ? '' : 's'}; Premium has unlimited skips`,
      retry_after: retryAfter,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaService } from '../../../platform/database/prisma.service.js';

/** A slot granted by the limiter: when the request may go, and how long the caller waited for it. */
export interface RateLimitSlot {
  slotAt: Date;
  waitedMs: number;
}

export interface RateLimitState {
  /** The first moment a new request could go; null when the source was never called. */
  nextSlotAt: Date | null;
  /** How long a request asking now would wait (0 when a slot is free). */
  waitMs: number;
}

/**
 * At most one request per interval to a source, across every worker of every instance of the
 * app, through one row per source in PostgreSQL (source_rate_limits).
 *
 * Why not a limiter in each process: MusicBrainz allows 1 request per second per client (its IP
 * and User-Agent) and throttles everyone above that with 503s. A bulk job runs on several
 * workers, and the app may run as several instances behind a load balancer; a per-process token
 * bucket of 1/s would then allow workers × instances requests per second. The database is the
 * one thing all of them share, so the schedule lives there.
 *
 * How: a caller claims the source with one atomic statement that succeeds only when the source's
 * next slot has come, and moves it one interval past the claim; the request is sent right after.
 * A caller that finds the slot not yet come sleeps until then and tries again, holding no
 * connection or lock meanwhile. Claiming at send time (rather than booking a future slot and
 * sleeping until it) keeps the spacing when a timer fires late on a busy machine: a late caller
 * only claims later, and the next one is spaced from that claim. Every instant comes from the
 * database's clock (clock_timestamp(), the time the statement runs), so instances with skewed
 * clocks still space their requests right.
 */
@Injectable()
export class SourceRateLimiter {
  constructor(private readonly prisma: PrismaService) {}

  /** Waits until this caller holds the source's next slot; `minIntervalMs` 0 claims nothing and returns at once. */
  async acquire(source: string, minIntervalMs: number): Promise<RateLimitSlot> {
    if (minIntervalMs <= 0) return { slotAt: new Date(), waitedMs: 0 };
    const interval = Math.round(minIntervalMs);
    const started = performance.now();
    for (;;) {
      // The ON CONFLICT ... WHERE updates only when the slot has come; the outer SELECT reads the
      // statement's snapshot, i.e. the next slot that refused this caller.
      const [row] = await this.prisma.$queryRaw<Array<{ claimed: Date | null; wait_ms: number | null }>>`
        WITH claim AS (
          INSERT INTO source_rate_limits AS limits (source, next_slot_at)
          VALUES (${source}, clock_timestamp() + ${interval}::int * interval '1 millisecond')
          ON CONFLICT (source) DO UPDATE
            SET next_slot_at = clock_timestamp() + ${interval}::int * interval '1 millisecond'
            WHERE limits.next_slot_at <= clock_timestamp()
          RETURNING next_slot_at - ${interval}::int * interval '1 millisecond' AS claimed
        )
        SELECT (SELECT claimed FROM claim) AS claimed,
               (SELECT GREATEST(0, EXTRACT(EPOCH FROM (next_slot_at - clock_timestamp())) * 1000)::float8 FROM source_rate_limits WHERE source = ${source}) AS wait_ms`;
      if (row!.claimed) return { slotAt: row!.claimed, waitedMs: Math.round(performance.now() - started) };
      // Another caller claimed it: wait for its interval to pass, plus a little at random so
      // waiters do not all ask at the same instant.
      await sleep(Math.max(1, Math.ceil(row!.wait_ms ?? 0)) + Math.floor(Math.random() * Math.min(20, interval / 10 + 1)));
    }
  }

  /**
   * No request to this source before `delayMs` from now, for anyone: when the source asks to be
   * left alone (Retry-After), every worker of every instance waits, not only the one told.
   */
  async defer(source: string, delayMs: number): Promise<void> {
    const delay = Math.max(0, Math.round(delayMs));
    await this.prisma.$executeRaw`
      INSERT INTO source_rate_limits AS limits (source, next_slot_at)
      VALUES (${source}, clock_timestamp() + ${delay}::int * interval '1 millisecond')
      ON CONFLICT (source) DO UPDATE
        SET next_slot_at = GREATEST(limits.next_slot_at, clock_timestamp() + ${delay}::int * interval '1 millisecond')`;
  }

  /** Where the source's schedule stands, for status pages. */
  async state(source: string): Promise<RateLimitState> {
    const [row] = await this.prisma.$queryRaw<Array<{ next_slot_at: Date; wait_ms: number }>>`
      SELECT next_slot_at, GREATEST(0, EXTRACT(EPOCH FROM (next_slot_at - clock_timestamp())) * 1000)::float8 AS wait_ms
      FROM source_rate_limits WHERE source = ${source}`;
    return row ? { nextSlotAt: row.next_slot_at, waitMs: Math.ceil(row.wait_ms) } : { nextSlotAt: null, waitMs: 0 };
  }
}

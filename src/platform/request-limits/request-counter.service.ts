import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { WindowTallies, type Limit, type PendingSpending, type Verdict } from './window-tallies.js';

/**
 * Counts requests per bucket and window, shared by every instance on the database without a
 * database round trip per request: each instance decides from its own counts plus the shared
 * totals it last heard, and every RATE_LIMIT_SYNC_MS adds what it spent to the request_counts
 * table in one statement that answers the new totals. Instances may therefore jointly overshoot
 * a budget by what reaches them within one sync interval.
 */
@Injectable()
export class RequestCounter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RequestLimits');
  private readonly tallies: WindowTallies;
  private readonly windowMs: number;
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private cleanedWindow = Number.NaN;
  private failing = false;

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {
    this.windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    this.tallies = new WindowTallies(this.windowMs);
  }

  onModuleInit(): void {
    if (!this.config.rateLimitEnabled) return;
    this.timer = setInterval(() => {
      if (!this.syncing) void this.sync();
    }, this.config.RATE_LIMIT_SYNC_MS);
    this.timer.unref();
  }

  /** Shares what is still unshared before the pool closes (the database module is destroyed after this one). */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sync();
  }

  charge(limits: Limit[], cost: number): Verdict {
    return this.tallies.charge(limits, cost, Date.now());
  }

  /** Adds this instance's unshared spending to the shared counts and takes in the totals; after any sync already running. */
  sync(): Promise<void> {
    const next = (this.syncing ?? Promise.resolve()).then(() => this.syncOnce());
    this.syncing = next;
    void next.finally(() => {
      if (this.syncing === next) this.syncing = undefined;
    });
    return next;
  }

  private async syncOnce(): Promise<void> {
    const spending = this.tallies.pending(Date.now());
    try {
      if (spending) this.tallies.settle(spending, await this.share(spending));
      if (spending && spending.windowStart !== this.cleanedWindow) await this.forgetEndedWindows(spending.windowStart);
      if (this.failing) this.logger.log('Sharing request counts works again.');
      this.failing = false;
    } catch (error) {
      // Kept and sent again by the next sync; meanwhile this instance decides on its own counts.
      if (!this.failing) this.logger.warn(`Could not share request counts (each instance limits on its own until it can): ${(error as Error).message}`);
      this.failing = true;
    }
  }

  private async share(spending: PendingSpending): Promise<Map<string, number>> {
    const { rows } = await this.prisma.pool.query<{ bucket: string; count: number }>(
      `INSERT INTO request_counts (bucket, window_start, count)
       SELECT spent.bucket, $1, spent.amount FROM unnest($2::text[], $3::int[]) AS spent(bucket, amount) ORDER BY spent.bucket
       ON CONFLICT (bucket, window_start) DO UPDATE SET count = request_counts.count + EXCLUDED.count
       RETURNING bucket, count`,
      [new Date(spending.windowStart), spending.buckets, spending.amounts],
    );
    return new Map(rows.map((row) => [row.bucket, row.count]));
  }

  /** The first sync of each window deletes the ended windows' rows (every instance may; they delete the same rows). */
  private async forgetEndedWindows(windowStart: number): Promise<void> {
    await this.prisma.pool.query('DELETE FROM request_counts WHERE window_start < $1', [new Date(windowStart)]);
    this.cleanedWindow = windowStart;
  }
}

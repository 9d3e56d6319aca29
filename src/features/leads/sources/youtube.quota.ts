import { SourceUnavailableError } from './http-source.js';
import { SourceQuotaExceededError } from './lead-source.js';
import type { SourceUsage } from './source-usage.js';

/**
 * The YouTube Data API's daily quota as Encore keeps it: the units spent today are source_usage's
 * `units` for the source (every instance adds to the same row), and a call that would take them
 * past YOUTUBE_DAILY_QUOTA is refused before it is sent.
 *
 * Two approximations, both on the safe side of Google's own count or corrected by it: the day is
 * UTC (Google resets at midnight Pacific time), and the check and the spend are not one atomic
 * step, so workers calling at the same moment may pass the limit by a call each; YouTube then
 * answers 403 quotaExceeded, and markSpent() stops everyone for the rest of the day.
 */
export class YoutubeQuota {
  constructor(
    private readonly usage: SourceUsage,
    private readonly source: string,
    readonly limit: number,
  ) {}

  /** Units spent today (UTC). */
  async used(): Promise<number> {
    try {
      return (await this.usage.today(this.source)).units;
    } catch (error) {
      throw new SourceUnavailableError(this.source, `YouTube: quota usage unreadable (database: ${(error as Error).message})`);
    }
  }

  /** Throws SourceQuotaExceededError, naming what was refused, when `units` more would pass today's limit. */
  async ensureRoom(operation: string, units: number): Promise<void> {
    const used = await this.used();
    if (used + units <= this.limit) return;
    throw new SourceQuotaExceededError(
      this.source,
      `YouTube ${operation} refused: it costs ${units} quota unit(s) and ${used} of the ${this.limit} units of YOUTUBE_DAILY_QUOTA are used today (UTC)`,
      used,
      this.limit,
    );
  }

  /**
   * YouTube said the key's quota is spent (403 quotaExceeded): counts the rest of today's units as
   * spent, so every worker of every instance stops asking until the next UTC day. Returns the counts
   * as they were when YouTube said so.
   */
  async markSpent(): Promise<{ used: number; limit: number }> {
    const used = await this.used().catch(() => this.limit);
    if (used < this.limit) await this.usage.record(this.source, { units: this.limit - used }).catch(() => undefined);
    return { used, limit: this.limit };
  }
}

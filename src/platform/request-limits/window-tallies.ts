/** A bucket and how many cost units it may spend per window. */
export interface Limit {
  bucket: string;
  budget: number;
}

export type Verdict = { allowed: true } | { allowed: false; limit: Limit; retryAfterSeconds: number };

/** What one instance spent and has not yet added to the shared counts, for one window. */
export interface PendingSpending {
  windowStart: number;
  buckets: string[];
  amounts: number[];
}

/** A bucket's spending in the current window as this instance knows it. */
interface Tally {
  /** The shared total PostgreSQL last answered (every instance's flushed spending, ours included). */
  shared: number;
  /** What this instance spent since: not yet in `shared`. */
  pending: number;
}

/** Windows are cut from the epoch, so every instance agrees where one starts. */
export function windowStartOf(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs) * windowMs;
}

/** Whole seconds until the window holding `nowMs` ends (at least 1: what Retry-After says). */
export function secondsLeftInWindow(nowMs: number, windowMs: number): number {
  return Math.max(1, Math.ceil((windowStartOf(nowMs, windowMs) + windowMs - nowMs) / 1000));
}

/**
 * One instance's fixed-window counts. A request is allowed when every bucket it counts in has its
 * cost left: the shared total last heard from PostgreSQL plus what this instance spent since.
 * Refused requests spend nothing. Past windows are forgotten: they no longer limit anything.
 */
export class WindowTallies {
  private windowStart = Number.NaN;
  private tallies = new Map<string, Tally>();

  constructor(private readonly windowMs: number) {}

  /** Spends `cost` in every limit's bucket when each has it left; otherwise spends nothing. */
  charge(limits: Limit[], cost: number, nowMs: number): Verdict {
    this.moveTo(nowMs);
    for (const limit of limits) {
      const tally = this.tallies.get(limit.bucket);
      const spent = tally ? tally.shared + tally.pending : 0;
      if (spent + cost > limit.budget) return { allowed: false, limit, retryAfterSeconds: secondsLeftInWindow(nowMs, this.windowMs) };
    }
    for (const { bucket } of limits) {
      const tally = this.tallies.get(bucket);
      if (tally) tally.pending += cost;
      else this.tallies.set(bucket, { shared: 0, pending: cost });
    }
    return { allowed: true };
  }

  /** This window's spending not yet shared (buckets sorted, so concurrent upserts lock rows in one order), or null. */
  pending(nowMs: number): PendingSpending | null {
    this.moveTo(nowMs);
    const buckets = [...this.tallies]
      .filter(([, tally]) => tally.pending > 0)
      .map(([bucket]) => bucket)
      .sort();
    if (buckets.length === 0) return null;
    return { windowStart: this.windowStart, buckets, amounts: buckets.map((bucket) => this.tallies.get(bucket)!.pending) };
  }

  /** Takes in the shared totals PostgreSQL answered once `spending` was added to them. */
  settle(spending: PendingSpending, totals: ReadonlyMap<string, number>): void {
    if (spending.windowStart !== this.windowStart) return;
    spending.buckets.forEach((bucket, index) => {
      const tally = this.tallies.get(bucket);
      const total = totals.get(bucket);
      if (!tally || total === undefined) return;
      tally.pending -= spending.amounts[index]!;
      tally.shared = Math.max(tally.shared, total);
    });
  }

  private moveTo(nowMs: number): void {
    const start = windowStartOf(nowMs, this.windowMs);
    if (start === this.windowStart) return;
    this.windowStart = start;
    this.tallies = new Map();
  }
}

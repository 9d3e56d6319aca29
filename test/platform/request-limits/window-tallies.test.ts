import { describe, expect, it } from 'vitest';
import { secondsLeftInWindow, windowStartOf, WindowTallies } from '../../../src/platform/request-limits/window-tallies.js';

const MINUTE = 60_000;
const start = 1_000 * MINUTE;
const ip = { bucket: 'ip:203.0.113.7', budget: 10 };
const account = { bucket: 'account:a1', budget: 4 };

describe('fixed request windows', () => {
  it('cuts windows from the epoch, so every instance agrees where one starts', () => {
    expect(windowStartOf(start + 59_999, MINUTE)).toBe(start);
    expect(windowStartOf(start + MINUTE, MINUTE)).toBe(start + MINUTE);
  });

  it('tells a refused client the whole seconds left in the window, at least one', () => {
    expect(secondsLeftInWindow(start + 15_500, MINUTE)).toBe(45);
    expect(secondsLeftInWindow(start + 59_999, MINUTE)).toBe(1);
  });
});

describe('one instance counting a window', () => {
  it('allows requests until their costs reach the budget, then refuses with the time left', () => {
    const tallies = new WindowTallies(MINUTE);
    for (let i = 0; i < 10; i++) expect(tallies.charge([ip], 1, start + i).allowed).toBe(true);
    expect(tallies.charge([ip], 1, start + 30_000)).toEqual({ allowed: false, limit: ip, retryAfterSeconds: 30 });
  });

  it('refuses a request whose cost no longer fits though a cheaper one still does', () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip], 7, start);
    expect(tallies.charge([ip], 4, start).allowed).toBe(false);
    expect(tallies.charge([ip], 3, start).allowed).toBe(true);
  });

  it('charges nothing for a refused request, to either bucket', () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip, account], 4, start);
    expect(tallies.charge([ip, account], 1, start)).toMatchObject({ allowed: false, limit: account });
    expect(tallies.pending(start)).toEqual({ windowStart: start, buckets: [account.bucket, ip.bucket], amounts: [4, 4] });
  });

  it('starts every bucket afresh in the next window', () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip], 10, start);
    expect(tallies.charge([ip], 1, start + MINUTE).allowed).toBe(true);
  });
});

describe('sharing counts between instances', () => {
  it('counts what the other instances spent once a sync has answered the shared total', () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip], 2, start);
    const spending = tallies.pending(start)!;
    tallies.settle(spending, new Map([[ip.bucket, 9]]));
    expect(tallies.charge([ip], 2, start).allowed).toBe(false);
    expect(tallies.charge([ip], 1, start).allowed).toBe(true);
  });

  it('keeps what was spent while a sync was under way for the next sync', () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip], 2, start);
    const spending = tallies.pending(start)!;
    tallies.charge([ip], 3, start);
    tallies.settle(spending, new Map([[ip.bucket, 2]]));
    expect(tallies.pending(start)).toEqual({ windowStart: start, buckets: [ip.bucket], amounts: [3] });
  });

  it('has nothing to share once every spending is settled', () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip], 2, start);
    tallies.settle(tallies.pending(start)!, new Map([[ip.bucket, 2]]));
    expect(tallies.pending(start)).toBeNull();
  });

  it("ignores a sync's answer about a window that has ended", () => {
    const tallies = new WindowTallies(MINUTE);
    tallies.charge([ip], 2, start);
    const spending = tallies.pending(start)!;
    tallies.charge([ip], 1, start + MINUTE);
    tallies.settle(spending, new Map([[ip.bucket, 10]]));
    expect(tallies.charge([ip], 9, start + MINUTE).allowed).toBe(true);
  });
});

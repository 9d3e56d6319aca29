/**
 * The player's queue: the list a song was started from and where in it the player is. Pure
 * functions over an immutable value, so the player's rules are easy to test.
 */
export interface Queue<T> {
  items: readonly T[];
  index: number;
}

/** Seconds into a song after which "previous" restarts it instead of going back. */
export const RESTART_AFTER_SECONDS = 3;

/** A queue of `items` at `index` (clamped into the list), or null for an empty list. */
export function startQueue<T>(items: readonly T[], index = 0): Queue<T> | null {
  if (items.length === 0) return null;
  return { items: [...items], index: Math.min(items.length - 1, Math.max(0, Math.trunc(index))) };
}

export function currentItem<T>(queue: Queue<T> | null): T | null {
  return queue ? (queue.items[queue.index] ?? null) : null;
}

export function hasNext(queue: Queue<unknown> | null): boolean {
  return queue !== null && queue.index < queue.items.length - 1;
}

export function hasPrevious(queue: Queue<unknown> | null): boolean {
  return queue !== null && queue.index > 0;
}

/** The queue at its next song, or null at the end (the player stops there). */
export function nextInQueue<T>(queue: Queue<T>): Queue<T> | null {
  return hasNext(queue) ? { items: queue.items, index: queue.index + 1 } : null;
}

/**
 * What "previous" does `positionSeconds` into the current song: restart it when it has played a
 * few seconds or is the first; otherwise go back one song.
 */
export function previousInQueue<T>(queue: Queue<T>, positionSeconds: number): { queue: Queue<T>; restart: boolean } {
  if (positionSeconds > RESTART_AFTER_SECONDS || !hasPrevious(queue)) return { queue, restart: true };
  return { queue: { items: queue.items, index: queue.index - 1 }, restart: false };
}

/** "Song 2 of 12". */
export function queuePosition(queue: Queue<unknown>): string {
  return `Song ${queue.index + 1} of ${queue.items.length}`;
}

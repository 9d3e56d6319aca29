/**
 * Runs tasks one at a time per key, in the order they arrive, within this process. Waiting here
 * costs a promise; waiting on a database lock costs a pooled connection, so a burst on one key
 * queues here and reaches the database one task at a time.
 */
export class KeyedSerializer {
  /** Per key, a promise settling when its last queued task has (never rejecting). */
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting. */
  get busyKeys(): number {
    return this.tails.size;
  }
}

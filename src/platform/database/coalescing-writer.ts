/**
 * Group writes: items that arrive in the same turn of the event loop, or while a write is in
 * flight, share one write, so a burst of requests pays one statement and one commit (one WAL
 * flush) for many rows instead of one each.
 * Each caller's promise settles only when the batch holding its item has been written (committed),
 * so an answer never gets ahead of its row's durability.
 *
 * `writeBatch` gets the items in arrival order and answers one result per item, in that order.
 * A batch of several items that fails with an error `retrySingly` accepts (one that proves nothing
 * was written, such as the database refusing the statement) is retried item by item, so one bad row
 * fails only its own caller; any other error rejects the batch's callers, since a retry could write
 * twice what was in fact committed.
 */
export class CoalescingWriter<Item, Result> {
  private queue: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly writeBatch: (items: Item[]) => Promise<Result[]>,
    /** Most items in one batch: bounds a statement's size and its parameters. */
    private readonly maxBatch: number,
    private readonly retrySingly: (error: unknown) => boolean = () => false,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  }

  write(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.writing) return;
      // Starts after this turn of the event loop (setImmediate), not at once: the items of requests
      // whose work finished in the same turn share the first statement too, instead of the first
      // going alone (docs/benchmarks.md, "Prediction history: batch sizes").
      this.writing = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.settle(batch);
    }
    this.writing = false;
  }

  private async settle(batch: typeof this.queue): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} items was answered with ${results.length} results`);
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1 || !this.retrySingly(error)) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      for (const entry of batch) await this.settle([entry]);
    }
  }
}

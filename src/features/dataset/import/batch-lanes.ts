/**
 * The writes of an import's batches, on one connection or more. A write that may run beside
 * others goes to the connections in turn, each waiting only for its connection's last write;
 * any other waits for all before it, and all after it wait for it. Each write's `done` runs in
 * the batches' order, once it and every write before it succeeded: what counts as committed is
 * always a prefix of the batches. Once a write or a `done` failed, no write starts any more.
 */
export class BatchLanes<Connection> {
  private readonly lanes: Array<{ connection: Connection; busy: Promise<void> }>;
  private turn = 0;
  /** Every write so far and its `done`, in order. */
  private inOrder: Promise<void> = Promise.resolve();
  /** The first failure in the batches' order, once known. */
  private failure?: { error: unknown };

  constructor(main: Connection) {
    this.lanes = [{ connection: main, busy: Promise.resolve() }];
  }

  /** A connection for the writes that run beside others; add it before the first write. */
  addConnection(connection: Connection): void {
    this.lanes.push({ connection, busy: Promise.resolve() });
  }

  /**
   * Starts the write on the next connection in turn, once that connection's last write is done.
   * Returns when the write has started; throws instead the error of a write that failed.
   */
  async inTurn(write: (connection: Connection) => Promise<void>, done: () => void): Promise<void> {
    const lane = this.lanes[this.turn++ % this.lanes.length]!;
    await lane.busy;
    this.throwIfFailed();
    lane.busy = this.start(write(lane.connection), done);
  }

  /** Starts the write on the main connection once every write before it is done; those after it wait for it. */
  async afterAll(write: (connection: Connection) => Promise<void>, done: () => void): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.busy));
    this.throwIfFailed();
    const writing = this.start(write(this.lanes[0]!.connection), done);
    for (const lane of this.lanes) lane.busy = writing;
  }

  /** Waits for every write; throws the first failure in the batches' order. */
  async finish(): Promise<void> {
    await this.settle();
    await this.inOrder;
  }

  /** Waits for every write to end, whether or not it succeeded. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.lanes.map((lane) => lane.busy));
  }

  private start(writing: Promise<void>, done: () => void): Promise<void> {
    this.inOrder = this.inOrder.then(() => writing).then(done);
    this.inOrder.catch((error: unknown) => (this.failure ??= { error }));
    writing.catch(() => undefined); // awaited later, by the lane's next write, finish or settle
    return writing;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

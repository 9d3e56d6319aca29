import { describe, expect, it } from 'vitest';
import { BatchLanes } from '../../../../src/features/dataset/import/batch-lanes.js';

/** A write the test ends by hand, recording which connection it ran on and when it started. */
class Write {
  connection?: string;
  private end!: (error?: Error) => void;
  readonly run = (connection: string): Promise<void> => {
    this.connection = connection;
    return new Promise((resolve, reject) => (this.end = (error) => (error ? reject(error) : resolve())));
  };
  get started(): boolean {
    return this.connection !== undefined;
  }
  succeed(): Promise<void> {
    this.end();
    return settle();
  }
  fail(message: string): Promise<void> {
    this.end(new Error(message));
    return settle();
  }
}

/** Lets every promise callback queued so far run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function twoLanes() {
  const lanes = new BatchLanes('main');
  lanes.addConnection('second');
  const done: number[] = [];
  const inTurn = (write: Write, batch: number) => lanes.inTurn(write.run, () => done.push(batch));
  const afterAll = (write: Write, batch: number) => lanes.afterAll(write.run, () => done.push(batch));
  return { lanes, done, inTurn, afterAll };
}

describe('BatchLanes', () => {
  it('runs writes in turn on the two connections at once', async () => {
    const { inTurn } = twoLanes();
    const [first, second] = [new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    expect([first.connection, second.connection]).toEqual(['main', 'second']);
  });

  it("holds a write until its connection's last write is done", async () => {
    const { inTurn } = twoLanes();
    const [first, second, third] = [new Write(), new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    const starting = inTurn(third, 3);
    await second.succeed();
    expect(third.started).toBe(false);
    await first.succeed();
    await starting;
    expect(third.connection).toBe('main');
  });

  it('runs a write that must be alone on the main connection after every write before it, and holds those after it on both until it is done', async () => {
    const { inTurn, afterAll } = twoLanes();
    const [first, second, alone, third, fourth] = [new Write(), new Write(), new Write(), new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    const aloneStarting = afterAll(alone, 3);
    await first.succeed();
    expect(alone.started).toBe(false);
    await second.succeed();
    await aloneStarting;
    expect(alone.connection).toBe('main');
    const starting = Promise.all([inTurn(third, 4), inTurn(fourth, 5)]);
    await settle();
    expect([third.started, fourth.started]).toEqual([false, false]);
    await alone.succeed();
    await starting;
    expect([third.connection, fourth.connection].sort()).toEqual(['main', 'second']);
  });

  it('counts writes done in their order, a later one that ends first only once those before it are done', async () => {
    const { inTurn, done } = twoLanes();
    const [first, second] = [new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    await second.succeed();
    expect(done).toEqual([]);
    await first.succeed();
    expect(done).toEqual([1, 2]);
  });

  it('stops counting at a failed write, and finish throws its error though a later write failed first', async () => {
    const { lanes, inTurn, done } = twoLanes();
    const [first, second, third] = [new Write(), new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    await first.succeed();
    await inTurn(third, 3);
    await third.fail('third');
    await second.fail('second');
    await expect(lanes.finish()).rejects.toThrow('second');
    expect(done).toEqual([1]);
  });

  it("throws a failed write's error at the next write on its connection, which never starts", async () => {
    const { inTurn } = twoLanes();
    const [first, second, third] = [new Write(), new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    await first.fail('duplicate key');
    await expect(inTurn(third, 3)).rejects.toThrow('duplicate key');
    expect(third.started).toBe(false);
  });

  it('starts no write once a write on the other connection failed', async () => {
    const { inTurn } = twoLanes();
    const [first, second, third] = [new Write(), new Write(), new Write()];
    await inTurn(first, 1);
    await inTurn(second, 2);
    await second.fail('duplicate key');
    await first.succeed();
    await expect(inTurn(third, 3)).rejects.toThrow('duplicate key');
    expect(third.started).toBe(false);
  });

  it('starts no write once a batch counted as committed failed its done', async () => {
    const lanes = new BatchLanes('main');
    const [first, second] = [new Write(), new Write()];
    await lanes.inTurn(first.run, () => {
      throw new Error('progress failed');
    });
    await first.succeed();
    await expect(lanes.inTurn(second.run, () => undefined)).rejects.toThrow('progress failed');
    expect(second.started).toBe(false);
  });

  it('runs writes one at a time on a single connection', async () => {
    const lanes = new BatchLanes('main');
    const [first, second] = [new Write(), new Write()];
    await lanes.inTurn(first.run, () => undefined);
    const starting = lanes.inTurn(second.run, () => undefined);
    await settle();
    expect(second.started).toBe(false);
    await first.succeed();
    await starting;
    expect(second.connection).toBe('main');
  });
});

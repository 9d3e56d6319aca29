import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from '../../../src/platform/database/coalescing-writer.js';
import { controlledBatches, outcome, turn } from '../../support/controlled-batches.js';

/** A batch writer whose writes finish when the test says, recording each batch it was given. */
function controlledWriter(answer: (items: number[]) => number[] = (items) => items.map((item) => item * 10)) {
  const { calls: batches, run: write, next } = controlledBatches(answer);
  return { batches, write, next };
}

const refused = Object.assign(new Error('value out of range'), { code: '22003' });
const connectionLost = new Error('Connection terminated unexpectedly');

describe('a coalescing writer', () => {
  it('writes a lone item in a batch of its own, without waiting for more', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 10);
    const result = writer.write(1);
    (await db.next()).finish();
    await expect(result).resolves.toBe(10);
    expect(db.batches).toEqual([[1]]);
  });

  it('gathers items that arrive while a write is in flight into the next batch, answering each its own result', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 10);
    const first = writer.write(1);
    await turn();
    const later = [writer.write(2), writer.write(3), writer.write(4)];
    (await db.next()).finish();
    (await db.next()).finish();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
    expect(db.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('answers no caller before the batch holding its item has been written', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 10);
    let answered = false;
    void writer.write(1).then(() => (answered = true));
    const inFlight = await db.next();
    expect(answered).toBe(false);
    inFlight.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(true);
  });

  it('splits a queue longer than the batch cap into batches of at most the cap', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 2);
    const results = [1, 2, 3, 4, 5, 6].map((item) => writer.write(item));
    for (let batch = 0; batch < 3; batch++) (await db.next()).finish();
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30, 40, 50, 60]);
    expect(db.batches).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('writes the items asked in one turn of the event loop as one batch, the first not alone', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 10);
    const results = [1, 2, 3].map((item) => writer.write(item));
    (await db.next()).finish();
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30]);
    expect(db.batches).toEqual([[1, 2, 3]]);
  });

  it('rejects only the callers of a failed batch, and goes on writing the next one', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 10);
    const first = writer.write(1);
    await turn();
    const failing = [outcome(writer.write(2)), outcome(writer.write(3))];
    (await db.next()).finish();
    const second = await db.next();
    const after = writer.write(4);
    second.fail(connectionLost);
    (await db.next()).finish();
    await expect(first).resolves.toBe(10);
    expect(await Promise.all(failing)).toEqual([{ error: connectionLost }, { error: connectionLost }]);
    await expect(after).resolves.toBe(40);
    expect(db.batches).toEqual([[1], [2, 3], [4]]);
  });

  it('retries a batch refused for its rows item by item, so only the bad item fails', async () => {
    const db = controlledWriter();
    const writer = new CoalescingWriter(db.write, 10, (error) => error === refused);
    const first = writer.write(0);
    await turn();
    const batch = [1, 2, 3].map((item) => outcome(writer.write(item)));
    (await db.next()).finish();
    (await db.next()).fail(refused);
    (await db.next()).finish();
    (await db.next()).fail(refused);
    (await db.next()).finish();
    await first;
    expect(await Promise.all(batch)).toEqual([{ value: 10 }, { error: refused }, { value: 30 }]);
    expect(db.batches).toEqual([[0], [1, 2, 3], [1], [2], [3]]);
  });

  it('rejects a batch answered with the wrong number of results instead of misattributing them', async () => {
    const db = controlledWriter((items) => items.slice(1));
    const writer = new CoalescingWriter(db.write, 10);
    const result = outcome(writer.write(1));
    (await db.next()).finish();
    expect(await result).toEqual({ error: new Error('a batch of 1 items was answered with 0 results') });
  });

  it('refuses a batch cap that is not a positive integer', () => {
    expect(() => new CoalescingWriter(async (items: number[]) => items, 0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { CoalescingReader } from '../../../src/platform/database/coalescing-reader.js';
import { controlledBatches, outcome, turn } from '../../support/controlled-batches.js';

interface Row {
  key: string;
  value: number;
}

/** A table of rows whose reads finish when the test says, recording the keys of each read. */
function controlledTable(rows: Row[]) {
  // Answered in the table's order, not the keys': the reader must match rows by key.
  const { calls: reads, run: read, next } = controlledBatches<string, Row>((keys) => rows.filter((row) => keys.includes(row.key)));
  return { reads, read, next };
}

const table = [
  { key: 'a', value: 1 },
  { key: 'b', value: 2 },
  { key: 'c', value: 3 },
];

describe('a coalescing reader', () => {
  it('reads a lone key in a read of its own, without waiting for more', async () => {
    const db = controlledTable(table);
    const reader = new CoalescingReader(db.read, (row) => row.key, 10);
    const row = reader.read('b');
    (await db.next()).finish();
    await expect(row).resolves.toEqual({ key: 'b', value: 2 });
    expect(db.reads).toEqual([['b']]);
  });

  it('gathers keys asked while a read is in flight into the next read, answering each caller the row of its key', async () => {
    const db = controlledTable(table);
    const reader = new CoalescingReader(db.read, (row) => row.key, 10);
    const first = reader.read('a');
    await turn();
    const later = [reader.read('c'), reader.read('b')];
    (await db.next()).finish();
    (await db.next()).finish();
    await expect(first).resolves.toEqual({ key: 'a', value: 1 });
    await expect(Promise.all(later)).resolves.toEqual([
      { key: 'c', value: 3 },
      { key: 'b', value: 2 },
    ]);
    expect(db.reads).toEqual([['a'], ['c', 'b']]);
  });

  it('answers undefined to a caller whose key has no row, and their rows to the others of its read', async () => {
    const db = controlledTable(table);
    const reader = new CoalescingReader(db.read, (row) => row.key, 10);
    void reader.read('a');
    await turn();
    const missing = reader.read('z');
    const found = reader.read('c');
    (await db.next()).finish();
    (await db.next()).finish();
    await expect(missing).resolves.toBeUndefined();
    await expect(found).resolves.toEqual({ key: 'c', value: 3 });
  });

  it('asks a key wanted by several callers of one read once, answering each of them its row', async () => {
    const db = controlledTable(table);
    const reader = new CoalescingReader(db.read, (row) => row.key, 10);
    void reader.read('a');
    await turn();
    const twice = [reader.read('b'), reader.read('b')];
    (await db.next()).finish();
    (await db.next()).finish();
    await expect(Promise.all(twice)).resolves.toEqual([
      { key: 'b', value: 2 },
      { key: 'b', value: 2 },
    ]);
    expect(db.reads[1]).toEqual(['b']);
  });

  it('reads at most maxBatch keys at a time, the rest in the next read', async () => {
    const db = controlledTable(table);
    const reader = new CoalescingReader(db.read, (row) => row.key, 2);
    void reader.read('a');
    await turn();
    const later = [reader.read('a'), reader.read('b'), reader.read('c')];
    for (let read = 0; read < 3; read++) (await db.next()).finish();
    await expect(Promise.all(later)).resolves.toEqual(table);
    expect(db.reads).toEqual([['a'], ['a', 'b'], ['c']]);
  });

  it('rejects the callers of a failed read only, and reads the next keys as usual', async () => {
    const db = controlledTable(table);
    const reader = new CoalescingReader(db.read, (row) => row.key, 10);
    const failed = outcome(reader.read('a'));
    await turn();
    const next = reader.read('b');
    (await db.next()).fail(new Error('Connection terminated unexpectedly'));
    (await db.next()).finish();
    expect(await failed).toEqual({ error: new Error('Connection terminated unexpectedly') });
    await expect(next).resolves.toEqual({ key: 'b', value: 2 });
  });
});

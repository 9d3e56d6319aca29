import { CoalescingWriter } from './coalescing-writer.js';

/**
 * Group reads by key: keys asked while a read is in flight share the next one, so a burst of
 * requests pays one statement (`WHERE key = ANY($1)`) for many keys instead of one each. Each
 * caller gets the row of its own key, or undefined when there is none. It queues as the
 * CoalescingWriter does (arrival order, at most `maxBatch` keys a statement); a failed read
 * rejects the callers of its batch only.
 *
 * `readBatch` gets distinct keys and answers the rows it found, in any order; `keyOf` tells
 * which key a row answers.
 */
export class CoalescingReader<Key, Row> {
  private readonly batches: CoalescingWriter<Key, Row | undefined>;

  constructor(readBatch: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key, maxBatch: number) {
    this.batches = new CoalescingWriter(async (keys) => {
      const rows = await readBatch([...new Set(keys)]);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key));
    }, maxBatch);
  }

  read(key: Key): Promise<Row | undefined> {
    return this.batches.write(key);
  }
}

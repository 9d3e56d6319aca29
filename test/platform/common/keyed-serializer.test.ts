import { describe, expect, it } from 'vitest';
import { KeyedSerializer } from '../../../src/platform/common/keyed-serializer.js';

/** A promise with its resolve and reject in hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedSerializer', () => {
  it('starts a task of a key only after the previous one of that key settled, in arrival order', async () => {
    const serializer = new KeyedSerializer();
    const started: string[] = [];
    const first = deferred();
    const second = deferred();
    const a = serializer.run('account', () => (started.push('first'), first.promise));
    const b = serializer.run('account', () => (started.push('second'), second.promise));
    const c = serializer.run('account', async () => void started.push('third'));
    await settle();
    expect(started).toEqual(['first']);
    first.resolve();
    await settle();
    expect(started).toEqual(['first', 'second']);
    second.resolve();
    await Promise.all([a, b, c]);
    expect(started).toEqual(['first', 'second', 'third']);
  });

  it('runs tasks of different keys side by side', async () => {
    const serializer = new KeyedSerializer();
    const blocked = deferred();
    const started: string[] = [];
    const a = serializer.run('one', () => (started.push('one'), blocked.promise));
    await serializer.run('two', async () => void started.push('two'));
    expect(started).toEqual(['one', 'two']);
    blocked.resolve();
    await a;
  });

  it("passes a task's failure to its caller only, and goes on with the next task", async () => {
    const serializer = new KeyedSerializer();
    const failing = serializer.run('account', () => Promise.reject(new Error('wrong password')));
    const next = serializer.run('account', async () => 'admitted');
    await expect(failing).rejects.toThrow('wrong password');
    await expect(next).resolves.toBe('admitted');
  });

  it('forgets a key once its queue is empty', async () => {
    const serializer = new KeyedSerializer();
    await serializer.run('account', async () => undefined);
    await settle();
    expect(serializer.busyKeys).toBe(0);
  });
});

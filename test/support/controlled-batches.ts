/**
 * A batch operation (a read or a write of many items) whose calls finish when the test says:
 * `calls` records each call's items, `next()` waits a turn and hands over the oldest unfinished
 * call, to finish (with `answer` of its items) or fail.
 */
export function controlledBatches<Item, Result>(answer: (items: Item[]) => Result[]) {
  const calls: Item[][] = [];
  const pending: { finish: () => void; fail: (error: Error) => void }[] = [];
  const run = (items: Item[]) => {
    calls.push(items);
    return new Promise<Result[]>((resolve, reject) => {
      pending.push({ finish: () => resolve(answer(items)), fail: reject });
    });
  };
  const next = async () => {
    await turn();
    return pending.shift()!;
  };
  return { calls, run, next };
}

/** Its outcome, observed from the start so that a rejection before the test looks is not unhandled. */
export const outcome = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

/** One turn of the event loop: a batch asked for before it has started by the end of it. */
export const turn = () => new Promise((resolve) => setImmediate(resolve));

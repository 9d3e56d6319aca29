import pg from 'pg';

type Query = (...args: unknown[]) => unknown;

/** A callback or a submittable (a COPY stream, a cursor) goes straight to pg; only promise calls queue. */
const isPromiseCall = (args: unknown[]) => typeof args.at(-1) !== 'function' && typeof (args[0] as { submit?: unknown } | null)?.submit !== 'function';

/**
 * A pg client that sends promise-form queries one after another. Prisma's pg adapter runs a
 * transaction's relation loads in parallel on its single connection, which leans on pg's internal
 * query queue: deprecated since pg 8.19 and an error in pg 9. Waiting here keeps the same order
 * and the same transaction semantics without that queue.
 */
export class SequentialClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const send = this.query.bind(this) as Query;
    let previous: Promise<unknown> = Promise.resolve();
    const query: Query = (...args) => {
      if (!isPromiseCall(args)) return send(...args);
      const result = previous.then(() => send(...args));
      previous = result.catch(() => undefined);
      return result;
    };
    this.query = query as pg.Client['query'];
  }
}

/**
 * Worker thread of trainRandomForest: receives the binned training set once (workerData, its
 * large arrays on SharedArrayBuffers), grows each tree index it is sent and posts the tree back;
 * on `finish` it posts its out-of-bag prediction sums.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { treeSeed } from './random.js';
import { type GrownTree, type OutOfBag, TreeBuilder, type TreeParams, type TreeTrainingData } from './tree-builder.js';

export interface ForestWorkerData {
  /** Marks the thread as a forest worker (the module does nothing in other threads). */
  role: 'forest-worker';
  data: TreeTrainingData;
  params: TreeParams;
  seed: number;
}

/** To the worker: a tree index to grow, or `finish`. */
export type ForestWorkerRequest = number | 'finish';

/** From the worker: a grown tree, or (after `finish`) the out-of-bag sums of all its trees. */
export type ForestWorkerReply = { treeIndex: number; grown: GrownTree } | { outOfBag: OutOfBag | undefined };

/** The buffers of a grown tree, to transfer rather than copy. */
export function grownTreeBuffers({ tree, importances }: GrownTree): ArrayBuffer[] {
  return [tree.feature, tree.threshold, tree.left, tree.right, tree.value, importances].map((view) => view.buffer as ArrayBuffer);
}

if (parentPort && (workerData as Partial<ForestWorkerData> | null)?.role === 'forest-worker') {
  const port = parentPort;
  const { data, params, seed } = workerData as ForestWorkerData;
  const builder = new TreeBuilder(data, params);
  port.on('message', (request: ForestWorkerRequest) => {
    if (request === 'finish') {
      const outOfBag = builder.outOfBag();
      const reply: ForestWorkerReply = { outOfBag };
      port.postMessage(reply, outOfBag ? [outOfBag.sums.buffer as ArrayBuffer, outOfBag.trees.buffer as ArrayBuffer] : []);
      return;
    }
    const grown = builder.grow(treeSeed(seed, request));
    const reply: ForestWorkerReply = { treeIndex: request, grown };
    port.postMessage(reply, grownTreeBuffers(grown));
  });
}

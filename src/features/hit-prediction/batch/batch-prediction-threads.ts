import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { compiledWorkerScript } from '../../../platform/common/worker-script.js';
import { AppConfig } from '../../../platform/config/app-config.js';
import type { BatchJob, BatchReply, BatchWorkerData } from './batch-prediction-worker.js';

interface Pending {
  job: BatchJob;
  resolve: (reply: BatchReply) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** The job it is working on. */
  current?: Pending;
  /** Why it stopped, when an uncaught error stopped it. */
  failure?: Error;
  /** Stops it after IDLE_THREAD_MS without a job. */
  idleTimer?: NodeJS.Timeout;
  /** Being stopped for idleness: takes no more jobs. */
  retiring?: boolean;
}

/**
 * How long a thread may wait for a job before it is stopped: each holds a V8 heap of its own
 * (about 40 MB under load), which a server that saw one batch should not keep. The next batch
 * starts a new one (a few hundred milliseconds).
 */
const IDLE_THREAD_MS = 30_000;

/**
 * A thread's young generation (V8's default here: 48 MB): each batch's rows and their validated
 * copies are short-lived garbage, and a smaller nursery only collects them more often. Under six
 * clients looping 10,000-row batches the thread's heap stays at about 40 MB instead of 65–71 MB,
 * with no fewer rows/s (docs/benchmarks.md, "Batch predictions: the memory under load").
 */
const THREAD_YOUNG_GENERATION_MB = 8;

/**
 * The worker threads of batch predictions (BATCH_PREDICTION_THREADS of them, started on the first
 * batch, stopped after IDLE_THREAD_MS without one): jobs wait in one queue and go to the next free
 * thread. A thread that dies fails its job and is replaced by the next job.
 */
@Injectable()
export class BatchPredictionThreads implements OnModuleDestroy {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  run(model: BatchJob['model'], input: BatchJob['input'], explain = false): Promise<BatchReply> {
    if (this.closed) return Promise.reject(new Error('the batch prediction threads are shut down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, model, input, explain }, resolve, reject });
      this.dispatch();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the server is shutting down'));
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread =
        this.threads.find((candidate) => !candidate.current && !candidate.retiring) ??
        (this.threads.length < this.config.BATCH_PREDICTION_THREADS ? this.start() : undefined);
      if (!thread) return;
      clearTimeout(thread.idleTimer);
      thread.current = this.queue.shift()!;
      thread.worker.postMessage(thread.current.job, 'packed' in thread.current.job.input ? [thread.current.job.input.packed.buffer as ArrayBuffer] : []);
    }
  }

  private start(): Thread {
    const workerData: BatchWorkerData = { role: 'batch-prediction-worker' };
    const thread: Thread = {
      worker: new Worker(compiledWorkerScript('features/hit-prediction/batch/batch-prediction-worker.js'), {
        workerData,
        resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
      }),
    };
    // An idle thread does not keep the process alive.
    thread.worker.unref();
    thread.worker.on('message', (reply: BatchReply) => {
      const pending = thread.current;
      thread.current = undefined;
      pending?.resolve(reply);
      this.dispatch();
      if (!thread.current) this.retireWhenIdle(thread);
    });
    thread.worker.on('error', (error) => (thread.failure = error));
    thread.worker.on('exit', (code) => {
      clearTimeout(thread.idleTimer);
      this.threads.splice(this.threads.indexOf(thread), 1);
      thread.current?.reject(new Error(`the batch prediction thread stopped (exit code ${code}${thread.failure ? `: ${thread.failure.message}` : ''})`));
      if (!this.closed) this.dispatch();
    });
    this.threads.push(thread);
    return thread;
  }

  private retireWhenIdle(thread: Thread): void {
    clearTimeout(thread.idleTimer);
    thread.idleTimer = setTimeout(() => {
      if (thread.current || this.closed) return;
      // The exit event removes it; a job arriving meanwhile waits for it, then starts a new thread.
      thread.retiring = true;
      void thread.worker.terminate();
    }, IDLE_THREAD_MS);
    thread.idleTimer.unref();
  }
}

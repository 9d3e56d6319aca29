import { OnnxForest } from './onnx-model.js';

interface Pending {
  features: Float32Array;
  rows: number;
  resolve: (probabilities: Float32Array) => void;
  reject: (error: unknown) => void;
}

/**
 * One loaded ONNX forest, shared by concurrent callers: while a run is in flight, the requests
 * that arrive wait and then go together in one run() (no added latency when idle, one native
 * call for many rows under load). Releasing waits for the runs in flight.
 */
export class ModelRunner {
  private queue: Pending[] = [];
  private running = false;
  private releasing = false;
  private idle?: () => void;

  private constructor(
    readonly forest: OnnxForest,
    readonly featureCount: number,
    readonly classCount: number,
  ) {}

  static async load(pathOrBytes: string | Uint8Array): Promise<ModelRunner> {
    const forest = await OnnxForest.load(pathOrBytes);
    return new ModelRunner(forest, forest.featureCount, forest.classCount);
  }

  /** Class probabilities of `rows` rows (row-major features), `rows × classCount`. */
  run(features: Float32Array, rows: number): Promise<Float32Array> {
    if (this.releasing) return Promise.reject(new Error('the model is being replaced'));
    if (features.length !== rows * this.featureCount) {
      return Promise.reject(new RangeError(`expected ${rows} × ${this.featureCount} feature values, got ${features.length}`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ features, rows, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /**
   * A large batch as consecutive runs of at most `chunkRows` rows, each awaited before the next is
   * queued: onnxruntime-node runs synchronously on the calling thread, so one 10,000-row run would
   * hold the event loop for about 60 ms, a 500-row chunk about 3 ms. Each row's probabilities
   * are the same whatever rows share its run.
   */
  async runInChunks(features: Float32Array, rows: number, chunkRows: number): Promise<Float32Array> {
    if (features.length !== rows * this.featureCount) throw new RangeError(`expected ${rows} × ${this.featureCount} feature values, got ${features.length}`);
    const probabilities = new Float32Array(rows * this.classCount);
    for (let start = 0; start < rows; start += chunkRows) {
      const count = Math.min(chunkRows, rows - start);
      const chunk = features.subarray(start * this.featureCount, (start + count) * this.featureCount);
      probabilities.set(await this.run(chunk, count), start * this.classCount);
    }
    return probabilities;
  }

  /** Whether {@link release} was called: runs are refused from then on. */
  get isReleasing(): boolean {
    return this.releasing;
  }

  /** Waits for the runs in flight, then frees the native session. */
  async release(): Promise<void> {
    this.releasing = true;
    if (this.running) await new Promise<void>((resolve) => (this.idle = resolve));
    await this.forest.release();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const rows = batch.reduce((sum, pending) => sum + pending.rows, 0);
      const features = new Float32Array(rows * this.featureCount);
      let offset = 0;
      for (const pending of batch) {
        features.set(pending.features, offset);
        offset += pending.features.length;
      }
      try {
        const probabilities = await this.forest.run(features, rows);
        let row = 0;
        for (const pending of batch) {
          pending.resolve(probabilities.slice(row * this.classCount, (row + pending.rows) * this.classCount));
          row += pending.rows;
        }
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.running = false;
    this.idle?.();
  }
}

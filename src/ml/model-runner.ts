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

import { readFile } from 'node:fs/promises';
import { readOnnxShape, type OnnxShape } from './onnx-forest-reader.js';
import { OnnxForest } from './onnx-model.js';

interface Pending {
  features: Float32Array;
  rows: number;
  resolve: (probabilities: Float32Array) => void;
  reject: (error: unknown) => void;
}

/**
 * One ONNX forest, shared by concurrent callers: while a run is in flight, the requests that
 * arrive wait and then go together in one run() (no added latency when idle, one native call for
 * many rows under load). Its onnxruntime session is opened by the first run, not when the runner
 * is made: a session of the shipped hit model holds about 30 MB besides onnxruntime's library,
 * which a server answering only explained predictions (the TypeScript forest) never needs.
 * Releasing waits for the runs in flight.
 */
export class ModelRunner {
  private queue: Pending[] = [];
  private running = false;
  private releasing = false;
  private idle?: () => void;
  private forest?: Promise<OnnxForest>;

  private constructor(
    private readonly source: string | Uint8Array,
    readonly featureCount: number,
    readonly classCount: number,
  ) {}

  /**
   * A runner of a model file (path) or its bytes, its shape read from them now: a file cut
   * short, or not an ONNX forest, throws here rather than at the first run.
   */
  static async load(pathOrBytes: string | Uint8Array): Promise<ModelRunner> {
    const bytes = typeof pathOrBytes === 'string' ? await readFile(pathOrBytes) : pathOrBytes;
    let shape: OnnxShape;
    try {
      shape = readOnnxShape(bytes);
    } catch (error) {
      const file = typeof pathOrBytes === 'string' ? pathOrBytes : 'the model bytes';
      throw new Error(`${file} is not a readable ONNX forest (${(error as Error).message})`, { cause: error });
    }
    return new ModelRunner(pathOrBytes, shape.featureCount, shape.classCount);
  }

  /** Whether the onnxruntime session has been opened (by a run). */
  get opened(): boolean {
    return this.forest !== undefined;
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
    await this.forest?.then(
      (forest) => forest.release(),
      () => undefined,
    );
  }

  /** The session, checked against the shape read from the file; a failed open is tried again by the next run. */
  private async openSession(): Promise<OnnxForest> {
    try {
      const forest = await OnnxForest.load(this.source);
      if (forest.featureCount !== this.featureCount || forest.classCount !== this.classCount) {
        await forest.release();
        throw new Error(
          `onnxruntime reads ${forest.featureCount} features and ${forest.classCount} classes, the file states ${this.featureCount} and ${this.classCount}`,
        );
      }
      return forest;
    } catch (error) {
      this.forest = undefined;
      throw error;
    }
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
        this.forest ??= this.openSession();
        const probabilities = await (await this.forest).run(features, rows);
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

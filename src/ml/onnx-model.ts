/**
 * Runs a forest exported by {@link exportForestToOnnx} with onnxruntime-node: one
 * InferenceSession per model, returning class probabilities only (the ONNX `label` output is
 * unreliable for two classes; derive labels from the probabilities).
 */
import { readFile } from 'node:fs/promises';
import type * as OnnxRuntime from 'onnxruntime-node';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { ONNX_PROBABILITIES_OUTPUT } from './onnx-export.js';
import { readOnnxShape, type OnnxShape } from './onnx-forest-reader.js';

/**
 * onnxruntime-node, imported when the first session is made: its native library is about 22 MB
 * of resident memory, which a process that never runs a model (the CLI's imports, a server that
 * only explains) does not need.
 */
let runtime: Promise<typeof OnnxRuntime> | undefined;
const onnxruntime = () => (runtime ??= import('onnxruntime-node'));

export interface OnnxForestOptions {
  /**
   * Threads of one `run`. 1 (the default) gives the lowest single-row latency and lets
   * concurrent requests use the other cores; more only helps large batches.
   */
  intraOpNumThreads?: number;
}

function positiveDim(dim: number | string | undefined): number | undefined {
  return typeof dim === 'number' && Number.isInteger(dim) && dim > 0 ? dim : undefined;
}

/** Feature and class counts from the session's metadata, when it states them as numbers. */
function shapeFromSession(session: InferenceSession, inputName: string): Partial<OnnxShape> {
  const input = session.inputMetadata.find((value) => value.name === inputName);
  const output = session.outputMetadata.find((value) => value.name === ONNX_PROBABILITIES_OUTPUT);
  return {
    featureCount: input?.isTensor ? positiveDim(input.shape[1]) : undefined,
    classCount: output?.isTensor ? positiveDim(output.shape[1]) : undefined,
  };
}

export class OnnxForest {
  private released = false;

  private constructor(
    private readonly session: InferenceSession,
    private readonly tensor: typeof Tensor,
    private readonly inputName: string,
    /** Number of features per row, the model input's second dimension. */
    readonly featureCount: number,
    /** Number of columns of {@link run}'s output, in the order of the model's classes. */
    readonly classCount: number,
  ) {}

  /** Loads a model file (path) or its bytes, as written by `exportForestToOnnx`. */
  static async load(pathOrBytes: string | Uint8Array, options: OnnxForestOptions = {}): Promise<OnnxForest> {
    const sessionOptions: InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      intraOpNumThreads: options.intraOpNumThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    };
    const ort = await onnxruntime();
    const session =
      typeof pathOrBytes === 'string'
        ? await ort.InferenceSession.create(pathOrBytes, sessionOptions)
        : await ort.InferenceSession.create(pathOrBytes, sessionOptions);
    try {
      if (session.inputNames.length !== 1) throw new Error(`expected one model input, found ${session.inputNames.length}`);
      if (!session.outputNames.includes(ONNX_PROBABILITIES_OUTPUT)) {
        throw new Error(`the model has no "${ONNX_PROBABILITIES_OUTPUT}" output (outputs: ${session.outputNames.join(', ')})`);
      }
      const inputName = session.inputNames[0]!;
      let { featureCount, classCount } = shapeFromSession(session, inputName);
      if (featureCount === undefined || classCount === undefined) {
        // The same counts from the file itself (its one input's dim 1, the classifier's labels; it throws naming what is missing).
        const fromFile = readOnnxShape(typeof pathOrBytes === 'string' ? await readFile(pathOrBytes) : pathOrBytes);
        featureCount ??= fromFile.featureCount;
        classCount ??= fromFile.classCount;
      }
      return new OnnxForest(session, ort.Tensor, inputName, featureCount, classCount);
    } catch (error) {
      await session.release();
      throw error;
    }
  }

  /**
   * Class probabilities of `rows` rows (row-major `rows × featureCount` float32 features), as
   * `rows × classCount`. Derive labels by argmax over each row, never from the ONNX `label`.
   */
  async run(features: Float32Array, rows: number): Promise<Float32Array> {
    if (this.released) throw new Error('the ONNX session was released');
    if (!Number.isInteger(rows) || rows < 0) throw new Error(`rows must be a non-negative integer, got ${rows}`);
    if (features.length !== rows * this.featureCount) {
      throw new Error(`expected ${rows} × ${this.featureCount} = ${rows * this.featureCount} feature values, got ${features.length}`);
    }
    if (rows === 0) return new Float32Array(0);
    const input = new this.tensor('float32', features, [rows, this.featureCount]);
    const outputs = await this.session.run({ [this.inputName]: input }, [ONNX_PROBABILITIES_OUTPUT]);
    const probabilities = outputs[ONNX_PROBABILITIES_OUTPUT];
    if (probabilities === undefined || !(probabilities.data instanceof Float32Array)) {
      throw new Error(`the model returned no float "${ONNX_PROBABILITIES_OUTPUT}"`);
    }
    if (probabilities.data.length !== rows * this.classCount) {
      throw new Error(`expected ${rows * this.classCount} probabilities, got ${probabilities.data.length}`);
    }
    return probabilities.data;
  }

  /** Frees the native session; `run` throws afterwards. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.session.release();
  }
}

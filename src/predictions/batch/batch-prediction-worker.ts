/**
 * Worker thread of batch predictions: reads a job's CSV or rows, validates each row, and runs
 * the hit model on the valid ones with an onnxruntime session of its own, so none of that
 * (about 0.3 s of CPU for 10,000 rows) blocks the server's event loop. The session is loaded
 * on the first job naming a model file and replaced when a job names another (a newly activated
 * version); jobs run one at a time.
 */
import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvUploadError } from '../../common/csv-upload.js';
import { featureMatrix, type HitModelFile } from '../../hit-model/hit-probabilities.js';
import { OnnxForest } from '../../ml/onnx-model.js';
import { parseBatchCsv } from '../batch-csv.js';
import { MAX_BATCH_ROWS } from '../dto/batch-prediction.dto.js';
import { checkBatchRows, type CheckedRows } from './batch-rows.js';
import { unpackRows } from './packed-rows.js';

export interface BatchWorkerData {
  /** Marks the thread as a batch-prediction worker (the module does nothing in other threads). */
  role: 'batch-prediction-worker';
}

export interface BatchJob {
  id: number;
  /** The model in use when the job was sent; undefined while none is loaded. */
  model: HitModelFile | undefined;
  /** JSON rows (packed by `packRows` when they allow it, transferred), or the bytes of an uploaded CSV. */
  input: { rows: unknown[] } | { packed: Float64Array } | { csv: Uint8Array };
}

export type BatchReply = { id: number } & (
  | {
      outcome: 'predicted';
      rowCount: number;
      errors: CheckedRows['errors'];
      /** `valid rows × 2` class probabilities (transferred, not copied). */
      probabilities: Float32Array;
      runSeconds: number;
      warnings: string[];
    }
  /** Valid rows, but no model to run them. */
  | { outcome: 'unavailable'; validRows: number }
  | { outcome: 'bad-request'; message: string }
  | { outcome: 'failed'; message: string }
);

let session: { onnxPath: string; forest: OnnxForest } | undefined;

async function forestFor(onnxPath: string): Promise<OnnxForest> {
  if (session?.onnxPath === onnxPath) return session.forest;
  const previous = session;
  session = undefined;
  await previous?.forest.release();
  session = { onnxPath, forest: await OnnxForest.load(onnxPath) };
  return session.forest;
}

function rowsOf(input: BatchJob['input']): { rows: unknown[]; warnings: string[] } {
  if ('csv' in input) return parseBatchCsv(Buffer.from(input.csv.buffer, input.csv.byteOffset, input.csv.byteLength), MAX_BATCH_ROWS);
  return { rows: 'packed' in input ? unpackRows(input.packed) : input.rows, warnings: [] };
}

async function predict({ id, model, input }: BatchJob): Promise<BatchReply> {
  const { rows, warnings } = rowsOf(input);
  const { valid, errors } = checkBatchRows(rows);
  if (valid.length > 0 && !model) return { id, outcome: 'unavailable', validRows: valid.length };
  let probabilities = new Float32Array(0);
  let runSeconds = 0;
  if (valid.length > 0 && model) {
    const features = featureMatrix(valid, model.features);
    const forest = await forestFor(model.onnxPath);
    const started = performance.now();
    // A copy of our own: onnxruntime's output buffer is not ours to transfer.
    probabilities = (await forest.run(features, valid.length)).slice();
    runSeconds = (performance.now() - started) / 1000;
  }
  return { id, outcome: 'predicted', rowCount: rows.length, errors, probabilities, runSeconds, warnings };
}

async function answer(job: BatchJob): Promise<BatchReply> {
  try {
    return await predict(job);
  } catch (error) {
    if (error instanceof CsvUploadError || (error instanceof HttpException && error.getStatus() === 400)) return { id: job.id, outcome: 'bad-request', message: error.message };
    return { id: job.id, outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort && (workerData as Partial<BatchWorkerData> | null)?.role === 'batch-prediction-worker') {
  const port = parentPort;
  let queue = Promise.resolve();
  port.on('message', (job: BatchJob) => {
    queue = queue.then(async () => {
      const reply = await answer(job);
      port.postMessage(reply, reply.outcome === 'predicted' ? [reply.probabilities.buffer as ArrayBuffer] : []);
    });
  });
}

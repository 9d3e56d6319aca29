/**
 * Worker thread of batch predictions: reads a job's CSV or rows, validates each row, and builds
 * the valid rows' features for the job's model version, so none of that (about 40 ms of CPU for
 * 10,000 rows) blocks the server's event loop. The model itself runs on the server's one session
 * (HitPredictorService.runBatch, in chunks): a session here would hold another copy of the
 * forest, about 25 MB, for the thread's life. Jobs run one at a time.
 */
import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvUploadError } from '../../../platform/common/csv-upload.js';
import { readFileSync } from 'node:fs';
import { HitExplainer } from '../model/hit-explainer.js';
import type { HitModelFile } from '../model/hit-probabilities.js';
import { parseBatchCsv } from '../batch-csv.js';
import { MAX_BATCH_ROWS } from '../dto/batch-prediction.dto.js';
import { checkBatchRows, checkedOutcome, checkExplainedRows, listedRows, type BatchOutcome, type BatchRows } from './batch-rows.js';
import { packedRows } from './packed-rows.js';

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
  /** Explain each valid row (?explain=true): here, off the event loop, about 3 ms of CPU a row. */
  explain: boolean;
}

export type BatchReply = { id: number } & BatchOutcome;

function rowsOf(input: BatchJob['input']): { rows: BatchRows; warnings: string[] } {
  if ('csv' in input) {
    const { rows, warnings } = parseBatchCsv(Buffer.from(input.csv.buffer, input.csv.byteOffset, input.csv.byteLength), MAX_BATCH_ROWS);
    return { rows: listedRows(rows), warnings };
  }
  return { rows: 'packed' in input ? packedRows(input.packed) : listedRows(input.rows), warnings: [] };
}

/** The last version's explainer: made once per version this thread explains for, from its file. */
let explainerOf: { version: string; explainer: HitExplainer | undefined } | undefined;

function explainerFor(model: HitModelFile): HitExplainer | undefined {
  if (explainerOf?.version !== model.version) {
    let explainer: HitExplainer | undefined;
    try {
      explainer = HitExplainer.fromOnnx(readFileSync(model.onnxPath), model.features, model.hitColumn);
    } catch {
      // A file whose cover does not read predicts without explanations, as on the server's thread.
      explainer = undefined;
    }
    explainerOf = { version: model.version, explainer };
  }
  return explainerOf.explainer;
}

function prepare({ model, input, explain }: BatchJob): BatchOutcome {
  const { rows, warnings } = rowsOf(input);
  if (explain) checkExplainedRows(rows.count);
  const checked = checkBatchRows(rows, model?.features ?? [], { keepValid: explain });
  const outcome = checkedOutcome(checked, rows.count, model, warnings);
  if (outcome.outcome === 'predicted' && explain && model) outcome.explained = explainerFor(model)?.explainAll(checked.valid) ?? null;
  return outcome;
}

function answer(job: BatchJob): BatchReply {
  try {
    return { id: job.id, ...prepare(job) };
  } catch (error) {
    if (error instanceof CsvUploadError || (error instanceof HttpException && error.getStatus() === 400))
      return { id: job.id, outcome: 'bad-request', message: error.message };
    return { id: job.id, outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort && (workerData as Partial<BatchWorkerData> | null)?.role === 'batch-prediction-worker') {
  const port = parentPort;
  port.on('message', (job: BatchJob) => {
    const reply = answer(job);
    port.postMessage(reply, reply.outcome === 'predicted' ? [reply.features.buffer as ArrayBuffer] : []);
  });
}

import { BadRequestException, Injectable } from '@nestjs/common';
import { HIT_MODEL_NAME } from './model/hit-features.js';
import { HitPredictorService } from './model/hit-predictor.service.js';
import { hitPredictions, type HitModelFile, type HitPrediction } from './model/hit-probabilities.js';
import { KeyedSerializer } from '../../platform/common/keyed-serializer.js';
import { recordPrediction } from '../../platform/metrics/prediction-metrics.js';
import { BatchPredictionThreads } from './batch/batch-prediction-threads.js';
import type { BatchJob } from './batch/batch-prediction-worker.js';
import { batchResults, checkBatchRowsInSlices, checkedOutcome, checkExplainedRows, type BatchOutcome } from './batch/batch-rows.js';
import { packedRows, packRows } from './batch/packed-rows.js';
import type { BatchPredictionResultDto } from './dto/batch-prediction.dto.js';
import type { ManualPredictionDto, ManualPredictionResultDto } from './dto/manual-prediction.dto.js';

/** Packed rows checked on the event loop at a time (see batchHere): about a millisecond. */
const CHECK_SLICE_ROWS = 1000;
const ON_THE_EVENT_LOOP = 'event-loop';

@Injectable()
export class PredictionsService {
  /**
   * Batches take their turns on the event loop (checks, model runs, answers) one at a time: each
   * turn is short, but six batches' turns side by side made every loop iteration wait for all of
   * them, and other requests with it.
   */
  private readonly oneAtATime = new KeyedSerializer();

  constructor(
    private readonly predictor: HitPredictorService,
    private readonly threads: BatchPredictionThreads,
  ) {}

  async manual(features: ManualPredictionDto): Promise<ManualPredictionResultDto> {
    const result = await this.predictor.predict({ ...features });
    const { prediction, confidence, probabilities } = result;
    return {
      prediction,
      confidence,
      probabilities,
      model_version: result.modelVersion,
      raw_probability: result.rawProbability,
      calibrated: result.calibrated,
      explanation: result.explanation ?? null,
    };
  }

  /** A CSV upload: read as rows, then predicted as a batch; a file that is not such a CSV is a 400. */
  batchCsv(file: Buffer, explain = false): Promise<BatchPredictionResultDto> {
    return this.batchInThread({ csv: file }, explain);
  }

  /** Each row validated on its own: a bad row gets an error, the others their prediction, in one model run. */
  batch(rows: unknown[], explain = false): Promise<BatchPredictionResultDto> {
    if (explain) checkExplainedRows(rows.length);
    const packed = packRows(rows);
    if (!packed) return this.batchInThread({ rows }, explain);
    // The request's body no longer holds 10,000 objects while the batch waits.
    rows.length = 0;
    return explain ? this.batchInThread({ packed }, explain) : this.batchHere(packed);
  }

  /**
   * Rows of numbers, not explained (what clients normally send): checked here, CHECK_SLICE_ROWS at
   * a time, since the compiled check vouches for such a row in about a microsecond; a thread's
   * heap (about 40 MB) is kept for the slower work.
   */
  private batchHere(packed: Float64Array): Promise<BatchPredictionResultDto> {
    return this.oneAtATime.run(ON_THE_EVENT_LOOP, async () => {
      const model = this.predictor.modelFile;
      const rows = packedRows(packed);
      const checked = await checkBatchRowsInSlices(rows, model?.features ?? [], CHECK_SLICE_ROWS);
      return this.answer(model, checkedOutcome(checked, rows.count, model, []));
    });
  }

  /**
   * Rows that need class-validator's copies, a CSV to read or explanations (about 3 ms of CPU a
   * row) go to a worker thread, which would otherwise stall every other request.
   */
  private async batchInThread(input: BatchJob['input'], explain: boolean): Promise<BatchPredictionResultDto> {
    const model = this.predictor.modelFile;
    const reply = await this.threads.run(model, input, explain);
    return this.oneAtATime.run(ON_THE_EVENT_LOOP, () => this.answer(model, reply));
  }

  /** The model runs on the valid rows' features in chunks (a few ms of the event loop each) and the answer is assembled. */
  private async answer(model: HitModelFile | undefined, reply: BatchOutcome): Promise<BatchPredictionResultDto> {
    if (reply.outcome === 'bad-request') throw new BadRequestException(reply.message);
    if (reply.outcome === 'unavailable') {
      recordPrediction(HIT_MODEL_NAME, reply.validRows, 0, 'unavailable');
      throw this.predictor.unavailable();
    }
    if (reply.outcome === 'failed') {
      recordPrediction(HIT_MODEL_NAME, 1, 0, 'error');
      throw new Error(`batch prediction failed in its worker thread: ${reply.message}`);
    }
    let predictions: HitPrediction[] = [];
    if (model && reply.validRows > 0) {
      const { probabilities, runSeconds } = await this.runBatch(model, reply.features, reply.validRows);
      predictions = hitPredictions(probabilities, reply.validRows, {
        modelVersion: model.version,
        hitColumn: model.hitColumn,
        calibration: model.calibration,
        ...(reply.explained !== undefined && { explained: reply.explained }),
      });
      recordPrediction(
        HIT_MODEL_NAME,
        predictions.length,
        runSeconds,
        'success',
        predictions.map((row) => row.prediction),
      );
    }
    const result = {
      results: batchResults(reply.rowCount, reply.errors, predictions),
      model_version: model?.version ?? this.predictor.card?.version ?? '',
      calibrated: (model ? model.calibration : this.predictor.card?.calibration) !== undefined,
    };
    return reply.warnings.length > 0 ? { ...result, warnings: reply.warnings } : result;
  }

  private async runBatch(model: HitModelFile, features: Float32Array, rows: number): Promise<{ probabilities: Float32Array; runSeconds: number }> {
    try {
      return await this.predictor.runBatch(model, features, rows);
    } catch (error) {
      recordPrediction(HIT_MODEL_NAME, 1, 0, 'error');
      throw error;
    }
  }
}

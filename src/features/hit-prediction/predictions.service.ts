import { BadRequestException, Injectable } from '@nestjs/common';
import { HIT_MODEL_NAME } from './model/hit-features.js';
import { HitPredictorService } from './model/hit-predictor.service.js';
import { hitPredictions, type HitModelFile, type HitPrediction } from './model/hit-probabilities.js';
import { recordPrediction } from '../../platform/metrics/prediction-metrics.js';
import { BatchPredictionThreads } from './batch/batch-prediction-threads.js';
import type { BatchJob } from './batch/batch-prediction-worker.js';
import { batchResults, checkExplainedRows } from './batch/batch-rows.js';
import { packRows } from './batch/packed-rows.js';
import type { BatchPredictionResultDto } from './dto/batch-prediction.dto.js';
import type { ManualPredictionDto, ManualPredictionResultDto } from './dto/manual-prediction.dto.js';

@Injectable()
export class PredictionsService {
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
    // The request's body no longer holds 10,000 objects while the batch waits for the thread.
    rows.length = 0;
    return this.batchInThread({ packed }, explain);
  }

  /**
   * Reading and validation happen in a worker thread (10,000 rows take about 40 ms of CPU, which
   * would stall every other request); here the model runs on the valid rows' features in chunks
   * (a few ms of the event loop each) and the answer is assembled.
   */
  private async batchInThread(input: BatchJob['input'], explain: boolean): Promise<BatchPredictionResultDto> {
    const model = this.predictor.modelFile;
    const reply = await this.threads.run(model, input, explain);
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

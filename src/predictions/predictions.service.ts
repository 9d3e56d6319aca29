import { CsvUploadError } from '../common/csv-upload.js';
import { BadRequestException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '../common/http/validation.js';
import { HitPredictorService, type HitPrediction } from '../hit-model/hit-predictor.service.js';
import { parseBatchCsv, type BatchCsv } from './batch-csv.js';
import { MAX_BATCH_ROWS, type BatchPredictionResultDto, type BatchRowResultDto } from './dto/batch-prediction.dto.js';
import { ManualPredictionDto, type ManualPredictionResultDto } from './dto/manual-prediction.dto.js';

const toResult = ({ prediction, confidence, probabilities }: HitPrediction) => ({ prediction, confidence, probabilities });

@Injectable()
export class PredictionsService {
  constructor(private readonly predictor: HitPredictorService) {}

  async manual(features: ManualPredictionDto): Promise<ManualPredictionResultDto> {
    const result = await this.predictor.predict({ ...features });
    return { ...toResult(result), model_version: result.modelVersion };
  }

  /** A CSV upload: read as rows, then predicted as a batch; a file that is not such a CSV is a 400. */
  async batchCsv(file: Buffer): Promise<BatchPredictionResultDto> {
    let csv: BatchCsv;
    try {
      csv = parseBatchCsv(file, MAX_BATCH_ROWS);
    } catch (error) {
      if (error instanceof CsvUploadError) throw new BadRequestException(error.message);
      throw error;
    }
    const result = await this.batch(csv.rows);
    return csv.warnings.length > 0 ? { ...result, warnings: csv.warnings } : result;
  }

  /** Each row validated on its own: a bad row gets an error, the others their prediction, in one model run. */
  async batch(rows: unknown[]): Promise<BatchPredictionResultDto> {
    const checked = rows.map((row): { features?: ManualPredictionDto; error?: string } => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return { error: 'row must be an object of the ten features' };
      const features = plainToInstance(ManualPredictionDto, row);
      const errors = validateSync(features, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
      return errors.length > 0 ? { error: describeValidationErrors(errors).join('; ') } : { features };
    });
    const valid = checked.filter((row) => row.features).map((row) => ({ ...row.features! }));
    const predictions = valid.length > 0 ? await this.predictor.predictMany(valid) : [];
    let next = 0;
    const results: BatchRowResultDto[] = checked.map((row) => (row.error ? { error: row.error } : toResult(predictions[next++]!)));
    const modelVersion = predictions[0]?.modelVersion ?? this.predictor.card?.version ?? '';
    return { results, model_version: modelVersion };
  }
}

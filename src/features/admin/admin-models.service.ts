import { Injectable } from '@nestjs/common';
import { GENRE_MODEL_NAME } from '../genre/genre-model.js';
import { GenrePredictorService } from '../genre/genre-predictor.service.js';
import { HIT_MODEL_NAME } from '../hit-prediction/model/hit-features.js';
import { HitPredictorService } from '../hit-prediction/model/hit-predictor.service.js';
import { ModelRegistryService } from '../../platform/models/model-registry.service.js';
import type { ActivatedModelDto } from './dto/admin-model.dto.js';

@Injectable()
export class AdminModelsService {
  private readonly predictors: Record<string, HitPredictorService | GenrePredictorService>;

  constructor(
    private readonly registry: ModelRegistryService,
    hitPredictor: HitPredictorService,
    genrePredictor: GenrePredictorService,
  ) {
    this.predictors = { [HIT_MODEL_NAME]: hitPredictor, [GENRE_MODEL_NAME]: genrePredictor };
  }

  /**
   * Makes `version` the active one (every instance hears of it through the database) and loads
   * it here before answering, so the answer says whether it can be used.
   */
  async activate(name: string, version: string): Promise<ActivatedModelDto> {
    const row = await this.registry.activate(name, version);
    const predictor = this.predictors[name]!; // activate() found the version, so the name is a model's
    await predictor.reload();
    return {
      model_name: row.modelName,
      model_version: row.modelVersion,
      accuracy: row.accuracy,
      roc_auc: row.rocAuc,
      f1: row.f1,
      data_source: row.dataSource,
      is_active: row.isActive,
      activated_at: row.activatedAt!,
      loaded: predictor.status,
    };
  }
}

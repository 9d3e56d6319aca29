import { Injectable, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ActiveModel, type LoadedModel, type ModelStatus } from '../models/active-model.js';
import type { HitModelCard } from '../models/model-card.js';
import { ModelActivationListener } from '../models/model-activation-listener.js';
import { ModelRegistryService } from '../models/model-registry.service.js';
import { observePrediction } from '../metrics/prediction-metrics.js';
import { HIT_MODEL_NAME } from './hit-features.js';
import { featureMatrix, hitPredictions, type FeatureValues, type HitModelFile, type HitPrediction } from './hit-probabilities.js';

export type { FeatureValues, HitModelFile, HitPrediction } from './hit-probabilities.js';

function modelFileOf({ card, onnxPath }: LoadedModel<HitModelCard>): HitModelFile {
  return { version: card.version, onnxPath, features: card.features.map((feature) => feature.name), hitColumn: card.classes.indexOf('HIT') };
}

/**
 * Predicts HIT/FLOP with the active hit model: one ONNX session, loaded at start and swapped
 * without a restart when another version is activated (here or by another process). While
 * no usable model exists, predictions fail with 503 and say how to get one.
 */
@Injectable()
export class HitPredictorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly model: ActiveModel<HitModelCard>;

  constructor(registry: ModelRegistryService, listener: ModelActivationListener) {
    this.model = new ActiveModel(HIT_MODEL_NAME, registry, listener, 'HitModel');
  }

  onApplicationBootstrap(): Promise<void> {
    return this.model.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.model.release();
  }

  /** The active model's card, when one is loaded. */
  get card(): HitModelCard | undefined {
    return this.model.loaded?.card;
  }

  /** The version in use, or why none is. */
  get status(): ModelStatus {
    return this.model.status;
  }

  /** Loads the active version if it is not the one in use. */
  reload(): Promise<void> {
    return this.model.reload();
  }

  async predict(features: FeatureValues): Promise<HitPrediction> {
    return (await this.predictMany([features]))[0]!;
  }

  /** One prediction per row, in order, in one model run. */
  predictMany(rows: FeatureValues[]): Promise<HitPrediction[]> {
    return observePrediction(HIT_MODEL_NAME, rows.length, () => this.run(rows), (results) => results.map((result) => result.prediction));
  }

  /** The file of the version in use, for a thread of its own (batch predictions); undefined while none is loaded. */
  get modelFile(): HitModelFile | undefined {
    const model = this.model.loaded;
    return model && modelFileOf(model);
  }

  /** The answer while no model is usable: why, and how to get one. */
  unavailable(): ServiceUnavailableException {
    return new ServiceUnavailableException(`No hit model is available: ${this.model.reason}. Train one with "npm run train".`);
  }

  private async run(rows: FeatureValues[]): Promise<HitPrediction[]> {
    const model = this.model.loaded;
    if (!model) throw this.unavailable();
    const { features, hitColumn, version } = modelFileOf(model);
    const probabilities = await model.runner.run(featureMatrix(rows, features), rows.length);
    return hitPredictions(probabilities, rows.length, hitColumn, version);
  }
}

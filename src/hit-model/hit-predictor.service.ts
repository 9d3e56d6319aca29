import { BadRequestException, Injectable, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ActiveModel, type ModelStatus } from '../models/active-model.js';
import type { HitModelCard } from '../models/model-card.js';
import { ModelActivationListener } from '../models/model-activation-listener.js';
import { ModelRegistryService } from '../models/model-registry.service.js';
import { observePrediction } from '../metrics/prediction-metrics.js';
import { HIT_MODEL_NAME } from './hit-features.js';

export interface HitPrediction {
  isHit: boolean;
  prediction: 'HIT' | 'FLOP';
  /** The winning class's probability, 0–100, two decimals. */
  confidence: number;
  probabilities: { HIT: number; FLOP: number };
  modelVersion: string;
}

export type FeatureValues = Record<string, number | boolean>;

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

  private async run(rows: FeatureValues[]): Promise<HitPrediction[]> {
    const model = this.model.loaded;
    if (!model) {
      throw new ServiceUnavailableException(`No hit model is available: ${this.model.reason}. Train one with "npm run train".`);
    }
    const names = model.card.features.map((feature) => feature.name);
    const features = new Float32Array(rows.length * names.length);
    rows.forEach((row, r) =>
      names.forEach((name, column) => {
        const value = row[name];
        if (typeof value !== 'number' && typeof value !== 'boolean') throw new BadRequestException(`${name} is required`);
        features[r * names.length + column] = Number(value);
      }),
    );
    const probabilities = await model.runner.run(features, rows.length);
    const hitColumn = model.card.classes.indexOf('HIT');
    return rows.map((_, r) => {
      const hit = probabilities[r * 2 + hitColumn]!;
      const flop = probabilities[r * 2 + 1 - hitColumn]!;
      // The label comes from the probabilities (onnxruntime's own label output is unreliable for two classes).
      const isHit = hit > flop;
      return {
        isHit,
        prediction: isHit ? 'HIT' : 'FLOP',
        confidence: Math.round(Math.max(hit, flop) * 10_000) / 100,
        probabilities: { HIT: hit, FLOP: flop },
        modelVersion: model.card.version,
      };
    });
  }
}

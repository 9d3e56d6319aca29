import { BadRequestException, Injectable, Logger, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModelRunner } from '../ml/model-runner.js';
import type { ModelCard } from '../models/model-card.js';
import { ModelActivationListener } from '../models/model-activation-listener.js';
import { ModelRegistryService } from '../models/model-registry.service.js';
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

interface LoadedModel {
  card: ModelCard;
  runner: ModelRunner;
}

/**
 * Predicts HIT/FLOP with the active hit model: one ONNX session, loaded at start and swapped
 * without a restart when another version is activated (here or by another process). While
 * no usable model exists, predictions fail with 503 and say how to get one.
 */
@Injectable()
export class HitPredictorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('HitModel');
  private current?: LoadedModel;
  private unavailable = 'no model has been loaded yet';
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: ModelRegistryService,
    private readonly listener: ModelActivationListener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener.subscribe(HIT_MODEL_NAME, () => void this.reload());
    await this.reload();
  }

  async onModuleDestroy(): Promise<void> {
    await this.reloading;
    await this.current?.runner.release();
  }

  /** The active model's card, when one is loaded. */
  get card(): ModelCard | undefined {
    return this.current?.card;
  }

  /** Loads the active version if it is not the one in use; one reload at a time. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.loadActive()).catch((error: unknown) => {
      this.logger.error(`Reloading the hit model failed: ${(error as Error).message}`);
    });
    return this.reloading;
  }

  async predict(features: FeatureValues): Promise<HitPrediction> {
    return (await this.predictMany([features]))[0]!;
  }

  /** One prediction per row, in order, in one model run. */
  async predictMany(rows: FeatureValues[]): Promise<HitPrediction[]> {
    const model = this.current;
    if (!model) {
      throw new ServiceUnavailableException(`No hit model is available: ${this.unavailable}. Train one with "npm run train".`);
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

  private async loadActive(): Promise<void> {
    const row = await this.registry.active(HIT_MODEL_NAME);
    if (row && row.modelVersion === this.current?.card.version) return;
    const previous = this.current;
    if (!row) {
      this.current = undefined;
      this.unavailable = 'no hit model has been trained';
    } else {
      try {
        const card = await this.registry.readCard(row);
        const runner = await ModelRunner.load(this.registry.onnxPath(row));
        if (runner.featureCount !== card.features.length) throw new Error(`the ONNX file takes ${runner.featureCount} features, its card lists ${card.features.length}`);
        this.current = { card, runner }; // the swap: requests from now on use the new session
        this.logger.log(`Using hit model ${card.version} (ROC AUC ${card.metrics.roc_auc.toFixed(3)})`);
      } catch (error) {
        this.current = undefined;
        this.unavailable = `hit model ${row.modelVersion} cannot be loaded (${(error as Error).message})`;
        this.logger.error(this.unavailable);
      }
    }
    await previous?.runner.release(); // after the runs in flight on it
  }
}

import { setImmediate } from 'node:timers/promises';
import { Injectable, Logger, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModelRunner } from '../../../ml/model-runner.js';
import { ActiveModel, type LoadedModel, type ModelStatus } from '../../../platform/models/active-model.js';
import type { HitModelCard } from '../../../platform/models/model-card.js';
import { ModelActivationListener } from '../../../platform/models/model-activation-listener.js';
import { ModelRegistryService } from '../../../platform/models/model-registry.service.js';
import { observePrediction } from '../../../platform/metrics/prediction-metrics.js';
import { HIT_MODEL_NAME } from './hit-features.js';
import { HitExplainer } from './hit-explainer.js';
import { featureMatrix, hitPredictions, type FeatureValues, type HitModelFile, type HitPrediction } from './hit-probabilities.js';

export type { FeatureValues, HitModelFile, HitPrediction } from './hit-probabilities.js';

/**
 * Made once per loaded version: its explainer, when its file carries the node cover. Built on the
 * first explained request, not at load: it adds about 15 MB and takes about 100 ms to read from
 * the file (docs/benchmarks.md, "Predictions: kept and new songs" and "The explainer's reader:
 * typed arrays"), which a start does not need before answering. Concurrent first requests share
 * one build.
 */
class PreparedHitModel {
  private built: Promise<HitExplainer | undefined> | undefined;

  constructor(
    private readonly card: HitModelCard,
    private readonly onnxPath: string,
  ) {}

  /** The version's explainer; undefined when it cannot explain (an older file, or a cover that does not read): it still predicts, without explanations. */
  explainer(): Promise<HitExplainer | undefined> {
    this.built ??= this.build();
    return this.built;
  }

  private async build(): Promise<HitExplainer | undefined> {
    const { card, onnxPath } = this;
    try {
      const file = modelFileOf({ card, onnxPath });
      const explainer = await HitExplainer.load(onnxPath, file.features, file.hitColumn);
      if (!explainer) logger.log(`Hit model ${card.version} stores no node cover: its predictions come without explanations`);
      return explainer;
    } catch (error) {
      logger.error(`Hit model ${card.version}: explanations unavailable (${(error as Error).message})`);
      return undefined;
    }
  }
}

const logger = new Logger('HitModel');

/**
 * Rows per model run of a batch: about 3 ms of the event loop each (onnxruntime-node runs on the
 * calling thread), so health and other requests are answered between a batch's runs.
 */
export const BATCH_RUN_ROWS = 500;

function modelFileOf({ card, onnxPath }: Pick<LoadedModel<HitModelCard>, 'card' | 'onnxPath'>): HitModelFile {
  return {
    version: card.version,
    onnxPath,
    features: card.features.map((feature) => feature.name),
    hitColumn: card.classes.indexOf('HIT'),
    ...(card.calibration && { calibration: card.calibration.fit }),
  };
}

/**
 * Predicts HIT/FLOP with the active hit model, loaded at start and swapped without a restart when
 * another version is activated (here or by another process): explained rows by its trees in
 * TypeScript, batches and unexplained rows by its onnxruntime session (opened by the first of
 * them). While no usable model exists, predictions fail with 503 and say how to get one.
 */
@Injectable()
export class HitPredictorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly model: ActiveModel<HitModelCard, PreparedHitModel>;

  constructor(registry: ModelRegistryService, listener: ModelActivationListener) {
    this.model = new ActiveModel(HIT_MODEL_NAME, registry, listener, 'HitModel', (card, onnxPath) => Promise.resolve(new PreparedHitModel(card, onnxPath)));
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

  /** One song's prediction, with its explanation (null when the version cannot explain). */
  async predict(features: FeatureValues): Promise<HitPrediction> {
    return (await this.predictMany([features], { explain: true }))[0]!;
  }

  /** One prediction per row, in order, in one model run; explained when asked (about 3 ms of CPU a row). */
  predictMany(rows: FeatureValues[], options: { explain?: boolean } = {}): Promise<HitPrediction[]> {
    return observePrediction(
      HIT_MODEL_NAME,
      rows.length,
      () => this.run(rows, options.explain ?? false),
      (results) => results.map((result) => result.prediction),
    );
  }

  /** The version in use, for a batch thread to build its rows' features (batch predictions); undefined while none is loaded. */
  get modelFile(): HitModelFile | undefined {
    const model = this.model.loaded;
    return model && modelFileOf(model);
  }

  /**
   * Class probabilities of a batch's feature rows, built by a batch thread for `model` (its
   * columns in that version's feature order), run on this process's session in chunks of
   * BATCH_RUN_ROWS: the batch threads hold no onnxruntime session of their own (about 25 MB each).
   * When `model` is no longer the loaded version (another was activated meanwhile), a session of
   * that version is loaded for this batch alone, so the answer is still that version's.
   */
  async runBatch(model: HitModelFile, features: Float32Array, rows: number): Promise<{ probabilities: Float32Array; runSeconds: number }> {
    const started = performance.now();
    const loaded = this.model.loaded;
    if (loaded?.card.version === model.version) {
      try {
        return { probabilities: await loaded.runner.runInChunks(features, rows, BATCH_RUN_ROWS), runSeconds: (performance.now() - started) / 1000 };
      } catch (error) {
        // Replaced between two chunks: the version's own session below.
        if (!loaded.runner.isReleasing) throw error;
      }
    }
    const runner = await ModelRunner.load(model.onnxPath);
    try {
      return { probabilities: await runner.runInChunks(features, rows, BATCH_RUN_ROWS), runSeconds: (performance.now() - started) / 1000 };
    } finally {
      await runner.release();
    }
  }

  /** The answer while no model is usable: why, and how to get one. */
  unavailable(): ServiceUnavailableException {
    return new ServiceUnavailableException(`No hit model is available: ${this.model.reason}. Train one with "npm run train".`);
  }

  private async run(rows: FeatureValues[], explain: boolean): Promise<HitPrediction[]> {
    const model = this.model.loaded;
    if (!model) throw this.unavailable();
    const { features, hitColumn, version, calibration } = modelFileOf(model);
    const matrix = featureMatrix(rows, features);
    const explainer = explain ? await model.prepared.explainer() : undefined;
    const explained = explain ? (explainer?.explainAll(rows) ?? null) : undefined;
    // An explained row answers the raw score its explanation adds up to (the same trees, in double
    // precision), so onnxruntime's run would go unused: about a tenth of a kept answer's CPU.
    // Without that run, a kept answer would settle in microtasks alone: a caller predicting in a
    // loop would starve timers and I/O, so the answer waits for one turn of the event loop.
    const probabilities = explained ? await setImmediate(new Float32Array(rows.length * 2)) : await model.runner.run(matrix, rows.length);
    return hitPredictions(probabilities, rows.length, { modelVersion: version, hitColumn, calibration, ...(explained !== undefined && { explained }) });
  }
}

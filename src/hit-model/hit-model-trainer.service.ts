import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { ModelMetadata } from '../generated/prisma/client.js';
import { evaluateBinary } from '../ml/evaluation.js';
import { checkOnnxExport, featureRanges } from '../ml/model-checks.js';
import { exportForestToOnnx } from '../ml/onnx-export.js';
import { trainRandomForest } from '../ml/random-forest.js';
import { stratifiedSplit, takeRows } from '../ml/split.js';
import { newModelVersion, type HitModelCard } from '../models/model-card.js';
import { ModelRegistryService } from '../models/model-registry.service.js';
import { readSongRecords } from '../songs/import/csv-file.js';
import {
  DEFAULT_HIT_FEATURES,
  featureRow,
  HIT_CLASSES,
  HIT_FEATURE_FIELDS,
  HIT_MODEL_NAME,
  HIT_TRAINING_DEFAULTS,
  type HitFeature,
  type SongFeatures,
} from './hit-features.js';

export interface TrainHitModelOptions {
  /** Train on these CSV files instead of the songs table. */
  csv?: string[];
  trees?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  seed?: number;
  features?: HitFeature[];
  testFraction?: number;
  /** Make the new version the active one (default true). */
  activate?: boolean;
  workers?: number;
}

interface TrainingData {
  songs: Array<SongFeatures & { isHit: boolean }>;
  source: string;
  synthetic: boolean;
}

export interface TrainedHitModel {
  card: HitModelCard;
  row: ModelMetadata;
}

/**
 * Trains the HIT/FLOP random forest, evaluates it on a hold-out split, exports it to ONNX
 * (checked against the forest on the test rows), and registers it.
 */
@Injectable()
export class HitModelTrainerService {
  private readonly logger = new Logger('HitModel');

  constructor(
    private readonly prisma: PrismaService,
    private readonly registry: ModelRegistryService,
    private readonly config: AppConfig,
  ) {}

  async train(options: TrainHitModelOptions = {}): Promise<TrainedHitModel> {
    const features = options.features ?? DEFAULT_HIT_FEATURES;
    const seed = options.seed ?? HIT_TRAINING_DEFAULTS.seed;
    const testFraction = options.testFraction ?? HIT_TRAINING_DEFAULTS.testFraction;
    const data = options.csv ? await this.fromCsv(options.csv) : await this.fromSongsTable();
    const hits = data.songs.filter((song) => song.isHit).length;
    if (hits < 2 || data.songs.length - hits < 2) {
      throw new Error(`Training needs hits and flops: ${data.source} has ${hits} hits of ${data.songs.length} songs. Import songs first.`);
    }

    const featureCount = features.length;
    const x = new Float32Array(data.songs.length * featureCount);
    data.songs.forEach((song, row) => x.set(featureRow(song, features), row * featureCount));
    const y = Int32Array.from(data.songs, (song) => (song.isHit ? 1 : 0));
    const split = stratifiedSplit(y, testFraction, seed);
    const trainX = takeRows(x, featureCount, split.train);
    const trainY = Int32Array.from(split.train, (row) => y[row]!);

    const hyperparameters = {
      n_estimators: options.trees ?? HIT_TRAINING_DEFAULTS.trees,
      max_depth: options.maxDepth ?? null,
      min_samples_leaf: options.minSamplesLeaf ?? HIT_TRAINING_DEFAULTS.minSamplesLeaf,
      max_features: 'sqrt',
      bootstrap: true,
      class_weight: null,
      seed,
      test_fraction: testFraction,
    };
    const started = performance.now();
    const model = await trainRandomForest(trainX, trainY, {
      classes: [0, 1],
      nEstimators: hyperparameters.n_estimators,
      maxDepth: options.maxDepth,
      minSamplesLeaf: hyperparameters.min_samples_leaf,
      seed,
      workers: options.workers,
    });
    const trainingSeconds = (performance.now() - started) / 1000;

    const testX = takeRows(x, featureCount, split.test);
    const metrics = evaluateBinary(model, testX, Int32Array.from(split.test, (row) => y[row]!));
    const card: HitModelCard = {
      name: HIT_MODEL_NAME,
      version: newModelVersion(),
      features: featureRanges(trainX, features),
      classes: HIT_CLASSES,
      hyperparameters,
      metrics: {
        ...metrics,
        feature_importances: Object.fromEntries(features.map((name, i) => [name, model.featureImportances[i]!])),
        oob_score: model.oobScore ?? null,
        onnx_max_difference: null,
      },
      training_seconds: Number(trainingSeconds.toFixed(3)),
      training_rows: split.train.length,
      test_rows: split.test.length,
      data_source: data.source,
      synthetic_data: data.synthetic,
      created_at: new Date().toISOString(),
    };
    const onnx = exportForestToOnnx(model, { featureNames: features, docString: `Encore hit model ${card.version}` });
    card.metrics.onnx_max_difference = await checkOnnxExport(model, onnx, testX, split.test.length);
    const row = await this.registry.save(card, onnx);
    if (options.activate ?? true) await this.registry.activate(card.name, card.version);
    return { card, row };
  }

  /** A fresh install has a model: trains one on the songs table when no hit model is active. */
  async trainIfNoActiveModel(): Promise<TrainedHitModel | undefined> {
    if (await this.registry.active(HIT_MODEL_NAME)) return undefined;
    this.logger.log('No active hit model: training one on the songs table...');
    const trained = await this.train();
    const { card } = trained;
    this.logger.log(
      `Trained and activated hit model ${card.version} on ${card.data_source}: ROC AUC ${card.metrics.roc_auc.toFixed(3)}, ` +
        `accuracy ${card.metrics.accuracy.toFixed(3)}, ${card.training_seconds.toFixed(1)} s. See the README to retrain on real data.`,
    );
    return trained;
  }

  private async fromSongsTable(): Promise<TrainingData> {
    const select = Object.fromEntries(Object.values(HIT_FEATURE_FIELDS).map((field) => [field, true]));
    const songs = await this.prisma.song.findMany({ select: { ...select, isHit: true, dataset: true }, orderBy: { id: 'asc' } });
    return {
      songs: songs as unknown as TrainingData['songs'],
      source: `songs table (${songs.length.toLocaleString('en-US')} songs)`,
      synthetic: songs.length > 0 && songs.every((song) => song.dataset === 'demo'),
    };
  }

  private async fromCsv(paths: string[]): Promise<TrainingData> {
    const songs = await readSongRecords(paths, this.config.HIT_POPULARITY_THRESHOLD);
    return { songs, source: `CSV ${paths.join(', ')} (${songs.length.toLocaleString('en-US')} tracks)`, synthetic: false };
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { basename } from 'node:path';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { ModelMetadata } from '../../../generated/prisma/client.js';
import { evaluateBinary, evaluateBinaryProbabilities } from '../../../ml/evaluation.js';
import { checkOnnxExport, featureRanges } from '../../../ml/model-checks.js';
import { OnnxForest } from '../../../ml/onnx-model.js';
import { exportForestToOnnx } from '../../../ml/onnx-export.js';
import { trainRandomForestWithOutOfBag } from '../../../ml/random-forest.js';
import { stratifiedSplit, takeRows } from '../../../ml/split.js';
import { newModelVersion, type HitModelCard } from '../../../platform/models/model-card.js';
import { ModelRegistryService } from '../../../platform/models/model-registry.service.js';
import { SongImportService } from '../../dataset/import/song-import.service.js';
import { DEFAULT_HIT_FEATURES, featureRow, HIT_CLASSES, HIT_MODEL_NAME, HIT_TRAINING_DEFAULTS, type HitFeature, type SongFeatures } from './hit-features.js';
import { AUDIO_FEATURE_FIELDS } from '../../../vocabulary/audio-features.js';
import { hitModelExplanations } from './hit-model-explanations.js';

export interface TrainHitModelOptions {
  /** Train on these CSV files instead of the songs table. */
  csv?: string[];
  trees?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  seed?: number;
  features?: HitFeature[];
  testFraction?: number;
  /** true (default): activate; false: only save; "if-not-worse": activate unless the active version ranks the same test rows better. */
  activate?: boolean | 'if-not-worse';
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
  activated: boolean;
  /** The active version scored on the new version's test rows ("if-not-worse" only, when one was active). */
  comparison?: { active_version: string; active_roc_auc: number; new_roc_auc: number };
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
    private readonly songFiles: SongImportService,
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
    const { model, outOfBag } = await trainRandomForestWithOutOfBag(trainX, trainY, {
      classes: [0, 1],
      nEstimators: hyperparameters.n_estimators,
      maxDepth: options.maxDepth,
      minSamplesLeaf: hyperparameters.min_samples_leaf,
      seed,
      workers: options.workers,
    });
    const trainingSeconds = (performance.now() - started) / 1000;

    const testX = takeRows(x, featureCount, split.test);
    const testY = Int32Array.from(split.test, (row) => y[row]!);
    const metrics = evaluateBinary(model, testX, testY);
    // Calibrated on out-of-bag scores and measured on the test rows; the cover goes into the ONNX file.
    const { cover, calibration, importance } = hitModelExplanations({
      model,
      features,
      train: { x: trainX, y: trainY },
      outOfBag,
      test: { x: testX, y: testY },
    });
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
      training_command: trainingCommand(options, hyperparameters),
      created_at: new Date().toISOString(),
      ...(calibration && { calibration }),
      importance,
    };
    const onnx = exportForestToOnnx(model, { featureNames: features, docString: `Encore hit model ${card.version}`, cover });
    card.metrics.onnx_max_difference = await checkOnnxExport(model, onnx, testX, split.test.length);
    const row = await this.registry.save(card, onnx);
    const activate = options.activate ?? true;
    if (activate !== 'if-not-worse') {
      if (activate) await this.registry.activate(card.name, card.version);
      return { card, row, activated: activate };
    }
    const testSongs = Array.from(split.test, (row) => data.songs[row]!);
    const active = await this.scoreActive(
      testSongs,
      Int32Array.from(split.test, (row) => y[row]!),
    );
    const comparison = active && { active_version: active.version, active_roc_auc: active.rocAuc, new_roc_auc: card.metrics.roc_auc };
    const activated = !active || card.metrics.roc_auc >= active.rocAuc;
    if (activated) await this.registry.activate(card.name, card.version);
    else
      this.logger.warn(
        `Kept hit model ${active.version}: it ranks the same test songs at ROC AUC ${active.rocAuc.toFixed(3)}, the new one at ${card.metrics.roc_auc.toFixed(3)}`,
      );
    return { card, row, activated, ...(comparison && { comparison }) };
  }

  /**
   * The active version's ROC AUC on the given songs, through its own features. It may have seen
   * some of them in training, so a new version has to clear a bar that is, if anything, higher.
   */
  private async scoreActive(songs: TrainingData['songs'], labels: Int32Array): Promise<{ version: string; rocAuc: number } | null> {
    const row = await this.registry.active(HIT_MODEL_NAME);
    if (!row) return null;
    const card = await this.registry.readCard(row);
    const features = card.features.map((feature) => feature.name as HitFeature);
    const forest = await OnnxForest.load(this.registry.onnxPath(row));
    try {
      const x = new Float32Array(songs.length * features.length);
      songs.forEach((song, i) => x.set(featureRow(song, features), i * features.length));
      const probabilities = await forest.run(x, songs.length);
      return { version: row.modelVersion, rocAuc: evaluateBinaryProbabilities(probabilities, labels).roc_auc };
    } finally {
      await forest.release();
    }
  }

  /**
   * A fresh install predicts from the start: with the model that ships with Encore (trained on real
   * songs), or, if none ships, one trained on the songs table. Nothing when a hit model is active.
   */
  async activateShippedOrTrain(): Promise<HitModelCard | undefined> {
    if (await this.registry.active(HIT_MODEL_NAME)) return undefined;
    const shipped = (await this.registry.activateShipped(HIT_MODEL_NAME)) as HitModelCard | null;
    if (shipped) {
      this.logger.log(
        `Activated the pre-trained hit model ${shipped.version} (${shipped.data_source}; ROC AUC ${shipped.metrics.roc_auc.toFixed(3)} on held-out songs)`,
      );
      return shipped;
    }
    this.logger.warn('No active hit model and none ships in models/pretrained: training one on the songs table...');
    const { card } = await this.train();
    this.logger.log(
      `Trained and activated hit model ${card.version} on ${card.data_source}: ROC AUC ${card.metrics.roc_auc.toFixed(3)}, ` +
        `accuracy ${card.metrics.accuracy.toFixed(3)}, ${card.training_seconds.toFixed(1)} s.`,
    );
    return card;
  }

  private async fromSongsTable(): Promise<TrainingData> {
    const select = Object.fromEntries(Object.values(AUDIO_FEATURE_FIELDS).map((field) => [field, true]));
    const songs = await this.prisma.song.findMany({ select: { ...select, isHit: true, dataset: true }, orderBy: { id: 'asc' } });
    return {
      songs: songs as unknown as TrainingData['songs'],
      source: `songs table (${songs.length.toLocaleString('en-US')} songs)`,
      synthetic: songs.length > 0 && songs.every((song) => song.dataset === 'demo'),
    };
  }

  private async fromCsv(paths: string[]): Promise<TrainingData> {
    const songs = await this.songFiles.readSongFiles(paths);
    // File names only: a model card ships to other machines, where this one's folders mean nothing.
    return { songs, source: `CSV ${paths.map((path) => basename(path)).join(', ')} (${songs.length.toLocaleString('en-US')} tracks)`, synthetic: false };
  }
}

/** The command that trains this model again: the same data (CSV file names, or the songs table) and settings give the same forest. */
function trainingCommand(
  options: TrainHitModelOptions,
  hyperparameters: { n_estimators: number; max_depth: number | null; min_samples_leaf: number; seed: number },
): string {
  const data = options.csv ? options.csv.map((path) => `--csv ${basename(path)}`) : ['--from db'];
  const features = options.features ? [`--features ${options.features.join(',')}`] : [];
  const depth = hyperparameters.max_depth === null ? [] : [`--max-depth ${hyperparameters.max_depth}`];
  return [
    'npm run train --',
    ...data,
    `--trees ${hyperparameters.n_estimators}`,
    ...depth,
    `--min-samples-leaf ${hyperparameters.min_samples_leaf}`,
    `--seed ${hyperparameters.seed}`,
    ...features,
  ].join(' ');
}

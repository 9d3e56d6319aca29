import { Injectable, Logger } from '@nestjs/common';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppConfig } from '../../platform/config/app-config.js';
import { predictProbabilities, type RandomForestModel } from '../../ml/forest.js';
import { checkOnnxExport, featureRanges } from '../../ml/model-checks.js';
import { argmaxRows } from '../../ml/metrics.js';
import { evaluateMulticlass } from '../../ml/multiclass-evaluation.js';
import { OnnxForest } from '../../ml/onnx-model.js';
import { exportForestToOnnx } from '../../ml/onnx-export.js';
import { trainRandomForest } from '../../ml/random-forest.js';
import { coverFromRows } from '../../ml/tree-shap.js';
import { complementRows, stratifiedKFold, stratifiedSplit, takeRows } from '../../ml/split.js';
import { newModelVersion } from '../../platform/models/model-card.js';
import { ModelRegistryService } from '../../platform/models/model-registry.service.js';
import { fitLocationEncoding, GENRE_FEATURES, genreFeatureRow, groupRareGenres, profilesDigest, type CustomerProfile } from './features.js';
import { GENRE_MODEL_NAME, GENRE_TRAINING_DEFAULTS, type GenreMetrics, type GenreModelCard } from './genre-model.js';
import { GenreStoreService } from './genre-store.service.js';

export interface TrainGenreModelOptions {
  trees?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  seed?: number;
  minCustomersPerGenre?: number;
  /** true: activate; false: only save; "if-not-worse": activate unless the active version scores better on the same rows. */
  activate?: boolean | 'if-not-worse';
}

export interface TrainedGenreModel {
  card: GenreModelCard;
  onnxPath: string;
  activated: boolean;
  /** The active version scored on the rows the new one was evaluated on ("if-not-worse" only). */
  comparison?: { active_version: string; active_accuracy: number; new_accuracy: number };
}

const MIN_LABELLED_CUSTOMERS = 10;

/**
 * Trains the preferred-genre random forest on the store's customers (schema chinook): one
 * class per top genre (rare ones grouped as "Other"), evaluated on a stratified hold-out, or by
 * stratified cross-validation when the store is small, beside the majority-class baseline;
 * exported to ONNX (checked against the forest) and registered like every model.
 */
@Injectable()
export class GenreModelTrainerService {
  private readonly logger = new Logger('GenreModel');

  constructor(
    private readonly store: GenreStoreService,
    private readonly registry: ModelRegistryService,
    private readonly config: AppConfig,
  ) {}

  async train(options: TrainGenreModelOptions = {}): Promise<TrainedGenreModel> {
    const seed = options.seed ?? GENRE_TRAINING_DEFAULTS.seed;
    const minCustomers = options.minCustomersPerGenre ?? GENRE_TRAINING_DEFAULTS.minCustomersPerGenre;
    const [profiles, origin] = await Promise.all([this.store.profiles(), this.store.origin()]);
    const labelled = profiles.filter((profile) => profile.topGenre !== null);
    if (labelled.length < MIN_LABELLED_CUSTOMERS) {
      throw new Error(
        `Training needs at least ${MIN_LABELLED_CUSTOMERS} customers with purchases; schema chinook has ${labelled.length}. ` +
          'Import the store first: npm run cli -- import-chinook <Chinook_PostgreSql.sql>.',
      );
    }
    const grouping = groupRareGenres(
      labelled.map((profile) => profile.topGenre!),
      minCustomers,
    );
    if (grouping.classes.length < 2) throw new Error(`Every customer prefers ${grouping.classes[0]}: there is nothing to learn.`);
    const encoding = fitLocationEncoding(labelled);
    const featureCount = GENRE_FEATURES.length;
    const x = new Float32Array(labelled.length * featureCount);
    labelled.forEach((profile, row) => x.set(genreFeatureRow(profile, encoding).row, row * featureCount));
    const y = Int32Array.from(grouping.labels, (label) => grouping.classes.indexOf(label));
    const classIndices = grouping.classes.map((_, c) => c);

    const hyperparameters = {
      n_estimators: options.trees ?? GENRE_TRAINING_DEFAULTS.trees,
      max_depth: options.maxDepth ?? null,
      min_samples_leaf: options.minSamplesLeaf ?? GENRE_TRAINING_DEFAULTS.minSamplesLeaf,
      max_features: 'sqrt',
      bootstrap: true,
      class_weight: null,
      seed,
    };
    const fit = (rows: Int32Array) =>
      trainRandomForest(
        takeRows(x, featureCount, rows),
        Int32Array.from(rows, (row) => y[row]!),
        {
          classes: classIndices,
          nEstimators: hyperparameters.n_estimators,
          maxDepth: options.maxDepth,
          minSamplesLeaf: hyperparameters.min_samples_leaf,
          seed,
        },
      );

    const started = performance.now();
    let model: RandomForestModel;
    let evaluation: Omit<GenreMetrics, 'feature_importances' | 'oob_score' | 'onnx_max_difference'>;
    let trainRows: Int32Array;
    let checkRows: Int32Array;
    /** The rows the metrics come from (hold-out, or every row scored out of fold). */
    let evaluatedRows: Int32Array;
    if (labelled.length >= GENRE_TRAINING_DEFAULTS.crossValidateBelow) {
      const split = stratifiedSplit(y, GENRE_TRAINING_DEFAULTS.testFraction, seed);
      model = await fit(split.train);
      const testX = takeRows(x, featureCount, split.test);
      evaluation = {
        ...evaluateMulticlass(predictProbabilities(model, testX, split.test.length), pick(y, split.test), grouping.classes, pick(y, split.train)),
        evaluation: { method: 'holdout', test_fraction: GENRE_TRAINING_DEFAULTS.testFraction },
      };
      trainRows = split.train;
      checkRows = split.test;
      evaluatedRows = split.test;
    } else {
      // Small store: every customer is scored once by a model that did not see them.
      const smallest = Math.min(...classIndices.map((c) => y.filter((label) => label === c).length));
      const folds = Math.max(2, Math.min(GENRE_TRAINING_DEFAULTS.folds, smallest));
      const outOfFold = new Float64Array(labelled.length * grouping.classes.length);
      for (const test of stratifiedKFold(y, folds, seed)) {
        const foldModel = await fit(complementRows(labelled.length, test));
        const probabilities = predictProbabilities(foldModel, takeRows(x, featureCount, test), test.length);
        test.forEach((row, i) =>
          outOfFold.set(probabilities.subarray(i * grouping.classes.length, (i + 1) * grouping.classes.length), row * grouping.classes.length),
        );
      }
      evaluation = { ...evaluateMulticlass(outOfFold, y, grouping.classes, y), evaluation: { method: 'cross-validation', folds } };
      trainRows = Int32Array.from(labelled, (_, row) => row);
      checkRows = trainRows;
      evaluatedRows = trainRows;
      model = await fit(trainRows);
    }
    const trainingSeconds = (performance.now() - started) / 1000;

    const card: GenreModelCard = {
      name: GENRE_MODEL_NAME,
      version: newModelVersion(),
      features: featureRanges(takeRows(x, featureCount, trainRows), [...GENRE_FEATURES]),
      classes: grouping.classes,
      hyperparameters,
      metrics: {
        ...evaluation,
        feature_importances: Object.fromEntries(GENRE_FEATURES.map((name, i) => [name, model.featureImportances[i]!])),
        oob_score: model.oobScore ?? null,
        onnx_max_difference: null,
      },
      training_seconds: Number(trainingSeconds.toFixed(3)),
      training_rows: trainRows.length,
      test_rows: checkRows === trainRows ? labelled.length : checkRows.length,
      data_source: `schema chinook: ${origin?.source ?? 'store data'} (${labelled.length.toLocaleString('en-US')} customers with purchases)`,
      synthetic_data: origin?.synthetic ?? false,
      created_at: new Date().toISOString(),
      location_encoding: encoding,
      other_genre: { min_customers: minCustomers, grouped: grouping.grouped },
      customers: { total: profiles.length, labelled: labelled.length },
      training_data_digest: profilesDigest(profiles),
    };
    // The node cover of the training rows goes into the file, for explanations.
    const cover = coverFromRows(model, takeRows(x, featureCount, trainRows), trainRows.length);
    const onnx = exportForestToOnnx(model, { featureNames: [...GENRE_FEATURES], docString: `Encore genre model ${card.version}`, cover });
    card.metrics.onnx_max_difference = await checkOnnxExport(model, onnx, takeRows(x, featureCount, checkRows), checkRows.length);
    const row = await this.registry.save(card, onnx);
    const onnxPath = this.registry.onnxPath(row);
    const copyPath = this.config.genreModelCopyPath;
    if (copyPath) {
      // The original's variable: a fixed path that always holds the newest genre model.
      await mkdir(dirname(copyPath), { recursive: true });
      await copyFile(onnxPath, copyPath);
    }
    this.logger.log(
      `Trained genre model ${card.version}: accuracy ${card.metrics.accuracy.toFixed(3)} (majority baseline ${card.metrics.majority_baseline.accuracy.toFixed(3)})`,
    );
    const activate = options.activate ?? true;
    if (activate !== 'if-not-worse') {
      if (activate) await this.registry.activate(card.name, card.version);
      return { card, onnxPath, activated: activate };
    }
    const evaluated = Array.from(evaluatedRows, (row) => ({ profile: labelled[row]!, label: grouping.labels[row]! }));
    const active = await this.scoreActive(evaluated);
    const comparison = active && { active_version: active.version, active_accuracy: active.accuracy, new_accuracy: card.metrics.accuracy };
    const activated = !active || card.metrics.accuracy >= active.accuracy;
    if (activated) await this.registry.activate(card.name, card.version);
    else
      this.logger.warn(
        `Kept genre model ${active.version}: it scores ${active.accuracy.toFixed(3)} on the same customers, the new one ${card.metrics.accuracy.toFixed(3)}`,
      );
    return { card, onnxPath, activated, ...(comparison && { comparison }) };
  }

  /**
   * The active version's accuracy on the given customers. For a small store (cross-validated)
   * it may have seen them in training, so a new version has to clear a higher bar there.
   */
  private async scoreActive(rows: Array<{ profile: CustomerProfile; label: string }>): Promise<{ version: string; accuracy: number } | null> {
    const row = await this.registry.active(GENRE_MODEL_NAME);
    if (!row) return null;
    const card = (await this.registry.readCard(row)) as GenreModelCard;
    const forest = await OnnxForest.load(this.registry.onnxPath(row));
    try {
      const features = new Float32Array(rows.length * card.features.length);
      rows.forEach(({ profile }, i) => features.set(genreFeatureRow(profile, card.location_encoding).row, i * card.features.length));
      const predicted = argmaxRows(await forest.run(features, rows.length), card.classes.length);
      const correct = rows.filter(({ label }, i) => card.classes[predicted[i]!] === label).length;
      return { version: row.modelVersion, accuracy: rows.length > 0 ? correct / rows.length : 0 };
    } finally {
      await forest.release();
    }
  }

  /**
   * A fresh install has a genre model: the one that ships with Encore when the store holds the
   * customers it was trained on (the Chinook sample a first start imports; training again took
   * 0.5–0.8 s of a first start), else one trained on the store. Nothing when one is active.
   */
  async activateShippedOrTrain(): Promise<GenreModelCard | undefined> {
    if (await this.registry.active(GENRE_MODEL_NAME)) return undefined;
    const shipped = (await this.registry.shippedCard(GENRE_MODEL_NAME)) as GenreModelCard | null;
    if (shipped?.training_data_digest && shipped.training_data_digest === profilesDigest(await this.store.profiles())) {
      const activated = (await this.registry.activateShipped(GENRE_MODEL_NAME)) as GenreModelCard;
      this.logger.log(`Activated the pre-trained genre model ${activated.version} (${activated.data_source}): the store holds the customers it was trained on`);
      return activated;
    }
    this.logger.log('No active genre model: training one on the store in schema chinook...');
    return (await this.train()).card;
  }
}

const pick = (labels: Int32Array, rows: Int32Array) => Int32Array.from(rows, (row) => labels[row]!);

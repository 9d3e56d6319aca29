import { Injectable, Logger, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { observePrediction } from '../../platform/metrics/prediction-metrics.js';
import { readFile } from 'node:fs/promises';
import { predictProbabilities, type RandomForestModel } from '../../ml/forest.js';
import { explainerFromOnnx } from '../../ml/onnx-forest-reader.js';
import type { Explanation, ForestExplainer } from '../../ml/tree-shap.js';
import { ActiveModel, type ModelStatus } from '../../platform/models/active-model.js';
import { ModelActivationListener } from '../../platform/models/model-activation-listener.js';
import { ModelRegistryService } from '../../platform/models/model-registry.service.js';
import { GENRE_FEATURES, genreFeatureRow, type CustomerProfile, type LocationField, type NUMERIC_GENRE_FEATURES } from './features.js';
import { GENRE_MODEL_NAME, type GenreModelCard } from './genre-model.js';

/** What the genre model reads about a customer. */
export type GenreInput = Pick<CustomerProfile, (typeof NUMERIC_GENRE_FEATURES)[number] | LocationField>;

export interface GenrePrediction {
  genre: string;
  /** The winning genre's probability, 0–100, two decimals. */
  confidence: number;
  /** Every genre's probability (0–1), highest first. */
  all_probabilities: Record<string, number>;
  /** Places given that the model never saw (each read as "unknown"). */
  unknown_places: LocationField[];
  model_version: string;
  /** The predicted genre's explanation; null when the version's file carries no node cover. */
  explanation: (Explanation & { genre: string; probability: number }) | null;
}

/** Made once per loaded version: the forest rebuilt from its file, with an explainer when the file carries the node cover. */
type GenreExplainer = { model: RandomForestModel; explainer: ForestExplainer } | undefined;

const genreLogger = new Logger('GenreModel');

async function prepareGenreModel(card: GenreModelCard, onnxPath: string): Promise<GenreExplainer> {
  try {
    return explainerFromOnnx(await readFile(onnxPath));
  } catch (error) {
    // Predictions still work; only the explanation is missing.
    genreLogger.error(`Genre model ${card.version}: explanations unavailable (${(error as Error).message})`);
    return undefined;
  }
}

export const GENRE_MODEL_MISSING = 'Genre model not found: train it with "npm run cli -- train --model-type genre".';

/** Predicts a customer's preferred genre with the active genre model (swapped like the hit model). */
/** Probabilities answer 0–1 with four decimals, as the original's `confidence: 0.85`. */
const roundProbability = (probability: number) => Math.round(probability * 10_000) / 10_000;

@Injectable()
export class GenrePredictorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GenreModel');
  private readonly model: ActiveModel<GenreModelCard, GenreExplainer>;

  constructor(registry: ModelRegistryService, listener: ModelActivationListener) {
    this.model = new ActiveModel(GENRE_MODEL_NAME, registry, listener, 'GenreModel', prepareGenreModel);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.model.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.model.release();
  }

  get card(): GenreModelCard | undefined {
    return this.model.loaded?.card;
  }

  /** The version in use, or why none is. */
  get status(): ModelStatus {
    return this.model.status;
  }

  reload(): Promise<void> {
    return this.model.reload();
  }

  predict(input: GenreInput): Promise<GenrePrediction> {
    return observePrediction(
      GENRE_MODEL_NAME,
      1,
      () => this.run(input),
      (result) => [result.genre],
    );
  }

  private async run(input: GenreInput): Promise<GenrePrediction> {
    const model = this.model.loaded;
    if (!model) {
      this.logger.debug(`No genre model: ${this.model.reason}`);
      throw new ServiceUnavailableException({ status: 'ERROR', message: GENRE_MODEL_MISSING });
    }
    const { card, runner, prepared } = model;
    const { row, unseen } = genreFeatureRow(input, card.location_encoding);
    // As the original did: a place the model never saw is read as "unknown", with a warning.
    for (const field of unseen) this.logger.warn(`${field} "${input[field]}" was not in the training data; predicting with ${field} unknown`);
    const probabilities = await runner.run(Float32Array.from(row), 1);
    const ranked = card.classes.map((genre, c) => ({ genre, probability: probabilities[c]! })).sort((a, b) => b.probability - a.probability);
    const genre = ranked[0]!.genre;
    return {
      genre,
      confidence: roundProbability(ranked[0]!.probability),
      all_probabilities: Object.fromEntries(ranked.map(({ genre, probability }) => [genre, roundProbability(probability)])),
      unknown_places: unseen,
      model_version: card.version,
      explanation: prepared ? explainGenre(prepared, row, card.classes.indexOf(genre), genre) : null,
    };
  }
}

/** The genre's explanation and its double-precision probability, from the same trees: they add up. */
function explainGenre({ model, explainer }: NonNullable<GenreExplainer>, row: number[], classIndex: number, genre: string): GenrePrediction['explanation'] {
  const probability = predictProbabilities(model, row, 1)[classIndex]!;
  return { genre, probability, ...explainer.explain(row, classIndex, [...GENRE_FEATURES]) };
}

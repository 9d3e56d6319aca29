import { Injectable } from '@nestjs/common';
import {
  BREAKOUT_FEATURE_NAMES,
  breakoutFeatures,
  breakoutLabelOf,
  breakoutTrainingSet,
  forestBreakoutProbability,
  hasEnoughLabelledHistory,
  logisticBreakoutScore,
  topDrivers,
  trainBreakoutForest,
} from '../algorithms/breakout.js';
import { utcDay } from '../ingestion/metric-rows.js';
import { ArtistSeriesService } from '../series/artist-series.service.js';

export const DEFAULT_BREAKOUT_HORIZON_DAYS = 90;
export const DEFAULT_BREAKOUT_FACTOR = 2;
/** History used for the artist's features, and for every artist's labelled samples. */
const FEATURE_HISTORY_DAYS = 120;
const TRAINING_HISTORY_DAYS = 730;
const SAMPLE_STEP_DAYS = 7;

type Forest = Awaited<ReturnType<typeof trainBreakoutForest>>;

/**
 * Breakout probability: the shared random forest (src/ml) trained on every artist's labelled
 * history when there is enough of it (hasEnoughLabelledHistory), else the documented logistic
 * score. The forest is trained at most once a day per horizon and factor, in this process.
 */
@Injectable()
export class BreakoutService {
  private readonly forests = new Map<string, Promise<{ forest: Forest | null; samples: number; positives: number }>>();

  constructor(private readonly series: ArtistSeriesService) {}

  async predict(artistId: string, horizonDays = DEFAULT_BREAKOUT_HORIZON_DAYS, factor = DEFAULT_BREAKOUT_FACTOR) {
    const history = await this.series.lastDays(artistId, FEATURE_HISTORY_DAYS);
    const features = history.length > 0 ? breakoutFeatures(history, history.length - 1) : null;
    const base = { horizon_days: horizonDays, factor, as_of: history.at(-1)?.date ?? null };
    if (!features) {
      return {
        ...base,
        probability: null,
        label: null,
        model: null,
        training_samples: 0,
        drivers: [],
        features: {},
        reason: 'Not enough history: the prediction needs several weeks of daily metrics.',
      };
    }
    const { forest, samples, positives } = await this.trainedForest(horizonDays, factor);
    const logistic = logisticBreakoutScore(features);
    const probability = forest ? forestBreakoutProbability(forest, features) : logistic.probability;
    return {
      ...base,
      probability: Math.round(probability * 1000) / 1000,
      label: breakoutLabelOf(probability),
      model: forest ? 'random_forest' : 'logistic',
      training_samples: samples,
      training_positives: positives,
      // The logistic contributions say which features pushed the score either way, whatever the model.
      drivers: topDrivers(logistic.contributions),
      features: Object.fromEntries(BREAKOUT_FEATURE_NAMES.map((name, index) => [name, features[index]])),
    };
  }

  private trainedForest(horizonDays: number, factor: number) {
    const key = `${utcDay()}/${horizonDays}/${factor}`;
    let trained = this.forests.get(key);
    if (!trained) {
      this.forests.clear();
      trained = this.train(horizonDays, factor);
      this.forests.set(key, trained);
      trained.catch(() => this.forests.delete(key));
    }
    return trained;
  }

  private async train(horizonDays: number, factor: number) {
    const artists = await this.series.artistsWithMetrics();
    const seriesList = [];
    for (const artistId of artists) seriesList.push(await this.series.lastDays(artistId, TRAINING_HISTORY_DAYS));
    const set = breakoutTrainingSet(seriesList, { horizonDays, factor, stepDays: SAMPLE_STEP_DAYS });
    const positives = set.labels.filter((label) => label === 1).length;
    const forest = hasEnoughLabelledHistory(set) ? await trainBreakoutForest(set) : null;
    return { forest, samples: set.labels.length, positives };
  }
}

import type { Command } from 'commander';
import { GENRE_TRAINING_DEFAULTS } from '../features/genre/genre-model.js';
import { GenreModelTrainerService } from '../features/genre/genre-model-trainer.service.js';
import { formatGenreTrainingReport } from '../features/genre/training-report.js';
import { HitModelTrainerService } from '../features/hit-prediction/model/hit-model-trainer.service.js';
import { HIT_MODEL_NAME, HIT_TRAINING_DEFAULTS, parseFeatureList } from '../features/hit-prediction/model/hit-features.js';
import { formatTrainingReport } from '../features/hit-prediction/model/training-report.js';
import { ModelRegistryService } from '../platform/models/model-registry.service.js';
import { checkSongCsvFiles } from '../features/dataset/import/csv-file.js';
import type { CliContext } from './context.js';
import { positiveInteger } from './options.js';

interface TrainOptions {
  modelType: string;
  from: string;
  csv: string[];
  trees?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  minCustomersPerGenre?: number;
  seed: number;
  features?: string;
  /** --activate: true, --no-activate: false, neither: undefined. */
  activate?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The modules each command starts (with the platform): see CliContext.withApp. */
const modelsFeature = async () => [(await import('../platform/models/models.module.js')).ModelsModule];
const hitModelFeature = async () => [(await import('../features/hit-prediction/model/hit-model.module.js')).HitModelModule];
const genreFeature = async () => [(await import('../features/genre/genre.module.js')).GenreModule];

function trainGenre(context: CliContext, options: TrainOptions): Promise<void> {
  if (options.csv.length > 0 || options.features) throw new Error('--csv and --features are for the hit model; the genre model trains on schema chinook.');
  return context.withApp(async (app) => {
    const { card, onnxPath, activated, comparison } = await app.get(GenreModelTrainerService).train({
      trees: options.trees,
      maxDepth: options.maxDepth,
      minSamplesLeaf: options.minSamplesLeaf,
      minCustomersPerGenre: options.minCustomersPerGenre,
      seed: options.seed,
      activate: options.activate ?? 'if-not-worse',
    });
    context.out(formatGenreTrainingReport(card));
    context.out(`\nSaved ${onnxPath} and its model card (.json).`);
    const compared = comparison && {
      metric: 'accuracy',
      active_version: comparison.active_version,
      active: comparison.active_accuracy,
      new: comparison.new_accuracy,
    };
    context.out(activationOutcome(card.version, activated, options.activate, compared));
  }, genreFeature);
}

interface Comparison {
  metric: string;
  active_version: string;
  active: number;
  new: number;
}

/** Says which version predicts now, and why. */
function activationOutcome(version: string, activated: boolean, choice: boolean | undefined, comparison?: Comparison): string {
  if (choice === false) return 'Not activated (--no-activate): "npm run cli -- models activate <version>" makes it the active version.';
  if (!comparison) return `${version} is now the active version.`;
  const scores = `${comparison.metric} ${comparison.new.toFixed(4)} against ${comparison.active_version}'s ${comparison.active.toFixed(4)} on the same rows`;
  return activated
    ? `${version} is now the active version: ${scores}.`
    : `Kept ${comparison.active_version} active: the new version is worse (${scores}). --activate makes the new one active anyway.`;
}

export function registerModelCommands(program: Command, context: CliContext): void {
  program
    .command('train')
    .description('train a model, evaluate it on a hold-out split, save it to models/ and activate it')
    .option('--model-type <type>', 'which model: hit (songs) or genre (store customers)', 'hit')
    .option('--from <source>', 'training data: db (the songs table)', 'db')
    .option('--csv <path>', 'train on a CSV file instead of the songs table; repeat for several', collect, [])
    .option('--trees <n>', `number of trees (default: hit ${HIT_TRAINING_DEFAULTS.trees}, genre ${GENRE_TRAINING_DEFAULTS.trees})`, (value) =>
      positiveInteger(value),
    )
    .option('--max-depth <n>', 'maximum tree depth (default: unlimited)', (value) => positiveInteger(value))
    .option(
      '--min-samples-leaf <n>',
      `minimum rows in a leaf (default: hit ${HIT_TRAINING_DEFAULTS.minSamplesLeaf}, genre ${GENRE_TRAINING_DEFAULTS.minSamplesLeaf})`,
      (value) => positiveInteger(value),
    )
    .option(
      '--min-customers-per-genre <n>',
      `genre: group genres fewer customers prefer as "Other" (default ${GENRE_TRAINING_DEFAULTS.minCustomersPerGenre})`,
      (value) => positiveInteger(value),
    )
    .option('--seed <n>', 'random seed (split and forest)', (value) => positiveInteger(value, 0), HIT_TRAINING_DEFAULTS.seed)
    .option('--features <list>', 'comma-separated features, in order (default: the original ten)')
    .option('--activate', 'activate the new version even when the active one scores better on the same rows (by default it is activated only when not worse)')
    .option('--no-activate', 'save the new version without activating it')
    .action(async (options: TrainOptions) => {
      if (options.modelType === 'genre') return trainGenre(context, options);
      if (options.modelType !== 'hit') throw new Error(`Unknown model type "${options.modelType}": use hit or genre.`);
      if (options.from !== 'db' && options.csv.length === 0) throw new Error(`Unknown --from "${options.from}": use db, or --csv <files>.`);
      const features = options.features ? parseFeatureList(options.features) : undefined;
      await checkSongCsvFiles(options.csv); // a missing or unknown file fails before the database starts
      await context.withApp(async (app) => {
        const { card, row, activated, comparison } = await app.get(HitModelTrainerService).train({
          csv: options.csv.length > 0 ? options.csv : undefined,
          trees: options.trees,
          maxDepth: options.maxDepth,
          minSamplesLeaf: options.minSamplesLeaf,
          seed: options.seed,
          features,
          activate: options.activate ?? 'if-not-worse',
        });
        context.out(formatTrainingReport(card));
        const onnxPath = app.get(ModelRegistryService).onnxPath(row);
        context.out(`\nSaved ${onnxPath} and its model card (.json).`);
        const compared = comparison && {
          metric: 'ROC AUC',
          active_version: comparison.active_version,
          active: comparison.active_roc_auc,
          new: comparison.new_roc_auc,
        };
        context.out(activationOutcome(card.version, activated, options.activate, compared));
      }, hitModelFeature);
    });

  const models = program.command('models').description('list and activate trained model versions');
  models
    .command('list')
    .option('--name <name>', 'only this model', undefined)
    .action((options: { name?: string }) =>
      context.withApp(async (app) => {
        const rows = await app.get(ModelRegistryService).list(options.name);
        if (rows.length === 0) context.out('No trained models yet: npm run train');
        for (const row of rows) {
          context.out(
            `${row.isActive ? '*' : ' '} ${row.modelName} ${row.modelVersion}  ROC AUC ${row.rocAuc.toFixed(4)}  accuracy ${row.accuracy.toFixed(4)}  ` +
              `${row.trainingRows.toLocaleString('en-US')} rows  ${row.dataSource}`,
          );
        }
      }, modelsFeature),
    );
  models
    .command('activate')
    .argument('<version>', 'a version from "models list"')
    .option('--name <name>', 'the model', HIT_MODEL_NAME)
    .action((version: string, options: { name: string }) =>
      context.withApp(async (app) => {
        await app.get(ModelRegistryService).activate(options.name, version);
        context.out(`${options.name} ${version} is now the active version.`);
      }, modelsFeature),
    );
}

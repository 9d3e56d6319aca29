import type { GenreModelCard } from './genre-model.js';

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The genre model's evaluation as people read it at the end of `train --model-type genre`. */
export function formatGenreTrainingReport(card: GenreModelCard): string {
  const { metrics } = card;
  const method =
    metrics.evaluation.method === 'holdout'
      ? `stratified hold-out (${percent(metrics.evaluation.test_fraction)} of customers)`
      : `stratified ${metrics.evaluation.folds}-fold cross-validation (every customer scored by a model that did not see them)`;
  const classWidth = Math.max(5, ...card.classes.map((name) => name.length));
  const importances = Object.entries(metrics.feature_importances).sort((a, b) => b[1] - a[1]);
  const featureWidth = Math.max(...importances.map(([name]) => name.length));
  const lift = metrics.accuracy - metrics.majority_baseline.accuracy;
  return [
    `Model ${card.name} ${card.version}${card.synthetic_data ? ' (trained on the synthetic demo store)' : ''}`,
    `Data:        ${card.data_source}; ${card.classes.length} classes`,
    `Evaluation:  ${method}`,
    ...(card.customers.labelled < 200
      ? [`Caution:     only ${card.customers.labelled} customers with purchases: these figures are rough, and a few customers more or less can change them.`]
      : []),
    ...(card.other_genre.grouped.length > 0
      ? [`Other:       genres preferred by fewer than ${card.other_genre.min_customers} customers: ${card.other_genre.grouped.join(', ')}`]
      : []),
    '',
    `Accuracy           ${percent(metrics.accuracy)}`,
    `Majority baseline  ${percent(metrics.majority_baseline.accuracy)} (always "${metrics.majority_baseline.class}"); the model is ${lift >= 0 ? `${(lift * 100).toFixed(1)} points better` : `${(-lift * 100).toFixed(1)} points worse`}`,
    `Macro F1           ${metrics.f1.toFixed(4)}`,
    `ROC AUC (OvR)      ${Number.isNaN(metrics.roc_auc) ? 'n/a' : metrics.roc_auc.toFixed(4)}`,
    '',
    `${'genre'.padEnd(classWidth)}  precision  recall  f1-score  support`,
    ...card.classes.map((name) => {
      const report = metrics.per_class[name]!;
      return `${name.padEnd(classWidth)}  ${report.precision.toFixed(2).padStart(9)}  ${report.recall.toFixed(2).padStart(6)}  ${report.f1.toFixed(2).padStart(8)}  ${String(report.support).padStart(7)}`;
    }),
    '',
    'Feature importances',
    ...importances.map(([name, value]) => `  ${name.padEnd(featureWidth)}  ${value.toFixed(4)}  ${'#'.repeat(Math.round(value * 50))}`),
  ].join('\n');
}

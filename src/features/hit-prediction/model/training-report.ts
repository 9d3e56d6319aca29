import type { HitModelCard } from '../../../platform/models/model-card.js';

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The evaluation as people read it at the end of `train`. */
export function formatTrainingReport(card: HitModelCard): string {
  const { metrics } = card;
  const [[tn, fp], [fn, tp]] = metrics.confusion_matrix as [[number, number], [number, number]];
  const importances = Object.entries(metrics.feature_importances).sort((a, b) => b[1] - a[1]);
  const width = Math.max(...importances.map(([name]) => name.length));
  return [
    `Model ${card.name} ${card.version}${card.synthetic_data ? ' (trained on synthetic demo data)' : ''}`,
    `Data:        ${card.data_source}; ${card.training_rows.toLocaleString('en-US')} training rows, ${card.test_rows.toLocaleString('en-US')} test rows (stratified)`,
    `Forest:      ${card.hyperparameters.n_estimators} trees, max depth ${card.hyperparameters.max_depth ?? 'unlimited'}, fit in ${card.training_seconds.toFixed(2)} s`,
    '',
    `ROC AUC      ${metrics.roc_auc.toFixed(4)}`,
    `Accuracy     ${percent(metrics.accuracy)}`,
    `Precision    ${percent(metrics.precision)}`,
    `Recall       ${percent(metrics.recall)}`,
    `F1           ${metrics.f1.toFixed(4)}`,
    ...(metrics.oob_score === null ? [] : [`OOB score    ${percent(metrics.oob_score)}`]),
    ...(metrics.onnx_max_difference === null
      ? []
      : [`ONNX check   onnxruntime = forest on the test rows (max |Δ| ${metrics.onnx_max_difference.toExponential(1)})`]),
    '',
    'Confusion matrix (rows: actual, columns: predicted)',
    `             FLOP      HIT`,
    `  FLOP  ${String(tn).padStart(7)}  ${String(fp).padStart(7)}`,
    `  HIT   ${String(fn).padStart(7)}  ${String(tp).padStart(7)}`,
    '',
    'Feature importances',
    ...importances.map(([name, value]) => `  ${name.padEnd(width)}  ${value.toFixed(4)}  ${'#'.repeat(Math.round(value * 50))}`),
    ...(card.calibration
      ? [
          '',
          `Calibration  ${card.calibration.method} on out-of-bag scores; on ${card.calibration.rows.toLocaleString('en-US')} test rows:`,
          `  expected calibration error ${card.calibration.ece_before.toFixed(4)} raw → ${card.calibration.ece_after.toFixed(4)} calibrated`,
          `  Brier score                ${card.calibration.brier_before.toFixed(4)} raw → ${card.calibration.brier_after.toFixed(4)} calibrated`,
        ]
      : []),
    ...(card.importance
      ? [
          '',
          'Mean |contribution| to the HIT probability (test rows)',
          ...card.importance.map(({ feature, mean_abs_contribution }) => `  ${feature.padEnd(width)}  ${mean_abs_contribution.toFixed(4)}`),
        ]
      : []),
  ].join('\n');
}

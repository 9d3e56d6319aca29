// npm run bench:ml — the hit model's random forest on the shared hit-predictor data: trains it as
// the app does (100 trees, default options, 2 workers), evaluates it on a stratified 80/20 split
// (seed 42), measures inference through onnxruntime-node (OnnxForest) and the TypeScript
// predictor, and puts it next to scikit-learn's RandomForestClassifier on exactly the same test
// rows (../shared/benchmarks/sklearn_rf_reference.py), measured in the same run when
// /usr/bin/python3 has scikit-learn; otherwise next to the published reference figures. Issue 24:
// an explained single prediction (Linear TreeSHAP) beside an unexplained one, and the calibration
// (isotonic or Platt on out-of-bag scores) measured on the test rows.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../dist/platform/config/app-config.js';
import { DEFAULT_HIT_FEATURES, featureRow, HIT_TRAINING_DEFAULTS } from '../dist/features/hit-prediction/model/hit-features.js';
import { evaluateBinary } from '../dist/ml/evaluation.js';
import { predictProbabilities } from '../dist/ml/forest.js';
import { exportForestToOnnx } from '../dist/ml/onnx-export.js';
import { ModelRunner } from '../dist/ml/model-runner.js';
import { OnnxForest } from '../dist/ml/onnx-model.js';
import { calibrationReport, chooseCalibration } from '../dist/ml/calibration.js';
import { trainRandomForest, trainRandomForestWithOutOfBag } from '../dist/ml/random-forest.js';
import { coverFromRows, ForestExplainer } from '../dist/ml/tree-shap.js';
import { HitExplainer } from '../dist/features/hit-prediction/model/hit-explainer.js';
import { stratifiedSplit, takeRows } from '../dist/ml/split.js';
import { readSongRecords } from '../dist/features/dataset/import/csv-file.js';
import { median, percentile, printTable, sharedDataFolder } from './support.mjs';

const TREES = 100;
const WORKERS = 2;
const SEED = 42;
const TEST_FRACTION = 0.2;
/** Three fits (median) when one takes less than this; a single fit otherwise. */
const FIT_BUDGET_SECONDS = 20;
const BATCH_WARMUP = 2;
const BATCH_CALLS = 10;
const SINGLE_ROW_CALLS = 2_000;
const THREAD_SETTINGS = [1, 2];
const MAX_PROBABILITY_DIFFERENCE = 1e-5;
/** Single predictions with and without an explanation, alternating (an explanation costs milliseconds). */
const EXPLAINED_CALLS = 1_000;

const PYTHON = '/usr/bin/python3';
const dataDir = sharedDataFolder('hit-predictor');
const referenceScript = new URL('../../shared/benchmarks/sklearn_rf_reference.py', import.meta.url).pathname;
/** ../shared/benchmarks/README.md, measured on this kind of machine (2 cores) on 2026-11-22. */
const PUBLISHED = {
  library: 'scikit-learn 1.2.1',
  train_rows: 22_824,
  test_rows: 5_706,
  fit_seconds: 3.3,
  roc_auc: 0.839,
  accuracy: 0.769,
  f1: 0.782,
  batch_rows_per_s: 65_000,
  single_p50_ms: 15.7,
  pickle_mb: 49,
};

const fmt = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (started) => (performance.now() - started) / 1000;

// ---- Data: one record per track, merged as the importer does; features in the hit model's order.
const files = readdirSync(dataDir)
  .filter((name) => name.endsWith('.csv'))
  .sort()
  .map((name) => join(dataDir, name));
const songs = await readSongRecords(files, loadConfig({}).HIT_POPULARITY_THRESHOLD);
const featureCount = DEFAULT_HIT_FEATURES.length;
const x = new Float32Array(songs.length * featureCount);
songs.forEach((song, row) => x.set(featureRow(song, DEFAULT_HIT_FEATURES), row * featureCount));
const y = Int32Array.from(songs, (song) => (song.isHit ? 1 : 0));
const split = stratifiedSplit(y, TEST_FRACTION, SEED);
const trainX = takeRows(x, featureCount, split.train);
const trainY = Int32Array.from(split.train, (row) => y[row]);
const testX = takeRows(x, featureCount, split.test);
const testY = Int32Array.from(split.test, (row) => y[row]);
const testRows = testY.length;
const testIds = Array.from(split.test, (row) => songs[row].trackId);
const hits = y.reduce((sum, label) => sum + label, 0);

console.log(`Random forest benchmark: ${files.length} files in ${dataDir}`);
console.log(
  `${fmt(songs.length)} tracks (${fmt(hits)} hits), features: ${DEFAULT_HIT_FEATURES.join(', ')}; ` +
    `stratified split seed ${SEED}: ${fmt(split.train.length)} train / ${fmt(testRows)} test rows`,
);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start (shared machines are noisy: compare figures of one run)\n`,
);

// ---- Training.
// The app's training defaults (npm run train), against scikit-learn's defaults.
const options = { classes: [0, 1], nEstimators: TREES, minSamplesLeaf: HIT_TRAINING_DEFAULTS.minSamplesLeaf, workers: WORKERS, seed: SEED };
const fitTimes = [];
let started = performance.now();
const { model, outOfBag } = await trainRandomForestWithOutOfBag(trainX, trainY, options);
fitTimes.push(seconds(started));
if (fitTimes[0] < FIT_BUDGET_SECONDS) {
  for (let run = 1; run < 3; run++) {
    started = performance.now();
    await trainRandomForest(trainX, trainY, options);
    fitTimes.push(seconds(started));
  }
}
const fitSeconds = median(fitTimes);
const evaluation = evaluateBinary(model, testX, testY);
const onnxBytes = exportForestToOnnx(model, { featureNames: DEFAULT_HIT_FEATURES });
const nodesPerTree = model.trees.reduce((sum, tree) => sum + tree.feature.length, 0) / model.trees.length;

console.log(
  `Training: ${TREES} trees, the app's defaults (gini, max_features sqrt, bootstrap, unlimited depth, min_samples_leaf ${HIT_TRAINING_DEFAULTS.minSamplesLeaf}), ${WORKERS} workers`,
);
printTable([
  [
    'fit seconds',
    `${fitSeconds.toFixed(2)} (${fitTimes.length === 1 ? 'one fit' : `median of ${fitTimes.length}: ${fitTimes.map((t) => t.toFixed(2)).join(', ')}`})`,
  ],
  ['test ROC AUC', evaluation.roc_auc.toFixed(4)],
  ['test accuracy', evaluation.accuracy.toFixed(4)],
  ['test F1 (hit)', evaluation.f1.toFixed(4)],
  ['out-of-bag score', model.oobScore === undefined ? 'n/a' : model.oobScore.toFixed(4)],
  ['nodes per tree', fmt(nodesPerTree)],
  ['ONNX model size', `${(onnxBytes.length / 1e6).toFixed(1)} MB (${fmt(onnxBytes.length)} bytes)`],
]);

// ---- Inference.
const tsProbabilities = predictProbabilities(model, testX, testRows);
const singleRows = Array.from({ length: testRows }, (_, row) => testX.slice(row * featureCount, (row + 1) * featureCount));

function maxDifference(probabilities, firstRow = 0) {
  let max = 0;
  for (let i = 0; i < probabilities.length; i++) max = Math.max(max, Math.abs(probabilities[i] - tsProbabilities[firstRow * 2 + i]));
  return max;
}

/** Rows/s of the median call, after warm-up calls, each call on all test rows. */
async function batchThroughput(predict) {
  for (let call = 0; call < BATCH_WARMUP; call++) await predict();
  const times = [];
  for (let call = 0; call < BATCH_CALLS; call++) {
    const start = performance.now();
    await predict();
    times.push(seconds(start));
  }
  return testRows / median(times);
}

/** p50 and p99 milliseconds of sequential one-row calls, cycling through the test rows. */
async function singleRowLatency(predictRow) {
  const times = [];
  for (let call = 0; call < SINGLE_ROW_CALLS; call++) {
    const row = call % testRows;
    const start = performance.now();
    await predictRow(row);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const ort = [];
for (const threads of THREAD_SETTINGS) {
  const forest = await OnnxForest.load(onnxBytes, { intraOpNumThreads: threads });
  try {
    const batch = await forest.run(testX, testRows);
    let difference = maxDifference(batch);
    const rowsPerSecond = await batchThroughput(() => forest.run(testX, testRows));
    const latency = await singleRowLatency(async (row) => {
      difference = Math.max(difference, maxDifference(await forest.run(singleRows[row], 1), row));
    });
    ort.push({ threads, rowsPerSecond, ...latency, difference });
  } finally {
    await forest.release();
  }
}
const tsBatch = await batchThroughput(() => predictProbabilities(model, testX, testRows));
const tsLatency = await singleRowLatency((row) => predictProbabilities(model, singleRows[row], 1));

// ---- Explanations (issue 24): exact Shapley values by Linear TreeSHAP on the TypeScript forest,
// node cover from the training rows (the trees do not record it).
started = performance.now();
const trainingCover = coverFromRows(model, trainX, trainY.length);
const explainer = new ForestExplainer(model, trainingCover);
const explainerSetupMs = performance.now() - started;
// The served path: the model file with its cover (as the trainer writes it), read back once per
// version by the app (HitExplainer), each request's features as the API's object.
const servedBytes = exportForestToOnnx(model, { featureNames: DEFAULT_HIT_FEATURES, cover: trainingCover });
started = performance.now();
const served = HitExplainer.fromOnnx(servedBytes, DEFAULT_HIT_FEATURES, 1);
const servedSetupMs = performance.now() - started;
const requestRows = singleRows.map((row) => Object.fromEntries(DEFAULT_HIT_FEATURES.map((name, column) => [name, row[column]])));
const servedTimes = [];
let maxServedGap = 0;
const explainRow = (row) => {
  const probability = predictProbabilities(model, singleRows[row], 1)[1];
  return { probability, explanation: explainer.explain(singleRows[row], 1, DEFAULT_HIT_FEATURES) };
};
// Interleaved call by call, so both see the same machine load; every explained call also checks
// that the contributions add up to the probability.
const unexplainedTimes = [];
const explainedTimes = [];
let maxAdditivityGap = 0;
for (let call = 0; call < EXPLAINED_CALLS; call++) {
  const row = (call * 7) % testRows;
  let start = performance.now();
  predictProbabilities(model, singleRows[row], 1);
  unexplainedTimes.push(performance.now() - start);
  start = performance.now();
  const { probability, explanation } = explainRow(row);
  explainedTimes.push(performance.now() - start);
  const sum = explanation.contributions.reduce((total, c) => total + c.contribution, explanation.base_value);
  maxAdditivityGap = Math.max(maxAdditivityGap, Math.abs(sum - probability));
  start = performance.now();
  const answer = served.explain(requestRows[row]);
  servedTimes.push(performance.now() - start);
  const servedSum = answer.explanation.contributions.reduce((total, c) => total + c.contribution, answer.explanation.base_value);
  maxServedGap = Math.max(maxServedGap, Math.abs(servedSum - answer.raw));
}
const servedLatency = { p50: percentile(servedTimes, 50), p99: percentile(servedTimes, 99) };
const unexplainedLatency = { p50: percentile(unexplainedTimes, 50), p99: percentile(unexplainedTimes, 99) };
const explainedLatency = { p50: percentile(explainedTimes, 50), p99: percentile(explainedTimes, 99) };

// ---- Calibration (issue 24): fitted on the training rows' out-of-bag scores, measured on the test rows.
const oobHit = Float64Array.from(trainY, (_, row) => outOfBag[row * 2 + 1]);
const calibrationChoice = chooseCalibration(oobHit, trainY);
const rawTestHit = Float64Array.from({ length: testRows }, (_, row) => tsProbabilities[row * 2 + 1]);
const calibration = calibrationReport(calibrationChoice.calibration, rawTestHit, testY);
const ortDefault = ort.find((setting) => setting.threads === 1);
const ortBestBatch = ort.reduce((best, setting) => (setting.rowsPerSecond > best.rowsPerSecond ? setting : best));
const maxOrtDifference = Math.max(...ort.map((setting) => setting.difference));

console.log(
  `\nInference on the ${fmt(testRows)} test rows: batch = all rows per call, median of ${BATCH_CALLS} calls; single row = ${fmt(SINGLE_ROW_CALLS)} sequential one-row calls`,
);
printTable([
  ['', 'batch rows/s', 'single-row p50 ms', 'p99 ms'],
  ...ort.map((setting) => [
    `onnxruntime-node (OnnxForest), intraOpNumThreads ${setting.threads}${setting.threads === 1 ? ' (app default)' : ''}`,
    fmt(setting.rowsPerSecond),
    setting.p50.toFixed(3),
    setting.p99.toFixed(3),
  ]),
  ['TypeScript predictProbabilities (comparison)', fmt(tsBatch), tsLatency.p50.toFixed(3), tsLatency.p99.toFixed(3)],
]);
// ---- Concurrent single-row requests, as the HTTP API sees them: the app's ModelRunner joins the
// requests that arrive during a run into the next run; the reference gives each its own run().
const CONCURRENCY = 64;
async function concurrentRequests(predictRow) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < testRows) await predictRow(next++);
    }),
  );
  return testRows / seconds(start);
}
const runner = await ModelRunner.load(onnxBytes);
const coalesced = await concurrentRequests((row) => runner.run(singleRows[row], 1));
await runner.release();
const separate = await OnnxForest.load(onnxBytes);
const oneRunEach = await concurrentRequests((row) => separate.run(singleRows[row], 1));
await separate.release();
console.log(`\n${fmt(testRows)} single-row requests, ${CONCURRENCY} in flight at a time (1 thread)`);
printTable([
  ['', 'requests/s'],
  ['one run() per request (reference)', fmt(oneRunEach)],
  ['ModelRunner: requests arriving during a run share the next run (the app)', fmt(coalesced)],
]);

console.log(`\nExplained predictions (TypeScript forest, in-process): ${fmt(EXPLAINED_CALLS)} one-row calls of each, alternating`);
printTable([
  ['', 'single-row p50 ms', 'p99 ms'],
  ['unexplained: predictProbabilities', unexplainedLatency.p50.toFixed(3), unexplainedLatency.p99.toFixed(3)],
  ['explained: predictProbabilities + Linear TreeSHAP explain()', explainedLatency.p50.toFixed(3), explainedLatency.p99.toFixed(3)],
  ['served: HitExplainer.explain (forest + cover read from the ONNX file)', servedLatency.p50.toFixed(3), servedLatency.p99.toFixed(3)],
]);
console.log(
  `explainer set-up (node cover of ${fmt(trainY.length)} training rows): ${explainerSetupMs.toFixed(0)} ms; ` +
    `max |base_value + Σ contributions − probability| over those calls: ${maxAdditivityGap.toExponential(2)}`,
);
console.log(
  `served explainer set-up, once per loaded version (decode the ${(servedBytes.length / 1e6).toFixed(1)} MB file, rebuild trees and cover): ${servedSetupMs.toFixed(0)} ms; ` +
    `max |base_value + Σ contributions − raw_probability|: ${maxServedGap.toExponential(2)}`,
);
console.log(`\nCalibration on the ${fmt(testRows)} test rows (fitted on out-of-bag scores of the training rows)`);
printTable([
  ['', 'raw forest', `calibrated (${calibration.method})`],
  ['Brier score', calibration.brier_before.toFixed(4), calibration.brier_after.toFixed(4)],
  ['expected calibration error (10 bins)', calibration.ece_before.toFixed(4), calibration.ece_after.toFixed(4)],
]);
console.log(
  `method chosen by 5-fold cross-validated Brier on the out-of-bag scores: ` +
    Object.entries(calibrationChoice.cross_validated_brier)
      .map(([method, brier]) => `${method} ${brier.toFixed(5)}`)
      .join(', '),
);

const agreement = maxOrtDifference < MAX_PROBABILITY_DIFFERENCE;
console.log(
  `max |ORT − TS| probability over the test split (batch and single-row calls): ${maxOrtDifference.toExponential(2)} ` +
    `(${agreement ? 'OK' : 'FAIL'}: must be < ${MAX_PROBABILITY_DIFFERENCE.toExponential(0)})`,
);
if (!agreement) process.exitCode = 1;

// ---- Reference: scikit-learn on the same test rows, or the published figures.
async function measureSklearn() {
  const folder = await mkdtemp(join(tmpdir(), 'encore-bench-ml-'));
  try {
    const idsFile = join(folder, 'test-ids.txt');
    await writeFile(idsFile, `${testIds.join('\n')}\n`);
    const args = [referenceScript, '--data', dataDir, '--test-ids', idsFile, '--trees', String(TREES), '--jobs', String(WORKERS), '--json'];
    const result = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
    if (result.status !== 0) {
      throw new Error(
        `${PYTHON} ${referenceScript} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`,
      );
    }
    const lastLine = result.stdout.trim().split('\n').at(-1);
    return JSON.parse(lastLine);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const hasSklearn = spawnSync(PYTHON, ['-c', 'import sklearn']).status === 0;
let reference = PUBLISHED;
let measured = false;
if (hasSklearn) {
  try {
    reference = await measureSklearn();
    measured = true;
  } catch (error) {
    console.log(`\nscikit-learn reference failed, falling back to the published figures: ${error.message}`);
  }
}

if (measured) {
  console.log(
    `\nReference: ${reference.library}, RandomForestClassifier(n_estimators=${reference.trees}, n_jobs=${reference.n_jobs}, random_state=42), ` +
      `measured in this run on the same ${fmt(reference.test_rows)} test rows (${fmt(reference.train_rows)} train rows)`,
  );
  if (reference.test_rows !== testRows || reference.train_rows !== split.train.length) {
    console.log(
      `WARNING: the reference split (${reference.train_rows} / ${reference.test_rows}) differs from ours (${split.train.length} / ${testRows}): check the track ids`,
    );
  }
} else {
  console.log(
    `\nReference: ${PUBLISHED.library} — published reference (not measured in this run), from ../shared/benchmarks/README.md, on its own split of the same data`,
  );
  console.log(`To measure it in this run: apt-get install -y python3-sklearn (used with ${PYTHON})`);
}

// Accuracy and F1: ours labels a hit when p(hit) > 0.5 (evaluateBinary, as the app reports it), the
// reference script when p >= 0.5; with 100 trees a tie at exactly 0.5 is rare.
const refLabel = measured ? 'scikit-learn (this run)' : 'scikit-learn (published, not measured in this run)';
const ratio = (ours, theirs) => `${Number((ours / theirs).toPrecision(2))}x`;
const difference = (ours, theirs) => `${ours - theirs >= 0 ? '+' : ''}${(ours - theirs).toFixed(4)}`;
const sizeMb = onnxBytes.length / 1e6;
printTable([
  ['', 'ours', refLabel, 'ours vs scikit-learn'],
  ['fit seconds (2 workers / n_jobs=2)', fitSeconds.toFixed(2), reference.fit_seconds.toFixed(2), `${ratio(fitSeconds, reference.fit_seconds)} the time`],
  ['ROC AUC', evaluation.roc_auc.toFixed(4), reference.roc_auc.toFixed(4), difference(evaluation.roc_auc, reference.roc_auc)],
  ['accuracy', evaluation.accuracy.toFixed(4), reference.accuracy.toFixed(4), difference(evaluation.accuracy, reference.accuracy)],
  ['F1 (hit)', evaluation.f1.toFixed(4), reference.f1.toFixed(4), difference(evaluation.f1, reference.f1)],
  ...ort.map((setting) => [
    `batch rows/s (ours: ORT ${setting.threads} thread${setting.threads === 1 ? '' : 's'})`,
    fmt(setting.rowsPerSecond),
    fmt(reference.batch_rows_per_s),
    `${ratio(setting.rowsPerSecond, reference.batch_rows_per_s)} the throughput`,
  ]),
  [
    'single-row p50 ms (ours: ORT 1 thread)',
    ortDefault.p50.toFixed(3),
    reference.single_p50_ms.toFixed(3),
    `${ratio(ortDefault.p50, reference.single_p50_ms)} the time`,
  ],
  ['model size MB (ONNX / pickle)', sizeMb.toFixed(1), reference.pickle_mb.toFixed(1), `${ratio(sizeMb, reference.pickle_mb)} the size`],
]);

// ---- Targets.
const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
const source = measured ? 'measured' : 'published';
console.log('\nTargets');
printTable([
  [
    verdict(evaluation.roc_auc >= reference.roc_auc - 0.01),
    `ROC AUC >= scikit-learn - 0.01: ${evaluation.roc_auc.toFixed(4)} vs ${(reference.roc_auc - 0.01).toFixed(4)} (${source} ${reference.roc_auc.toFixed(4)} - 0.01)`,
  ],
  [
    verdict(fitSeconds <= reference.fit_seconds),
    `fit time <= scikit-learn's (n_jobs=2): ${fitSeconds.toFixed(2)} s vs ${reference.fit_seconds.toFixed(2)} s (${source})`,
  ],
  [verdict(ortDefault.p50 < 1), `single-row p50 < 1 ms (ORT, 1 thread): ${ortDefault.p50.toFixed(3)} ms`],
  [
    verdict(servedLatency.p50 <= 5),
    `served explained single prediction p50 <= 5 ms (HitExplainer from the model file, in-process): ${servedLatency.p50.toFixed(3)} ms`,
  ],
  [
    verdict(explainedLatency.p50 <= 5),
    `explained single prediction p50 <= 5 ms (TypeScript, in-process): ${explainedLatency.p50.toFixed(3)} ms, unexplained ${unexplainedLatency.p50.toFixed(3)} ms in this run (${(explainedLatency.p50 / unexplainedLatency.p50).toFixed(1)}x)`,
  ],
  [
    verdict(calibration.ece_after <= 0.03 && calibration.ece_after <= calibration.ece_before),
    `calibrated ECE <= 0.03 and <= raw on the test rows: ${calibration.ece_after.toFixed(4)} (raw ${calibration.ece_before.toFixed(4)})`,
  ],
  [
    verdict(ortBestBatch.rowsPerSecond >= 100_000),
    `batch >= 100,000 rows/s (ORT, best thread setting: ${ortBestBatch.threads}): ${fmt(ortBestBatch.rowsPerSecond)} rows/s`,
  ],
]);

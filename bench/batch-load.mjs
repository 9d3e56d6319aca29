// The "health while six clients saturate batch predictions" scenario of bench:http: GET /api/health/
// answered one after another, first on an idle server, then while six clients each send
// 10,000-row batches to POST /api/predict/batch/ back to back. The batch clients run in a worker
// thread of their own, so that reading their 1 MB answers does not delay this thread's timing of
// health requests.
import { Worker } from 'node:worker_threads';
import { percentile } from './support.mjs';

export const BATCH_CLIENTS = 6;
export const BATCH_ROWS = 10_000;
/** The target of issue 20: other requests stay responsive however busy the batch endpoint is. */
export const HEALTH_P99_TARGET_MS = 100;

/** One row per song, the hit model's features. */
function batchBody(featureRows) {
  return JSON.stringify({ rows: Array.from({ length: BATCH_ROWS }, (_, i) => featureRows[i % featureRows.length]) });
}

/** GET `url` one request at a time for `seconds`; each answer's time in ms. */
async function sampleHealth(url, seconds) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (!response.ok) errors++;
  }
  return { count: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) };
}

// The batch clients' thread: loops until told to stop, then reports what it sent.
const CLIENTS_SOURCE = `
const { parentPort, workerData: { url, body, clients } } = require('node:worker_threads');
let stopping = false;
const done = { batches: 0, errors: 0, latencies: [] };
parentPort.on('message', () => (stopping = true));
async function client() {
  while (!stopping) {
    const started = performance.now();
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      if (response.ok) done.batches++;
      else done.errors++;
    } catch {
      done.errors++;
    }
    done.latencies.push(performance.now() - started);
  }
}
Promise.all(Array.from({ length: clients }, client)).then(() => parentPort.postMessage(done));
`;

/**
 * Health latency idle and under six looping batch clients, `seconds` each (the batch clients get
 * `warmup` seconds first). `featureRows`: rows of the ten features to repeat into each batch.
 */
export async function healthUnderBatchLoad(base, featureRows, { seconds, warmup }) {
  const healthUrl = `${base}/health/`;
  await sampleHealth(healthUrl, warmup);
  const idle = await sampleHealth(healthUrl, seconds);
  const clients = new Worker(CLIENTS_SOURCE, {
    eval: true,
    workerData: { url: `${base}/predict/batch/`, body: batchBody(featureRows), clients: BATCH_CLIENTS },
  });
  const finished = new Promise((resolve, reject) => {
    clients.once('message', resolve);
    clients.once('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, warmup * 1000));
  const loaded = await sampleHealth(healthUrl, seconds);
  clients.postMessage('stop');
  const batches = await finished;
  await clients.terminate();
  return {
    idle,
    loaded,
    batches: {
      count: batches.batches,
      errors: batches.errors,
      p50: percentile(batches.latencies, 50),
      rowsPerSecond: (batches.batches * BATCH_ROWS) / (seconds + warmup),
    },
    pass: loaded.p99 <= HEALTH_P99_TARGET_MS && loaded.errors === 0 && batches.errors === 0,
  };
}

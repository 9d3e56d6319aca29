import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's own metrics, one registry per process as Prometheus expects: Node.js and
 * process metrics (prom-client's defaults, unprefixed as dashboards expect them), HTTP requests,
 * predictions and job runs. What is read from the app's state at scrape time (pool, job
 * tables, model versions) is collected by MetricsService.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export const httpRequests = new Counter({
  name: 'encore_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern (e.g. /api/songs/:id) and status class (2xx, 4xx, ...; aborted when the client left first)',
  labelNames: ['method', 'route', 'status_class'] as const,
  registers: [processRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'encore_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processRegistry],
});

export const predictions = new Counter({
  name: 'encore_predictions_total',
  help: 'Predictions asked of a model (one per row of a batch), by model and outcome (success, unavailable, rejected, error)',
  labelNames: ['model', 'outcome'] as const,
  registers: [processRegistry],
});

export const predictionResults = new Counter({
  name: 'encore_prediction_results_total',
  help: 'Successful predictions by model and predicted class (HIT/FLOP, or the genre)',
  labelNames: ['model', 'result'] as const,
  registers: [processRegistry],
});

export const predictionDuration = new Histogram({
  name: 'encore_prediction_duration_seconds',
  help: 'Time of one model run (a single prediction or a whole batch), by model and outcome',
  labelNames: ['model', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [processRegistry],
});

export const jobRuns = new Counter({
  name: 'encore_job_runs_total',
  help: 'Job runs by this instance, by queue and outcome (completed, failed); a failed run is retried or ends failed',
  labelNames: ['queue', 'outcome'] as const,
  registers: [processRegistry],
});

export const jobRunDuration = new Histogram({
  name: 'encore_job_run_duration_seconds',
  help: 'Time of one job run by this instance, by queue and outcome',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [processRegistry],
});

export const requestLimitRefusals = new Counter({
  name: 'encore_request_limit_refusals_total',
  help: 'Requests this instance refused (429) for being over a request budget, by limit (ip, account)',
  labelNames: ['limit'] as const,
  registers: [processRegistry],
});

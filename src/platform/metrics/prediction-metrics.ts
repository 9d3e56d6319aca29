import { HttpException } from '@nestjs/common';
import { predictionDuration, predictionResults, predictions } from './registry.js';

export type PredictionOutcome = 'success' | 'unavailable' | 'rejected' | 'error';

/** How a prediction ended: a missing model is "unavailable", bad input "rejected", anything else "error". */
export function predictionOutcome(error: unknown): Exclude<PredictionOutcome, 'success'> {
  if (!(error instanceof HttpException)) return 'error';
  const status = error.getStatus();
  if (status === 503) return 'unavailable';
  return status < 500 ? 'rejected' : 'error';
}

/**
 * Records one model run of `rows` predictions timed by the caller (e.g. in a worker thread):
 * rows by outcome, the run's time, and each row's predicted class (`classes`, on success).
 */
export function recordPrediction(model: string, rows: number, seconds: number, outcome: PredictionOutcome, classes: string[] = []): void {
  predictionDuration.observe({ model, outcome }, seconds);
  predictions.inc({ model, outcome }, outcome === 'success' ? rows : Math.max(rows, 1));
  for (const predicted of classes) predictionResults.inc({ model, result: predicted });
}

/** Runs one model run of `rows` predictions and records it (recordPrediction); `classesOf` gives each row's predicted class. */
export async function observePrediction<T>(model: string, rows: number, run: () => Promise<T>, classesOf: (result: T) => string[]): Promise<T> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const result = await run();
    recordPrediction(model, rows, seconds(), 'success', classesOf(result));
    return result;
  } catch (error) {
    recordPrediction(model, rows, seconds(), predictionOutcome(error));
    throw error;
  }
}

import { HttpException } from '@nestjs/common';
import { predictionDuration, predictionResults, predictions } from './registry.js';

/** How a prediction ended: a missing model is "unavailable", bad input "rejected", anything else "error". */
export function predictionOutcome(error: unknown): 'unavailable' | 'rejected' | 'error' {
  if (!(error instanceof HttpException)) return 'error';
  const status = error.getStatus();
  if (status === 503) return 'unavailable';
  return status < 500 ? 'rejected' : 'error';
}

/**
 * Runs one model run of `rows` predictions and records it: rows by outcome, the run's time, and
 * each row's predicted class (`classesOf`).
 */
export async function observePrediction<T>(model: string, rows: number, run: () => Promise<T>, classesOf: (result: T) => string[]): Promise<T> {
  const stop = predictionDuration.startTimer({ model });
  try {
    const result = await run();
    stop({ outcome: 'success' });
    predictions.inc({ model, outcome: 'success' }, rows);
    for (const predicted of classesOf(result)) predictionResults.inc({ model, result: predicted });
    return result;
  } catch (error) {
    const outcome = predictionOutcome(error);
    stop({ outcome });
    predictions.inc({ model, outcome }, Math.max(rows, 1));
    throw error;
  }
}

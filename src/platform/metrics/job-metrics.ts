import { jobRunDuration, jobRuns } from './registry.js';

/** Runs one job's handler and records the run: its outcome (completed or failed) and time. */
export async function observeJobRun<T>(queue: string, run: () => Promise<T>): Promise<T> {
  const stop = jobRunDuration.startTimer({ queue });
  try {
    const result = await run();
    stop({ outcome: 'completed' });
    jobRuns.inc({ queue, outcome: 'completed' });
    return result;
  } catch (error) {
    stop({ outcome: 'failed' });
    jobRuns.inc({ queue, outcome: 'failed' });
    throw error;
  }
}

/** How the Jobs page words the queue's states and times. */

export const JOB_STATE_LABELS = {
  created: 'Waiting',
  retry: 'Retrying',
  active: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
} as const;

export type JobStateName = keyof typeof JOB_STATE_LABELS;

/** The states a Retry button applies to. */
export const canRetry = (state: JobStateName): boolean => state === 'failed' || state === 'cancelled';

/** 850 → "850 ms", 12_340 → "12.3 s", 184_000 → "3 min 4 s", 7_500_000 → "2 h 5 min". */
export function formatJobDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** "3 of 4" attempts: the first run and the retries so far, of the first run and the retries allowed. */
export function formatAttempts(retryCount: number, retryLimit: number): string {
  return `${retryCount + 1} of ${retryLimit + 1}`;
}

/** A cron expression as the page shows it: "off" when the queue has none. */
export function formatCron(cron: string | null): string {
  return cron ?? 'off';
}

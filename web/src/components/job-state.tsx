import { JOB_STATE_LABELS, type JobStateName } from '../lib/jobs.js';

/** A job's state as a small coloured label (running and retrying amber, completed green, failed red). */
export function JobStateBadge({ state, testId }: { state: JobStateName; testId?: string }) {
  return (
    <span class={`job-state job-state-${state}`} data-testid={testId} data-value={state}>
      {JOB_STATE_LABELS[state]}
    </span>
  );
}

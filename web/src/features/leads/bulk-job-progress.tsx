import { useEffect, useState } from 'preact/hooks';
import { jobsApi } from '../../api/jobs.js';
import type { BulkJob } from './leads-api.js';
import { AppLink } from '../../components/app-link.js';
import { DataTable } from '../../components/data-table.js';
import { JobStateBadge } from '../../components/job-state.js';
import { Loaded } from '../../components/loaded.js';
import { useLoad } from '../../hooks.js';
import { formatCount, plural } from '../../lib/format.js';
import { jobSettled, progressPercent, type BulkProgress } from './leads.js';

/** How often a running job is asked about. */
const POLL_MS = 1500;

/** A bulk analysis, followed until it settles: a progress bar, the failures with their reasons, and a way to the leads. */
export function BulkJobProgress({ jobId, queued }: { jobId: string; queued: BulkJob | null }) {
  const [tick, setTick] = useState(0);
  const job = useLoad((signal) => jobsApi.job(jobId, signal), [jobId, tick]);
  const running = job.state === 'ready' && !jobSettled(job.data.state);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((value) => value + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running]);
  return (
    <section class="card" aria-labelledby="bulk-title" data-testid="bulk-job">
      <div class="card-head">
        <h2 id="bulk-title">Bulk analysis</h2>
        {job.state === 'ready' && <JobStateBadge state={job.data.state} testId="bulk-state" />}
      </div>
      {queued && <QueuedSummary queued={queued} />}
      <Loaded value={job}>
        {(data) => {
          const progress = data.progress as BulkProgress | undefined;
          return (
            <>
              {progress ? <ProgressBar progress={progress} /> : <p class="muted">Waiting for a worker…</p>}
              {data.state === 'completed' && (
                <p class="success" role="status" data-testid="bulk-done">
                  Done: {plural(progress?.done ?? 0, 'ISRC')} analysed{progress?.failed ? `, ${formatCount(progress.failed)} failed` : ''}.{' '}
                  <AppLink href="/leads">See the leads</AppLink>
                </p>
              )}
              {data.state === 'failed' && (
                <p class="form-error">The job failed{data.error ? `: ${data.error}` : ''}. An admin can retry it on the Jobs page.</p>
              )}
              {progress && progress.failures.length > 0 && <Failures failures={progress.failures} total={progress.failed} />}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function QueuedSummary({ queued }: { queued: BulkJob }) {
  return (
    <>
      <p class="muted small" data-testid="bulk-queued">
        {plural(queued.total, 'ISRC')} queued
        {queued.duplicates > 0 && ` · ${plural(queued.duplicates, 'duplicate')} left out`}
        {queued.invalid.length > 0 && ` · ${plural(queued.invalid.length, 'invalid ISRC')} left out`}
      </p>
      {queued.invalid.length > 0 && (
        <ul class="invalid-list small">
          {queued.invalid.map((entry) => (
            <li key={`${entry.line}-${entry.value}`}>
              {entry.line !== undefined && <span class="muted">Line {entry.line}: </span>}
              {entry.error}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProgressBar({ progress }: { progress: BulkProgress }) {
  const finished = progress.done + progress.failed;
  const percent = progressPercent(progress);
  const words = `${formatCount(finished)} of ${plural(progress.total, 'ISRC')} analysed`;
  return (
    <div class="bulk-progress" data-testid="bulk-progress">
      <div
        class="meter"
        role="progressbar"
        aria-label="ISRCs analysed"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={finished}
        aria-valuetext={words}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p class="small bulk-counts">
        <strong>{words}</strong> ({percent}%) · {formatCount(progress.done)} done ·{' '}
        <span class={progress.failed > 0 ? 'failed-count' : undefined}>{formatCount(progress.failed)} failed</span> · {formatCount(progress.pending)} waiting
      </p>
    </div>
  );
}

function Failures({ failures, total }: { failures: BulkProgress['failures']; total: number }) {
  return (
    <>
      <h3 class="section-title">Failures</h3>
      <DataTable testId="bulk-failures" caption="The ISRCs that failed, with the reason" rows={failures} columns={['ISRC', 'Reason']}>
        {(failure) => (
          <tr key={failure.isrc}>
            <th scope="row" class="nowrap">
              <code>{failure.isrc}</code>
            </th>
            <td>{failure.error}</td>
          </tr>
        )}
      </DataTable>
      {total > failures.length && (
        <p class="muted small">
          The first {formatCount(failures.length)} of {formatCount(total)} failures.
        </p>
      )}
    </>
  );
}

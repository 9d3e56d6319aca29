import { useState } from 'preact/hooks';
import { jobsApi, type Job, type JobSchedule } from '../../api/jobs.js';
import { AdminNav, Filter, ListingCard } from './admin-kit.js';
import { ACTIONS_COLUMN, DataTable, ListingTable } from '../../components/data-table.js';
import { FormError } from '../../components/form-error.js';
import { JobStateBadge } from '../../components/job-state.js';
import { Loaded } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { messageOf, useLoad, useTitle } from '../../hooks.js';
import { formatDateTime } from '../../lib/format.js';
import { canRetry, formatAttempts, formatCron, formatJobDuration, JOB_STATE_LABELS, type JobStateName } from '../../lib/jobs.js';

const PAGE_SIZE = 25;
const STATES = Object.keys(JOB_STATE_LABELS) as JobStateName[];

/** Admins: the job queue's schedules and jobs, with a Retry button on failed ones. */
export function AdminJobsPage() {
  useTitle('Admin · Jobs');
  return (
    <RequireSignIn role="admin" what="monitor the jobs">
      <AdminJobs />
    </RequireSignIn>
  );
}

function AdminJobs() {
  const [state, setState] = useState('');
  const [queue, setQueue] = useState('');
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const schedules = useLoad((signal) => jobsApi.schedules(signal), [version]);
  const query = { page, page_size: PAGE_SIZE, ...(state && { state }), ...(queue && { queue }) };
  const jobs = useLoad((signal) => jobsApi.list(query, signal), [JSON.stringify(query), version]);
  const refresh = () => setVersion((value) => value + 1);
  const retry = async (job: Job) => {
    setError(null);
    setRetrying(job.id);
    try {
      await jobsApi.retry(job.id);
      refresh();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRetrying(null);
    }
  };
  return (
    <div class="admin-page">
      <AdminNav refreshKey={version} />
      <section class="card" aria-labelledby="admin-schedules-title">
        <div class="card-head">
          <h1 id="admin-schedules-title">Jobs</h1>
          <button type="button" class="button ghost small-button" onClick={refresh}>
            Refresh
          </button>
        </div>
        <h2 class="section-title">Schedules</h2>
        <Loaded value={schedules}>{(queues) => <ScheduleTable queues={queues} />}</Loaded>
      </section>
      <ListingCard id="admin-jobs-title" title="Runs" level={2} listing={jobs} noun="job">
        <div class="filters admin-filters" role="group" aria-label="Filters">
          <Filter label="State">
            {(id) => (
              <select id={id} value={state} onChange={(event) => (setState((event.target as HTMLSelectElement).value), setPage(1))}>
                <option value="">All</option>
                {STATES.map((name) => (
                  <option key={name} value={name}>
                    {JOB_STATE_LABELS[name]}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter label="Queue">
            {(id) => (
              <select id={id} value={queue} onChange={(event) => (setQueue((event.target as HTMLSelectElement).value), setPage(1))}>
                <option value="">All</option>
                {(schedules.state === 'ready' ? schedules.data : []).map((entry) => (
                  <option key={entry.queue} value={entry.queue}>
                    {entry.queue}
                  </option>
                ))}
              </select>
            )}
          </Filter>
        </div>
        <FormError message={error} />
        <ListingTable
          value={jobs}
          empty="No jobs match these filters."
          pager={{ label: 'Job pages', page, pageSize: PAGE_SIZE, onPage: setPage }}
          testId="admin-jobs"
          caption="Jobs, newest first"
          columns={['Queue', 'State', 'Created', { label: 'Duration', numeric: true }, { label: 'Attempts', numeric: true }, 'Error', ACTIONS_COLUMN]}
        >
          {(job) => (
            <tr key={job.id} data-testid="job-row">
              <th scope="row" class="cell-title">
                {job.queue}
                <span class="muted small cell-sub" title={job.id}>
                  {job.id.slice(0, 8)}
                </span>
              </th>
              <td>
                <JobStateBadge state={job.state} />
              </td>
              <td class="nowrap">{formatDateTime(job.created_on)}</td>
              <td class="numeric nowrap">{job.duration_ms === null ? '—' : formatJobDuration(job.duration_ms)}</td>
              <td class="numeric">{formatAttempts(job.retry_count, job.retry_limit)}</td>
              <td class="job-error">{job.error ?? ''}</td>
              <td class="row-actions">
                {canRetry(job.state) && (
                  <button
                    type="button"
                    class="button ghost small-button"
                    aria-label={`Retry the ${job.queue} job ${job.id.slice(0, 8)}`}
                    disabled={retrying === job.id}
                    onClick={() => void retry(job)}
                  >
                    Retry
                  </button>
                )}
              </td>
            </tr>
          )}
        </ListingTable>
      </ListingCard>
    </div>
  );
}

function ScheduleTable({ queues }: { queues: JobSchedule[] }) {
  return (
    <DataTable
      testId="admin-schedules"
      caption="The job queues and when they run (UTC)"
      rows={queues}
      columns={['Queue', 'Schedule (UTC)', 'Next run', 'Last run', { label: 'Retries', numeric: true }, { label: 'Failed', numeric: true }]}
    >
      {(entry) => (
        <tr key={entry.queue} data-testid="schedule-row">
          <th scope="row" class="cell-title">
            {entry.queue}
          </th>
          <td class="nowrap">
            <code>{formatCron(entry.cron)}</code>
            {entry.overridden && <span class="muted small cell-sub">set by JOB_SCHEDULES</span>}
          </td>
          <td class="nowrap">{entry.next_run ? formatDateTime(entry.next_run) : '—'}</td>
          <td class="nowrap">
            {entry.last_run ? (
              <>
                <JobStateBadge state={entry.last_run.state} />
                <span class="muted small cell-sub">
                  {formatDateTime(entry.last_run.started_on)}
                  {entry.last_run.duration_ms !== null && ` · ${formatJobDuration(entry.last_run.duration_ms)}`}
                </span>
              </>
            ) : (
              <span class="muted">Never</span>
            )}
          </td>
          <td class="numeric">{entry.retry_limit}</td>
          <td class="numeric">{entry.counts.failed}</td>
        </tr>
      )}
    </DataTable>
  );
}

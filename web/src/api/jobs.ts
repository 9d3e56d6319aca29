import type { Listing } from './catalog-types.js';
import { api, toQuery, type EncoreApi } from './client.js';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** GET /api/jobs, GET /api/jobs/:id: one job of the queue. */
export interface Job {
  id: string;
  queue: string;
  state: JobState;
  data: unknown;
  output: unknown;
  error: string | null;
  created_on: string;
  started_on: string | null;
  completed_on: string | null;
  duration_ms: number | null;
  retry_count: number;
  retry_limit: number;
  /** How far the job has got, for queues that report it (leads-bulk: see BulkProgress in leads.ts). */
  progress?: unknown;
}

/** GET /api/jobs/schedules: a defined queue, when it runs and how it went last. */
export interface JobSchedule {
  queue: string;
  cron: string | null;
  overridden: boolean;
  next_run: string | null;
  retry_limit: number;
  retry_delay_seconds: number;
  retry_backoff: boolean;
  last_run: { id: string; state: JobState; started_on: string; completed_on: string | null; duration_ms: number | null } | null;
  counts: Record<JobState, number>;
}

/** /api/jobs: the job queue's monitoring, for admins. */
export class JobsApi {
  constructor(private readonly client: EncoreApi = api) {}

  list(query: { state?: string; queue?: string; page: number; page_size: number }, signal?: AbortSignal): Promise<Listing<Job>> {
    return this.client.send('GET', `/api/jobs?${toQuery(query)}`, undefined, { signal });
  }

  job(id: string, signal?: AbortSignal): Promise<Job> {
    return this.client.send('GET', `/api/jobs/${encodeURIComponent(id)}`, undefined, { signal });
  }

  async schedules(signal?: AbortSignal): Promise<JobSchedule[]> {
    return (await this.client.send<{ results: JobSchedule[] }>('GET', '/api/jobs/schedules', undefined, { signal })).results;
  }

  retry(id: string): Promise<Job> {
    return this.client.send('POST', `/api/jobs/${id}/retry`);
  }
}

export const jobsApi = new JobsApi();

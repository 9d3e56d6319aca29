import type { Listing } from './catalog-types.js';
import { api, toQuery, type EncoreApi } from './client.js';
import type { Schema } from './schema.js';

/** GET /api/jobs, GET /api/jobs/:id: one job of the queue. */
export type Job = Schema<'JobDto'>;

export type JobState = Job['state'];

/** GET /api/jobs/schedules: a defined queue, when it runs and how it went last. */
export type JobSchedule = Schema<'JobScheduleDto'>;

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

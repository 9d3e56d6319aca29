import { ConflictException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config.js';
import { DATABASE_URL } from '../database/database.tokens.js';
import { observeJobRun } from '../metrics/job-metrics.js';
import { type JobDto, type JobPageDto, type JobScheduleDto, type JobsQueryDto, type JobState } from './dto/job.dto.js';
import { durationMs, nextCronTime, REQUESTED_BY, toJobDto, type JobRow } from './job-views.js';

export interface JobDefinition {
  queue: string;
  /** Runs one job; what it returns is kept as the job's output. */
  handler: (data: Record<string, unknown>, job: { id: string }) => Promise<object | void>;
  /**
   * stately (default): at most one job waits and one runs, across instances (scheduled work);
   * standard: any number wait (work people queue, such as bulk analyses).
   */
  policy?: 'stately' | 'standard';
  /** How far a job has got, shown as `progress` by GET /api/jobs/:id. */
  progress?: (jobId: string) => Promise<object>;
  /** A cron expression (UTC) to run the job on, or null for none. JOB_SCHEDULES may override it. */
  schedule: string | null;
  /** How long one run may take before it counts as failed. */
  expireInSeconds: number;
  /** Retries after a failed run (default 3); then the job is failed. */
  retryLimit?: number;
  /** Seconds before the first retry (default 30). */
  retryDelaySeconds?: number;
  /** Double the delay with each retry, with up to as much again at random (default true): 30-60 s, 60-120 s, 120-240 s. */
  retryBackoff?: boolean;
}

/** PostgreSQL schema of the queue's own tables (pg-boss creates and migrates them). */
export const JOBS_SCHEMA = 'pgboss';
const SETUP_LOCK = 'encore:jobs:setup';

/** A queue's retry settings, defaults filled in. */
const retrySettings = (definition: JobDefinition) => ({
  retryLimit: definition.retryLimit ?? 3,
  retryDelaySeconds: definition.retryDelaySeconds ?? 30,
  retryBackoff: definition.retryBackoff ?? true,
});
/** Failed jobs stay in the queue table (where they can be retried) this long, then go to the archive. */
const FAILED_JOBS_KEPT_SECONDS = 7 * 86_400;

/** The columns the monitoring reads, from the queue table and its archive; internal queues left out. */
const JOB_COLUMNS = 'id, name, state::text AS state, data, output, created_on, started_on, completed_on, retry_count, retry_limit';
const ALL_JOBS = `(
  SELECT ${JOB_COLUMNS}, false AS archived FROM ${JOBS_SCHEMA}.job
  UNION ALL
  SELECT ${JOB_COLUMNS}, true AS archived FROM ${JOBS_SCHEMA}.archive
) jobs`;
const PUBLIC_QUEUE = `NOT starts_with(name, '__pgboss__')`;

/** Every state with its count (0 when absent). */
function countsByState(rows: Array<{ state: JobState; count: number }>): Record<JobState, number> {
  const counts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
  for (const row of rows) counts[row.state] += row.count;
  return counts;
}

/**
 * The persistent job queue every module shares: pg-boss on Encore's database. Modules define
 * their queues when they start; the server process (not the CLI) starts the queue, which then
 * runs the workers and schedules. Each queue is "stately": at most one job waits and one runs,
 * across every app instance on the database, so a scheduled job never runs twice at once.
 * A failed run is retried with backoff (per queue: retryLimit, retryDelaySeconds, retryBackoff).
 */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly workers = new Map<string, string>();
  private boss?: PgBoss;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    private readonly config: AppConfig,
  ) {}

  define(definition: JobDefinition): void {
    this.definitions.set(definition.queue, definition);
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** The cron a queue runs on: JOB_SCHEDULES when it names the queue, else its definition's. */
  scheduleOf(definition: JobDefinition): string | null {
    const overrides = this.config.jobSchedules;
    return overrides.has(definition.queue) ? overrides.get(definition.queue)! : definition.schedule;
  }

  /** Starts the queue with its workers and schedules (the server does; the CLI does not). */
  async start(): Promise<void> {
    if (this.boss) return;
    const unknown = [...this.config.jobSchedules.keys()].filter((queue) => !this.definitions.has(queue));
    if (unknown.length > 0) {
      this.logger.warn(`JOB_SCHEDULES names queues that do not exist: ${unknown.join(', ')} (the queues are ${[...this.definitions.keys()].join(', ')})`);
    }
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOBS_SCHEMA,
      application_name: 'encore-jobs',
      max: 4,
      cronMonitorIntervalSeconds: this.config.JOB_CRON_CHECK_SECONDS,
      cronWorkerIntervalSeconds: this.config.JOB_CRON_CHECK_SECONDS,
      archiveFailedAfterSeconds: FAILED_JOBS_KEPT_SECONDS,
    });
    boss.on('error', (error) => this.logger.warn(`Job queue: ${error.message}`));
    // Instances starting together would race creating the queue tables and partitions (and can
    // deadlock): set up one instance at a time.
    const lock = new pg.Client({ connectionString: this.url, application_name: 'encore-jobs-setup' });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [SETUP_LOCK]);
      await this.setUp(boss);
    } finally {
      await lock.end();
    }
    this.boss = boss;
    const queues = [...this.definitions.values()].map((definition) => {
      const schedule = this.scheduleOf(definition);
      return `${definition.queue}${schedule ? ` at "${schedule}" UTC` : ''}`;
    });
    this.logger.log(`Job queue started (${queues.join(', ')})`);
  }

  private async setUp(boss: PgBoss): Promise<void> {
    await boss.start();
    for (const definition of this.definitions.values()) {
      const { retryLimit, retryDelaySeconds, retryBackoff } = retrySettings(definition);
      const options = {
        name: definition.queue,
        policy: definition.policy ?? 'stately',
        expireInSeconds: definition.expireInSeconds,
        retryLimit,
        retryDelay: retryDelaySeconds,
        retryBackoff,
      };
      // createQueue leaves an existing queue as it is: updateQueue brings its options up to date.
      await boss.createQueue(definition.queue, options);
      await boss.updateQueue(definition.queue, options);
      const schedule = this.scheduleOf(definition);
      if (schedule) await boss.schedule(definition.queue, schedule, { trigger: 'schedule' }, { tz: 'UTC' });
      else await boss.unschedule(definition.queue);
      const worker = await boss.work(definition.queue, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        this.logger.log(`Running ${definition.queue} job ${job!.id}`);
        return observeJobRun(
          definition.queue,
          async () => (await definition.handler((job!.data ?? {}) as Record<string, unknown>, { id: job!.id })) ?? undefined,
        );
      });
      this.workers.set(definition.queue, worker);
    }
  }

  private running(): PgBoss {
    if (!this.boss) throw new ServiceUnavailableException('The job queue is not running in this process.');
    return this.boss;
  }

  private async query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    return (await this.running().getDb().executeSql(sql, values)).rows as T[];
  }

  /**
   * Queues a job (with the id given, if any); null when a stately queue already has one waiting.
   * `requestedBy`, the account queuing it, is kept in its data: that account may read the job.
   */
  async send(queue: string, data: object, options: { id?: string; requestedBy?: string } = {}): Promise<string | null> {
    const { requestedBy, ...sendOptions } = options;
    return this.running().send(queue, requestedBy ? { ...data, [REQUESTED_BY]: requestedBy } : data, sendOptions);
  }

  /** A job of any queue, from the queue table or its archive, with its progress when its queue reports one. */
  async find(id: string): Promise<JobDto | null> {
    const row = await this.findRow(id);
    if (!row) return null;
    const progress = this.definitions.get(row.name)?.progress;
    return { ...toJobDto(row), ...(progress && { progress: await progress(row.id) }) };
  }

  private async findRow(id: string): Promise<(JobRow & { archived: boolean }) | null> {
    const [row] = await this.query<JobRow & { archived: boolean }>(`SELECT * FROM ${ALL_JOBS} WHERE id = $1 AND ${PUBLIC_QUEUE} LIMIT 1`, [id]);
    return row ?? null;
  }

  /** The jobs of every queue (archived ones included), newest first, optionally of one state and queue. */
  async list(query: JobsQueryDto): Promise<JobPageDto> {
    const where = `${PUBLIC_QUEUE} AND ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR name = $2)`;
    const filters = [query.state ?? null, query.queue ?? null];
    const [counted, rows] = await Promise.all([
      this.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${ALL_JOBS} WHERE ${where}`, filters),
      this.query<JobRow>(`SELECT * FROM ${ALL_JOBS} WHERE ${where} ORDER BY created_on DESC, id DESC LIMIT $3 OFFSET $4`, [
        ...filters,
        query.page_size,
        (query.page - 1) * query.page_size,
      ]),
    ]);
    return { count: counted[0]!.count, page: query.page, page_size: query.page_size, results: rows.map(toJobDto) };
  }

  /** Every defined queue: its cron after JOB_SCHEDULES, next run, retry settings, last run and jobs by state. */
  async schedules(now = new Date()): Promise<JobScheduleDto[]> {
    const queues = [...this.definitions.keys()];
    const [lastRuns, counts] = await Promise.all([
      this.query<Pick<JobRow, 'id' | 'name' | 'state' | 'started_on' | 'completed_on'>>(
        `SELECT DISTINCT ON (name) id, name, state, started_on, completed_on FROM ${ALL_JOBS}
         WHERE name = ANY($1) AND started_on IS NOT NULL ORDER BY name, started_on DESC`,
        [queues],
      ),
      this.query<{ name: string; state: JobState; count: number }>(
        `SELECT name, state, count(*)::int AS count FROM ${ALL_JOBS} WHERE name = ANY($1) GROUP BY name, state`,
        [queues],
      ),
    ]);
    return [...this.definitions.values()].map((definition) => {
      const cron = this.scheduleOf(definition);
      const last = lastRuns.find((run) => run.name === definition.queue);
      const settings = retrySettings(definition);
      return {
        queue: definition.queue,
        cron,
        overridden: this.config.jobSchedules.has(definition.queue),
        next_run: cron ? nextCronTime(cron, now) : null,
        retry_limit: settings.retryLimit,
        retry_delay_seconds: settings.retryDelaySeconds,
        retry_backoff: settings.retryBackoff,
        last_run: last
          ? { id: last.id, state: last.state, started_on: last.started_on!, completed_on: last.completed_on, duration_ms: durationMs(last) }
          : null,
        counts: countsByState(counts.filter((row) => row.name === definition.queue)),
      };
    });
  }

  /** Jobs kept per defined queue and state (queue table and archive), for the metrics; undefined while the queue does not run here. */
  async stateCounts(): Promise<Array<{ queue: string; counts: Record<JobState, number> }> | undefined> {
    if (!this.boss) return undefined;
    const queues = [...this.definitions.keys()];
    const rows = await this.query<{ name: string; state: JobState; count: number }>(
      `SELECT name, state, count(*)::int AS count FROM ${ALL_JOBS} WHERE name = ANY($1) GROUP BY name, state`,
      [queues],
    );
    return queues.map((queue) => ({ queue, counts: countsByState(rows.filter((row) => row.name === queue)) }));
  }

  /**
   * Runs a failed job again (one more attempt than its limit) or a cancelled one; the queue's
   * worker here is woken to take it at once. 404 unknown, 409 in any other state, archived, or
   * while another job of its queue already waits in that state (a queue keeps one waiting).
   */
  async retry(id: string): Promise<JobDto> {
    const boss = this.running();
    const job = await this.findRow(id);
    if (!job) throw new NotFoundException(`Job ${id} not found`);
    if (job.state !== 'failed' && job.state !== 'cancelled')
      throw new ConflictException(`Job ${id} is ${job.state}: only failed or cancelled jobs can be retried`);
    if (job.archived) throw new ConflictException(`Job ${id} is archived and can no longer be retried`);
    let changed: { affected?: number } | undefined;
    try {
      // pg-boss answers {jobs, requested, affected}, though its types say void.
      changed = (await (job.state === 'failed' ? boss.retry(job.name, id) : boss.resume(job.name, id))) as unknown as typeof changed;
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new ConflictException(`A ${job.name} job is already waiting to run; retry this one after it has run`);
      throw error;
    }
    if (changed?.affected === 0) throw new ConflictException(`Job ${id} changed state meanwhile and was not retried`);
    const worker = this.workers.get(job.name);
    if (worker) boss.notifyWorker(worker);
    return (await this.find(id))!;
  }

  /** Lets the job in flight finish (up to its limit) before the database goes away. */
  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 30_000, wait: true });
    this.boss = undefined;
  }
}

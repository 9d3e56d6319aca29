import { Inject, Injectable, Logger, ServiceUnavailableException, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config.js';
import { DATABASE_URL } from '../database/database.tokens.js';

export interface JobDefinition {
  queue: string;
  /** Runs one job; what it returns is kept as the job's output. */
  handler: (data: Record<string, unknown>) => Promise<object | void>;
  /** A cron expression (UTC) to run the job on, or null for none. */
  schedule: string | null;
  /** How long one run may take before it counts as failed. */
  expireInSeconds: number;
}

export interface JobView {
  id: string;
  queue: string;
  state: string;
  data: unknown;
  output: unknown;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
}

/** PostgreSQL schema of the queue's own tables (pg-boss creates and migrates them). */
export const JOBS_SCHEMA = 'pgboss';
const SETUP_LOCK = 'encore:jobs:setup';

/**
 * The persistent job queue every module shares: pg-boss on Encore's database. Modules define
 * their queues when they start; the server process (not the CLI) starts the queue, which then
 * runs the workers and schedules. Each queue is "stately": at most one job waits and one runs,
 * across every app instance on the database, so a scheduled job never runs twice at once.
 */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
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

  /** Starts the queue with its workers and schedules (the server does; the CLI does not). */
  async start(): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOBS_SCHEMA,
      application_name: 'encore-jobs',
      max: 4,
      cronMonitorIntervalSeconds: this.config.JOB_CRON_CHECK_SECONDS,
      cronWorkerIntervalSeconds: this.config.JOB_CRON_CHECK_SECONDS,
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
    this.logger.log(`Job queue started (${[...this.definitions.values()].map((d) => `${d.queue}${d.schedule ? ` at "${d.schedule}" UTC` : ''}`).join(', ')})`);
  }

  private async setUp(boss: PgBoss): Promise<void> {
    await boss.start();
    for (const definition of this.definitions.values()) {
      await boss.createQueue(definition.queue, { name: definition.queue, policy: 'stately', expireInSeconds: definition.expireInSeconds, retryLimit: 0 });
      if (definition.schedule) await boss.schedule(definition.queue, definition.schedule, { trigger: 'schedule' }, { tz: 'UTC' });
      else await boss.unschedule(definition.queue);
      await boss.work(definition.queue, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        this.logger.log(`Running ${definition.queue} job ${job!.id}`);
        return (await definition.handler((job!.data ?? {}) as Record<string, unknown>)) ?? undefined;
      });
    }
  }

  /** Queues a job; null when one is already waiting in that queue. */
  async send(queue: string, data: object): Promise<string | null> {
    if (!this.boss) throw new ServiceUnavailableException('The job queue is not running in this process.');
    return this.boss.send(queue, data);
  }

  async find(id: string): Promise<JobView | null> {
    if (!this.boss) throw new ServiceUnavailableException('The job queue is not running in this process.');
    for (const queue of this.definitions.keys()) {
      const job = await this.boss.getJobById<unknown>(queue, id, { includeArchive: true });
      if (job) {
        return {
          id: job.id,
          queue,
          state: job.state,
          data: job.data,
          output: job.output ?? null,
          created_on: job.createdOn,
          started_on: job.startedOn ?? null,
          completed_on: job.completedOn ?? null,
          retry_count: job.retryCount,
        };
      }
    }
    return null;
  }

  /** Lets the job in flight finish (up to its limit) before the database goes away. */
  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 30_000, wait: true });
    this.boss = undefined;
  }
}

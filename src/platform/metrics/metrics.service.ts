import { Injectable, Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { PrismaService } from '../database/prisma.service.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { ModelRegistryService } from '../models/model-registry.service.js';
import { processRegistry } from './registry.js';

/**
 * What /api/metrics answers: the process's metrics (registry.ts) and this app's state read at
 * scrape time: the database pool, the jobs in the queue tables, the model versions in use.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  private readonly registry = new Registry();

  constructor(prisma: PrismaService, jobs: JobQueueService, models: ModelRegistryService) {
    const registers = [this.registry];
    const pool = prisma.pool;
    new Gauge({
      name: 'encore_db_pool_connections',
      help: "Connections of the app's PostgreSQL pool: total (open), idle, and waiting (queries queued for a connection)",
      labelNames: ['state'] as const,
      registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'encore_db_pool_max_connections',
      help: "Most connections the app's PostgreSQL pool opens (DATABASE_POOL_SIZE)",
      registers,
      collect() {
        this.set(pool.options.max ?? 10);
      },
    });

    const served = models.servedModels;
    new Gauge({
      name: 'encore_model_active_info',
      help: 'The model version this instance predicts with (value 1), by model and version',
      labelNames: ['model', 'version'] as const,
      registers,
      collect() {
        this.reset(); // a swapped-out version disappears
        for (const [name, model] of served) if (model.card) this.set({ model: name, version: model.card.version }, 1);
      },
    });
    new Gauge({
      name: 'encore_model_loaded',
      help: 'Whether this instance has a usable version of the model loaded (1) or answers 503 (0)',
      labelNames: ['model'] as const,
      registers,
      collect() {
        for (const [name, model] of served) this.set({ model: name }, model.card ? 1 : 0);
      },
    });

    const logger = this.logger;
    new Gauge({
      name: 'encore_jobs',
      help: 'Jobs kept in the pg-boss tables (queue and archive), by queue and state (created, retry, active, completed, cancelled, failed)',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        this.reset();
        try {
          for (const { queue, counts } of (await jobs.stateCounts()) ?? []) {
            for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
          }
        } catch (error) {
          // A scrape still answers while the database is away; the series are missing meanwhile.
          logger.warn(`Cannot count jobs for /api/metrics: ${(error as Error).message}`);
        }
      },
    });
  }

  /** The exposition: Prometheus text format. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processRegistry, this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config.js';
import { JobQueueService } from '../../platform/jobs/job-queue.service.js';
import { GenreModelTrainerService } from './genre-model-trainer.service.js';

export const GENRE_TRAINING_QUEUE = 'genre-train';

/**
 * Retrains the genre model on schedule (GENRE_TRAIN_CRON) and on request, through the shared
 * queue: one training at a time across all instances. A new version goes live only if it
 * scores at least as well as the active one on the same customers.
 */
@Injectable()
export class GenreTrainingJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly trainer: GenreModelTrainerService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      queue: GENRE_TRAINING_QUEUE,
      schedule: this.config.GENRE_TRAIN_CRON === 'off' ? null : this.config.GENRE_TRAIN_CRON,
      expireInSeconds: 3600,
      // No automatic retries: a training that failed (too few customers, a bad store, an hour's
      // timeout) would fail the same way on the same data, after another long run on the CPU.
      // An admin can run it again with POST /api/jobs/:id/retry; the schedule tries tomorrow.
      retryLimit: 0,
      handler: async (data) => {
        const { card, activated, comparison } = await this.trainer.train({ activate: 'if-not-worse' });
        return {
          trigger: data.trigger ?? 'request',
          version: card.version,
          accuracy: card.metrics.accuracy,
          majority_baseline: card.metrics.majority_baseline.accuracy,
          activated,
          ...(comparison && { comparison }),
        };
      },
    });
  }

  /** Queues a training now for the account `requestedBy`; null when one is already waiting. */
  request(requestedBy: string): Promise<string | null> {
    return this.jobs.send(GENRE_TRAINING_QUEUE, { trigger: 'request' }, { requestedBy });
  }
}

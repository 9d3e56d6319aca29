import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { ReleaseScoresService } from './release-scores.service.js';

export const ANALYTICS_RELEASE_SCORES_QUEUE = 'analytics-release-scores';

/** Scores the catalog's recent releases, Mondays at 06:00 UTC. */
@Injectable()
export class ReleaseScoresJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly releases: ReleaseScoresService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      queue: ANALYTICS_RELEASE_SCORES_QUEUE,
      schedule: '0 6 * * 1',
      expireInSeconds: 1800,
      handler: () => this.releases.scoreRecentReleases(),
    });
  }
}

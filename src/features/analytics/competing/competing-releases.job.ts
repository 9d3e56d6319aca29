import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { CompetingReleasesRecorder } from './competing-releases.recorder.js';

/** FanPulse's scrape_competing_releases. */
export const COMPETING_RELEASES_QUEUE = 'analytics-competing-releases';

/** Records the week's competing releases of every tracked artist, daily at 03:00 UTC. */
@Injectable()
export class CompetingReleasesJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly recorder: CompetingReleasesRecorder,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ queue: COMPETING_RELEASES_QUEUE, schedule: '0 3 * * *', expireInSeconds: 1800, handler: () => this.recorder.recordWeek() });
  }
}

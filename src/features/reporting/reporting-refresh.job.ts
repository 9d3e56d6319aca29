import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../platform/jobs/job-queue.service.js';
import { ReportingService } from './reporting.service.js';

export const REPORTING_REFRESH_QUEUE = 'reporting-refresh';
/** Every 15 minutes (UTC); JOB_SCHEDULES="reporting-refresh=..." changes it or turns it off. */
export const REPORTING_REFRESH_CRON = '*/15 * * * *';

/** Refreshes the reporting schema's materialized views on schedule; its output is each view's rows and time. */
@Injectable()
export class ReportingRefreshJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly reporting: ReportingService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      queue: REPORTING_REFRESH_QUEUE,
      schedule: REPORTING_REFRESH_CRON,
      expireInSeconds: 600,
      // One quick retry; past that the next run is at most 15 minutes away.
      retryLimit: 1,
      retryDelaySeconds: 60,
      handler: () => this.reporting.refresh(),
    });
  }
}

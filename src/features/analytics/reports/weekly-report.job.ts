import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { WeeklyReportService } from './weekly-report.service.js';

export const ANALYTICS_WEEKLY_REPORT_QUEUE = 'analytics-weekly-report';

/** The weekly report mail, Mondays at 08:00 UTC (for the week that ended on Sunday). */
@Injectable()
export class WeeklyReportJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly reports: WeeklyReportService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ queue: ANALYTICS_WEEKLY_REPORT_QUEUE, schedule: '0 8 * * 1', expireInSeconds: 1800, handler: () => this.reports.sendWeeklyReports() });
  }
}

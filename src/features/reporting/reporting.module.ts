import { Module } from '@nestjs/common';
import { ReportingRefreshJob } from './reporting-refresh.job.js';
import { ReportingService } from './reporting.service.js';

/**
 * The `reporting` schema for BI tools (Power BI): its views come from a migration, this module
 * refreshes the materialized ones (reporting-refresh job, npm run cli -- refresh-reporting).
 * The read-only BI role is made by npm run cli -- create-bi-user (bi-role.ts).
 */
@Module({ providers: [ReportingService, ReportingRefreshJob], exports: [ReportingService] })
export class ReportingModule {}

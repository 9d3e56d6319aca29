import { Module } from '@nestjs/common';
import { LeadAnalysisService } from './analysis/lead-analysis.service.js';
import { LeadStoreService } from './analysis/lead-store.service.js';
import { LeadBulkService } from './bulk/lead-bulk.service.js';
import { DemoLeadsService } from './demo/demo-leads.service.js';
import { LeadInsightsController } from './insights/lead-insights.controller.js';
import { LeadInsightsService } from './insights/lead-insights.service.js';
import { YoutubeCheckService } from './insights/youtube-check.service.js';
import { LeadsController } from './leads.controller.js';
import { LeadsService } from './leads.service.js';
import { SourcesModule } from './sources/sources.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';

/** A&R leads from ISRCs: source lookups, scoring, the lead list, outreach, bulk jobs and exports. */
@Module({
  imports: [SourcesModule, CatalogModule],
  controllers: [LeadsController, LeadInsightsController],
  providers: [LeadAnalysisService, LeadStoreService, LeadBulkService, LeadsService, LeadInsightsService, YoutubeCheckService, DemoLeadsService],
  exports: [DemoLeadsService],
})
export class LeadsModule {}

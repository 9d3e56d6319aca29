import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { SongsModule } from '../dataset/songs.module.js';
import { DemoDataService } from './demo-data.service.js';

/** Adding and removing all generated demo data (npm run cli -- demo add|remove). */
@Module({
  imports: [SongsModule, CatalogModule, AnalyticsModule, LeadsModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import { AdminModule } from './features/admin/admin.module.js';
import { AnalyticsModule } from './features/analytics/analytics.module.js';
import { AuthModule } from './features/auth/auth.module.js';
import { CatalogModule } from './features/catalog/catalog.module.js';
import { AppConfig } from './platform/config/app-config.js';
import { DatabaseServer } from './platform/database/database-server.js';
import { DemoModule } from './features/demo/demo.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { HitModelModule } from './features/hit-prediction/model/hit-model.module.js';
import { ModelsModule } from './platform/models/models.module.js';
import { GenreModule } from './features/genre/genre.module.js';
import { LeadsModule } from './features/leads/leads.module.js';
import { platformModules } from './platform/platform.module.js';
import { PredictionsModule } from './features/hit-prediction/predictions.module.js';
import { ReportingModule } from './features/reporting/reporting.module.js';
import { SpotifyModule } from './features/spotify/spotify.module.js';
import { SongsModule } from './features/dataset/songs.module.js';
import { PaymentsModule } from './features/payments/payments.module.js';
import { PlaylistsModule } from './features/playlists/playlists.module.js';
import { SubscriptionsModule } from './features/subscriptions/subscriptions.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, server?: DatabaseServer): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...platformModules(config, databaseUrl, server),
        AuthModule,
        HealthModule,
        SongsModule,
        ModelsModule,
        HitModelModule,
        PredictionsModule,
        SpotifyModule,
        GenreModule,
        SubscriptionsModule,
        PaymentsModule,
        CatalogModule,
        PlaylistsModule,
        AdminModule,
        AnalyticsModule,
        LeadsModule,
        ReportingModule,
        DemoModule,
      ],
    };
  }
}

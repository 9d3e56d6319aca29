import { Module, type DynamicModule } from '@nestjs/common';
import { AdminModule } from './admin/admin.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppConfig } from './config/app-config.js';
import { DatabaseServer } from './database/database-server.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { HitModelModule } from './hit-prediction/model/hit-model.module.js';
import { ModelsModule } from './models/models.module.js';
import { GenreModule } from './genre/genre.module.js';
import { LeadsModule } from './leads/leads.module.js';
import { platformModules } from './platform.module.js';
import { PredictionsModule } from './hit-prediction/predictions.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { SpotifyModule } from './spotify/spotify.module.js';
import { SongsModule } from './dataset/songs.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PlaylistsModule } from './playlists/playlists.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';

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

import { Module, type DynamicModule } from '@nestjs/common';
import { AdminModule } from './admin/admin.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseServer } from './database/database-server.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { HitModelModule } from './hit-model/hit-model.module.js';
import { ModelsModule } from './models/models.module.js';
import { GenreModule } from './genre/genre.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LeadsModule } from './leads/leads.module.js';
import { MailModule } from './mail/mail.module.js';
import { PredictionsModule } from './predictions/predictions.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SpotifyModule } from './spotify/spotify.module.js';
import { SongsModule } from './songs/songs.module.js';
import { StorageModule } from './storage/storage.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PlaylistsModule } from './playlists/playlists.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, server?: DatabaseServer): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl, server), SettingsModule, AuthModule, StorageModule, HealthModule, SongsModule, ModelsModule, HitModelModule, PredictionsModule, SpotifyModule, JobsModule, MailModule, GenreModule, SubscriptionsModule, PaymentsModule, CatalogModule, PlaylistsModule, AdminModule, AnalyticsModule, LeadsModule, ReportingModule, DemoModule],
    };
  }
}

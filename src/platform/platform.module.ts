import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseServer } from './database/database-server.js';
import { DatabaseModule } from './database/database.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MailModule } from './mail/mail.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { StorageModule } from './storage/storage.module.js';

export type FeatureModule = Type | DynamicModule;

/** What every feature relies on, each global: config, database, installation settings, media storage, job queue, mail. */
export function platformModules(config: AppConfig, databaseUrl: string, server?: DatabaseServer): FeatureModule[] {
  return [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl, server), SettingsModule, StorageModule, JobsModule, MailModule];
}

/**
 * An app of the platform and a few features: what a CLI command that needs only those starts
 * (AppModule has every feature, a second or so more to load and start).
 */
@Module({})
export class PlatformAppModule {
  static forFeatures(config: AppConfig, databaseUrl: string, features: FeatureModule[]): DynamicModule {
    return { module: PlatformAppModule, imports: [...platformModules(config, databaseUrl), ...features] };
  }
}

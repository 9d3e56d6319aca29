import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, type AppConfig } from '../platform/config/app-config.js';
import { DatabaseServer } from '../platform/database/database-server.js';
import { applyMigrations } from '../platform/database/migrations.js';
import { FEATURE_CONFIG_CHECKS } from '../feature-config-checks.js';
import { createLogger } from '../platform/logging/create-logger.js';
import type { FeatureModule } from '../platform/platform.module.js';

/** What every CLI command shares: config, output, and the app's database for the command's duration. */
export class CliContext {
  private loadedConfig?: AppConfig;

  get config(): AppConfig {
    this.loadedConfig ??= loadConfig(process.env, FEATURE_CONFIG_CHECKS);
    return this.loadedConfig;
  }

  /** A command's result, on stdout. */
  out(message: string): void {
    process.stdout.write(`${message}\n`);
  }

  /** Progress and diagnostics, on stderr, so stdout stays clean for scripts. */
  log(message: string): void {
    process.stderr.write(`${message}\n`);
  }

  /**
   * Runs `work` against the app's database: DATABASE_URL, or the embedded server, shared with
   * a running app when there is one, else started for this command and stopped after it.
   */
  async withDatabase<T>(work: (server: DatabaseServer) => Promise<T>): Promise<T> {
    const server = await DatabaseServer.start(this.config, (message) => this.log(message));
    try {
      return await work(server);
    } finally {
      await server.stop();
    }
  }

  /**
   * Runs `work` with the app's services (no HTTP server) on the app's database, migrated: the
   * platform and the feature modules the command names in `features` (loaded then), never the
   * whole app, so a command starts only what it uses.
   */
  async withApp<T>(work: (app: INestApplicationContext) => Promise<T>, features: () => Promise<FeatureModule[]>): Promise<T> {
    return this.withDatabase(async (server) => {
      const applied = await applyMigrations(server.url);
      if (applied.length > 0) this.log(`Applied migrations: ${applied.join(', ')}`);
      // Commands report on stdout themselves; the app's own logs (on stderr, in LOG_FORMAT) show only problems unless asked for.
      const level = ['debug', 'verbose'].includes(this.config.LOG_LEVEL) ? this.config.LOG_LEVEL : 'warn';
      const logger = createLogger(level, { format: this.config.logFormat, stream: 'stderr' });
      // Loaded here, not at the top: commands without the app's services (migrate, --help) skip
      // reading the app's modules, and the others read only those they start.
      const { NestFactory } = await import('@nestjs/core');
      const { PlatformAppModule } = await import('../platform/platform.module.js');
      const root = PlatformAppModule.forFeatures(this.config, server.url, await features());
      const app = await NestFactory.createApplicationContext(root, { logger });
      try {
        return await work(app);
      } finally {
        await app.close();
      }
    });
  }
}

import { ConsoleLogger, type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { logLevelsFrom } from '../app.js';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { DatabaseServer } from '../database/database-server.js';
import { applyMigrations } from '../database/migrations.js';

/** What every CLI command shares: config, output, and the app's database for the command's duration. */
export class CliContext {
  private loadedConfig?: AppConfig;

  get config(): AppConfig {
    this.loadedConfig ??= loadConfig();
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

  /** Runs `work` with the app's services (no HTTP server) on the app's database, migrated. */
  async withApp<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
    return this.withDatabase(async (server) => {
      const applied = await applyMigrations(server.url);
      if (applied.length > 0) this.log(`Applied migrations: ${applied.join(', ')}`);
      // Commands report on stdout themselves; the app's own logs show only problems unless asked for.
      const logger = new StderrLogger({ logLevels: logLevelsFrom(['debug', 'verbose'].includes(this.config.LOG_LEVEL) ? this.config.LOG_LEVEL : 'warn') });
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(this.config, server.url), { logger });
      try {
        return await work(app);
      } finally {
        await app.close();
      }
    });
  }
}

/** Nest's console logger, but on stderr: a command's stdout is its output, which scripts read. */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

import { Logger } from '@nestjs/common';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { DatabaseServer } from '../database/database-server.js';

/** What every CLI command shares: config, output, and the app's database for the command's duration. */
export class CliContext {
  private readonly logger = new Logger('CLI');
  private loadedConfig?: AppConfig;

  get config(): AppConfig {
    this.loadedConfig ??= loadConfig();
    return this.loadedConfig;
  }

  out(message: string): void {
    process.stdout.write(`${message}\n`);
  }

  /**
   * Runs `work` against the app's database: DATABASE_URL, or the embedded server, shared with
   * a running app when there is one, else started for this command and stopped after it.
   */
  async withDatabase<T>(work: (server: DatabaseServer) => Promise<T>): Promise<T> {
    const server = await DatabaseServer.start(this.config, (message) => this.logger.log(message));
    try {
      return await work(server);
    } finally {
      await server.stop();
    }
  }
}

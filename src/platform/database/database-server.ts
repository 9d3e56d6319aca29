import type { AppConfig } from '../config/app-config.js';
import { maskPassword } from './connection-string.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/**
 * The PostgreSQL server the app (or a CLI command) uses: DATABASE_URL when set, else the
 * embedded server, started for this process or shared with the process already running it.
 */
export class DatabaseServer {
  private constructor(
    readonly url: string,
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  /**
   * `onLaunched` is called once what is left is mostly waiting for PostgreSQL (see
   * EmbeddedPostgres.start), at once for DATABASE_URL.
   */
  static async start(config: AppConfig, log: (message: string) => void, onLaunched: () => void = () => undefined): Promise<DatabaseServer> {
    if (config.DATABASE_URL) {
      log(`Using PostgreSQL at ${maskPassword(config.DATABASE_URL)}`);
      onLaunched();
      return new DatabaseServer(config.DATABASE_URL);
    }
    const embedded = new EmbeddedPostgres({
      dataDir: config.embeddedPgDir,
      port: config.EMBEDDED_PG_PORT,
      password: config.EMBEDDED_PG_PASSWORD,
      log,
    });
    await embedded.start(onLaunched);
    log(`Embedded PostgreSQL: ${embedded.maskedUrl} (password in ${embedded.passwordFile} or EMBEDDED_PG_PASSWORD)`);
    return new DatabaseServer(embedded.url, embedded);
  }

  get maskedUrl(): string {
    return maskPassword(this.url);
  }

  /** Stops the embedded server if this process owns it; an external server is left alone. */
  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}

// The server, started by main.ts once V8's heap settings are in place.
import { releaseYoungGeneration } from './young-generation.js';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/app-config.js';
import { FEATURE_CONFIG_CHECKS } from './feature-config-checks.js';
import { DatabaseServer } from './platform/database/database-server.js';
import { applyMigrations } from './platform/database/migrations.js';
import { createLogger } from './platform/logging/create-logger.js';

const logger = new Logger('Encore');

/** The app's modules: about a second of a start, loaded while PostgreSQL initialises and starts in processes of its own. */
const loadApp = () =>
  Promise.all([import('./app.js'), import('./first-start.js'), import('./platform/jobs/job-queue.service.js')]).then(
    ([{ createApp }, { runFirstStart }, { JobQueueService }]) => ({ createApp, runFirstStart, JobQueueService }),
  );

async function bootstrap(config: AppConfig): Promise<void> {
  // One logger from the first line on (LOG_FORMAT): the database server starts before the app exists.
  const appLogger = createLogger(config.LOG_LEVEL, { format: config.logFormat });
  Logger.overrideLogger(appLogger);
  if (!config.JWT_SECRET) logger.warn('JWT_SECRET is not set: access tokens are signed with a random key of this process (clients refresh after a restart).');
  // The app's modules load once PostgreSQL's own processes are spawned: loading holds the event
  // loop up to 0.2 s at a time, and begun earlier it held up the steps before the spawn by 0.6 s.
  let onLaunched!: () => void;
  const app = new Promise<void>((resolve) => (onLaunched = resolve)).then(loadApp);
  const starting = DatabaseServer.start(config, (message) => logger.log(message), onLaunched);
  // Awaited once the database runs: a failure to load meanwhile is not an unhandled rejection.
  app.catch(() => undefined);
  const server = await starting;
  try {
    const applied = await applyMigrations(server.url);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const { createApp, runFirstStart, JobQueueService } = await app;
    const nest = await createApp(config, server.url, server, appLogger);
    // Modules define their job queues and load their models as the app initialises.
    await nest.init();
    // A first start fills what is empty (each feature's step says what it does); a restart skips them.
    // The first start's demo data and trainings need the young generation's room; a restart's
    // steps find their tables filled at once.
    releaseYoungGeneration();
    await runFirstStart(nest);
    await nest.get(JobQueueService).start();
    await nest.listen(config.PORT, config.HOST);
    logger.log(`Encore is listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

let config: AppConfig;
try {
  config = loadConfig(process.env, FEATURE_CONFIG_CHECKS);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
bootstrap(config).catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

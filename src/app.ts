import 'reflect-metadata';
import type { Server } from 'node:http';
import { Module, type DynamicModule, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { createOpenApiDocument } from './openapi-document.js';
import { AllExceptionsFilter } from './platform/common/http/all-exceptions.filter.js';
import { serveApiDocPages } from './platform/common/http/api-doc-pages.js';
import { requestLogger } from './platform/common/http/request-logger.middleware.js';
import { securityHeaders } from './platform/common/http/security-headers.js';
import { applyServerTimeouts } from './platform/common/http/server-timeouts.js';
import { refuseDeepBodies } from './platform/common/http/json-depth.js';
import { createValidationPipe, RefuseNulCharactersPipe } from './platform/common/http/validation.js';
import { serveWebApp } from './platform/common/http/web-app.js';
import type { AppConfig } from './platform/config/app-config.js';
import type { DatabaseServer } from './platform/database/database-server.js';
import { createLogger as createLoggerOf, logLevelsFrom } from './platform/logging/create-logger.js';
import { httpMetrics } from './platform/metrics/http-metrics.middleware.js';
import { MetricsModule } from './platform/metrics/metrics.module.js';
import { RequestLimitGuard } from './platform/request-limits/request-limit.guard.js';
import { RequestLimitsModule } from './platform/request-limits/request-limits.module.js';

export { logLevelsFrom };

/** A logger printing `level` and everything more severe: Nest's console format unless `format` is json (LOG_FORMAT). */
export function createLogger(level: AppConfig['LOG_LEVEL'], format: AppConfig['logFormat'] = 'pretty'): LoggerService {
  return createLoggerOf(level, { format });
}

/** TRUST_PROXY as Express takes it: true/false, a hop count, or addresses and names such as "loopback". */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The HTTP app's root: every module, and what only a server has (GET /api/metrics, request limits). */
@Module({})
class HttpAppModule {
  static forRoot(config: AppConfig, databaseUrl: string, server?: DatabaseServer): DynamicModule {
    return { module: HttpAppModule, imports: [AppModule.forRoot(config, databaseUrl, server), MetricsModule, RequestLimitsModule] };
  }
}

/**
 * Builds the HTTP app (not yet listening): used by main.ts and by the e2e tests. It logs through
 * `logger`, by default one for LOG_LEVEL and LOG_FORMAT.
 */
export async function createApp(config: AppConfig, databaseUrl: string, server?: DatabaseServer, logger?: LoggerService): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(HttpAppModule.forRoot(config, databaseUrl, server), {
    logger: logger ?? createLogger(config.LOG_LEVEL, config.logFormat),
    // Keeps each JSON body's bytes as request.rawBody: Stripe signs the exact bytes it sent.
    rawBody: true,
    // Same origin only unless CORS_ORIGINS names the origins a browser may call from.
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins } : false,
  });
  // Behind a reverse proxy, client IPs (request and login limits) come from X-Forwarded-For.
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  applyServerTimeouts(app.getHttpServer() as Server, config);
  configureHttp(app);
  // After the APP_GUARDs (the auth guard), which NestFactory.create has applied: guards run in the
  // order they were added, and the limits need request.user. An APP_GUARD of its own would be
  // ordered by module scanning, which put it first.
  app.useGlobalGuards(app.get(RequestLimitGuard));
  // process.exit rather than the signal again: the 'exit' event lets the JSON log write out its buffer.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  return app;
}

/** Never contacted: the app is built for its routes and DTOs, not initialised, so nothing connects. */
const UNUSED_DATABASE_URL = 'postgresql://localhost/encore-unused';

/**
 * The OpenAPI document /api/docs-json serves, built without a database: `npm run cli -- api-document`
 * prints it, scripts/api-types.mjs turns it into the web app's API types (and `npm run lint` checks them).
 */
export async function createApiDocumentWithoutDatabase(config: AppConfig, logger: LoggerService): Promise<OpenAPIObject> {
  const app = await createApp(config, UNUSED_DATABASE_URL, undefined, logger);
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** What every HTTP app of ours has: security headers, /api prefix, request ids and logs, request metrics, the web app, validation, one error shape, OpenAPI. */
export function configureHttp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // Batch predictions carry up to 10,000 rows of features.
  app.useBodyParser('json', { limit: '10mb' });
  app.use(refuseDeepBodies);
  // Before the request log: it records API calls, not every page asset.
  serveApiDocPages(app);
  serveWebApp(app);
  app.use(requestLogger);
  app.use(httpMetrics);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new RefuseNulCharactersPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  // A factory: Swagger builds the document on its first request, not at every start.
  const document = () => createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

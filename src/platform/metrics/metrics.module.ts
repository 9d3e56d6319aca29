import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { MetricsEndpoint } from './metrics.endpoint.js';
import { MetricsService } from './metrics.service.js';

/** GET /api/metrics (Prometheus text format); part of the HTTP app only, not of CLI commands. */
@Module({ imports: [ModelsModule], providers: [MetricsService] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsEndpoint).forRoutes({ path: 'metrics', method: RequestMethod.GET });
  }
}

import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { GenreModule } from '../genre/genre.module.js';
import { HitModelModule } from '../hit-model/hit-model.module.js';
import { MetricsEndpoint } from './metrics.endpoint.js';
import { MetricsService } from './metrics.service.js';

/** GET /api/metrics (Prometheus text format); part of the HTTP app only, not of CLI commands. */
@Module({ imports: [HitModelModule, GenreModule], providers: [MetricsService] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsEndpoint).forRoutes({ path: 'metrics', method: RequestMethod.GET });
  }
}

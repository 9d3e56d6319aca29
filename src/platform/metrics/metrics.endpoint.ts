import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from './metrics.service.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /api/metrics for Prometheus. A middleware rather than a controller: the app's auth guard
 * would read METRICS_TOKEN, sent as a bearer token, as an access token and refuse it.
 * With METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` reads it. Without, it is
 * open in development and tests, and absent (404) in production, where nobody chose who may
 * read how the instance is doing.
 */
@Injectable()
export class MetricsEndpoint implements NestMiddleware {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  async use(request: Request, response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    if (!this.config.METRICS_TOKEN && this.config.NODE_ENV === 'production') {
      response.status(404).json({ statusCode: 404, error: 'Not Found', message: 'Metrics are off in production until METRICS_TOKEN is set.' });
      return;
    }
    if (!this.authorized(request.headers.authorization)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      response.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN> to read the metrics.' });
      return;
    }
    const { contentType, body } = await this.metrics.scrape();
    response.setHeader('Content-Type', contentType);
    response.status(200).send(body);
  }

  private authorized(header: string | undefined): boolean {
    const token = this.config.METRICS_TOKEN;
    if (!token) return true;
    const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    // Compared as digests: constant time whatever the lengths.
    return given !== undefined && timingSafeEqual(digest(given), digest(token));
  }
}

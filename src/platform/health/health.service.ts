import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { ModelRegistryService } from '../models/model-registry.service.js';
import type { HealthDto, ModelsStatusDto } from './dto/health.dto.js';

/**
 * The main endpoints by name, as paths: the hit predictor's five first, under the names and in the
 * form its clients read (`"search_spotify": "/api/spotify/search/"`), then the rest of Encore's.
 */
const ENDPOINTS: Record<string, string> = {
  predict_spotify: '/api/predict/spotify/',
  search_spotify: '/api/spotify/search/',
  search_dataset: '/api/dataset/search/',
  predict_manual: '/api/predict/manual/',
  health: '/api/health/',
  predict_batch: '/api/predict/batch/',
  predictions: '/api/predictions',
  prediction_stats: '/api/predictions/stats',
  active_model: '/api/models/active',
  songs: '/api/dataset/songs',
  genre_predict: '/api/predict-genre',
  register: '/api/users',
  login: '/api/login',
  catalog_songs: '/api/songs',
  catalog_search: '/api/songs/search',
  trending: '/api/songs/trending',
  albums: '/api/albums',
  artists: '/api/artists',
  playlists: '/api/playlists',
  plans: '/api/subscriptions',
  analytics_artists: '/api/analytics/artists',
  analytics_dashboard: '/api/analytics/dashboard/stats',
  analytics_alerts: '/api/analytics/alerts',
  jobs: '/api/jobs',
  docs: '/api/docs',
  openapi: '/api/docs-json',
};

@Injectable()
export class HealthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly models: ModelRegistryService,
  ) {}

  async check(): Promise<HealthDto> {
    const databaseUp = await this.pingDatabase();
    return {
      status: databaseUp ? 'ok' : 'degraded',
      service: 'encore',
      database: databaseUp ? 'ok' : 'down',
      models: this.modelStatuses(),
      endpoints: ENDPOINTS,
    };
  }

  /** Every model the app serves, by name: the app has the hit and the genre model (ModelsStatusDto). */
  private modelStatuses(): ModelsStatusDto {
    return Object.fromEntries([...this.models.servedModels].map(([name, model]) => [name, model.status])) as unknown as ModelsStatusDto;
  }

  private async pingDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.config.DATABASE_TIMEOUT_MS);
    });
    const ping = this.prisma.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { GenrePredictorService } from '../genre/genre-predictor.service.js';
import { HitPredictorService } from '../hit-model/hit-predictor.service.js';
import type { HealthDto } from './dto/health.dto.js';

/** The main endpoints, for people and tools discovering the API. */
const ENDPOINTS: Record<string, string> = {
  health: 'GET /api/health/',
  predict_spotify: 'POST /api/predict/spotify/',
  predict_manual: 'POST /api/predict/manual/',
  predict_batch: 'POST /api/predict/batch/',
  predictions: 'GET /api/predictions',
  prediction_stats: 'GET /api/predictions/stats',
  active_model: 'GET /api/models/active',
  dataset_search: 'POST /api/dataset/search/',
  spotify_search: 'POST /api/spotify/search/',
  songs: 'GET /api/dataset/songs',
  genre_predict: 'POST /api/predict-genre',
  register: 'POST /api/users',
  login: 'POST /api/login',
  catalog_songs: 'GET /api/songs',
  catalog_search: 'GET /api/songs/search?q=',
  trending: 'GET /api/songs/trending',
  albums: 'GET /api/albums',
  artists: 'GET /api/artists',
  playlists: 'GET /api/playlists',
  plans: 'GET /api/subscriptions',
  analytics_artists: 'GET /api/analytics/artists',
  analytics_dashboard: 'GET /api/analytics/dashboard/stats',
  analytics_alerts: 'GET /api/analytics/alerts',
  jobs: 'GET /api/jobs',
  docs: 'GET /api/docs',
  openapi: 'GET /api/docs-json',
};

@Injectable()
export class HealthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly hitModel: HitPredictorService,
    private readonly genreModel: GenrePredictorService,
  ) {}

  async check(): Promise<HealthDto> {
    const databaseUp = await this.pingDatabase();
    return {
      status: databaseUp ? 'ok' : 'degraded',
      service: 'encore',
      database: databaseUp ? 'ok' : 'down',
      models: { hit: this.hitModel.status, genre: this.genreModel.status },
      endpoints: ENDPOINTS,
    };
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

import { Module } from '@nestjs/common';
import { GenreModule } from '../genre/genre.module.js';
import { SongsModule } from '../dataset/songs.module.js';
import { PredictionsModule } from '../hit-prediction/predictions.module.js';
import { HitModelModule } from '../hit-prediction/model/hit-model.module.js';
import { ModelsModule } from '../../platform/models/models.module.js';
import { AdminModelsController } from './admin-models.controller.js';
import { AdminModelsService } from './admin-models.service.js';
import { AdminPredictionsController } from './admin-predictions.controller.js';
import { AdminPredictionsService } from './admin-predictions.service.js';
import { AdminSongsController } from './admin-songs.controller.js';
import { AdminSongsService } from './admin-songs.service.js';
import { AdminStatsController } from './admin-stats.controller.js';
import { AdminStatsService } from './admin-stats.service.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AdminUsersService } from './admin-users.service.js';

/** The admin API (/api/admin/...): every route needs an admin. */
@Module({
  imports: [ModelsModule, HitModelModule, GenreModule, SongsModule, PredictionsModule],
  controllers: [AdminSongsController, AdminPredictionsController, AdminUsersController, AdminStatsController, AdminModelsController],
  providers: [AdminSongsService, AdminPredictionsService, AdminUsersService, AdminStatsService, AdminModelsService],
})
export class AdminModule {}

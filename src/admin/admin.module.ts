import { Module } from '@nestjs/common';
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
  controllers: [AdminSongsController, AdminPredictionsController, AdminUsersController, AdminStatsController],
  providers: [AdminSongsService, AdminPredictionsService, AdminUsersService, AdminStatsService],
})
export class AdminModule {}

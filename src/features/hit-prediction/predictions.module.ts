import { Module } from '@nestjs/common';
import { BatchPredictionThreads } from './batch/batch-prediction-threads.js';
import { HitModelModule } from './model/hit-model.module.js';
import { ModelsController } from './models.controller.js';
import { PredictionHistoryController } from './prediction-history.controller.js';
import { PredictionHistoryService } from './prediction-history.service.js';
import { PredictionsController } from './predictions.controller.js';
import { PredictionsService } from './predictions.service.js';
import { SongPredictionService } from './song-prediction.service.js';
import { SongsModule } from '../dataset/songs.module.js';
import { SpotifyModule } from '../spotify/spotify.module.js';
import { SongLookupService } from './song-lookup.service.js';

@Module({
  imports: [HitModelModule, SongsModule, SpotifyModule],
  controllers: [PredictionsController, PredictionHistoryController, ModelsController],
  providers: [PredictionsService, BatchPredictionThreads, SongPredictionService, SongLookupService, PredictionHistoryService],
  exports: [PredictionHistoryService],
})
export class PredictionsModule {}

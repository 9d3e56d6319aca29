import { Module } from '@nestjs/common';
import { HitModelModule } from '../hit-model/hit-model.module.js';
import { ModelsController } from './models.controller.js';
import { PredictionsController } from './predictions.controller.js';
import { PredictionsService } from './predictions.service.js';
import { SongPredictionService } from './song-prediction.service.js';
import { SongsModule } from '../songs/songs.module.js';

@Module({ imports: [HitModelModule, SongsModule], controllers: [PredictionsController, ModelsController], providers: [PredictionsService, SongPredictionService] })
export class PredictionsModule {}

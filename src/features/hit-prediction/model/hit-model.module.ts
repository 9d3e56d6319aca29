import { Module } from '@nestjs/common';
import { ModelsModule } from '../../../platform/models/models.module.js';
import { SongsModule } from '../../dataset/songs.module.js';
import { HitModelTrainerService } from './hit-model-trainer.service.js';
import { HitPredictorService } from './hit-predictor.service.js';

@Module({
  imports: [ModelsModule, SongsModule],
  providers: [HitModelTrainerService, HitPredictorService],
  exports: [HitModelTrainerService, HitPredictorService],
})
export class HitModelModule {}

import { Module } from '@nestjs/common';
import { ModelsModule } from '../../../platform/models/models.module.js';
import { HitModelTrainerService } from './hit-model-trainer.service.js';
import { HitPredictorService } from './hit-predictor.service.js';

@Module({
  imports: [ModelsModule],
  providers: [HitModelTrainerService, HitPredictorService],
  exports: [HitModelTrainerService, HitPredictorService],
})
export class HitModelModule {}

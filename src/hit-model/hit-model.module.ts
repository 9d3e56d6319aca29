import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { HitModelTrainerService } from './hit-model-trainer.service.js';

@Module({ imports: [ModelsModule], providers: [HitModelTrainerService], exports: [HitModelTrainerService] })
export class HitModelModule {}

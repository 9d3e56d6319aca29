import { Module } from '@nestjs/common';
import { HitModelModule } from '../hit-model/hit-model.module.js';
import { ModelsController } from './models.controller.js';
import { PredictionsController } from './predictions.controller.js';
import { PredictionsService } from './predictions.service.js';

@Module({ imports: [HitModelModule], controllers: [PredictionsController, ModelsController], providers: [PredictionsService] })
export class PredictionsModule {}

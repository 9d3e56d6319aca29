import { Module } from '@nestjs/common';
import { ModelsModule } from '../../platform/models/models.module.js';
import { ChinookImportService } from './chinook/chinook-import.service.js';
import { DemoStoreService } from './demo/demo-store.service.js';
import { GenreModelTrainerService } from './genre-model-trainer.service.js';
import { GenrePredictorService } from './genre-predictor.service.js';
import { GenreStoreService } from './genre-store.service.js';
import { GenreController } from './genre.controller.js';
import { GenreTrainingJob } from './genre-training.job.js';
import { GenreService } from './genre.service.js';

@Module({
  imports: [ModelsModule],
  controllers: [GenreController],
  providers: [ChinookImportService, DemoStoreService, GenreStoreService, GenreModelTrainerService, GenrePredictorService, GenreService, GenreTrainingJob],
  exports: [ChinookImportService, DemoStoreService, GenreModelTrainerService, GenrePredictorService],
})
export class GenreModule {}

import { Module } from '@nestjs/common';
import { GenreModule } from '../genre/genre.module.js';
import { HitModelModule } from '../hit-model/hit-model.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ imports: [HitModelModule, GenreModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}

import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ imports: [ModelsModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}

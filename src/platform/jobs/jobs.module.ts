import { Global, Module } from '@nestjs/common';
import { JobQueueService } from './job-queue.service.js';
import { JobsController } from './jobs.controller.js';

/** The shared job queue: global, so any module can define queues and send jobs. */
@Global()
@Module({ controllers: [JobsController], providers: [JobQueueService], exports: [JobQueueService] })
export class JobsModule {}

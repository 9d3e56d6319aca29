import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JobQueueService, type JobView } from './job-queue.service.js';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobQueueService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The job: queue, state (created, active, completed, failed...), data, output, times' })
  @ApiNotFoundResponse({ description: 'No job with this id' })
  async get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Job ids are UUIDs') })) id: string): Promise<JobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new NotFoundException(`Job ${id} not found`);
    return job;
  }
}

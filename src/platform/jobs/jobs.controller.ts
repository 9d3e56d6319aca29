import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, CurrentUser } from '../auth/auth.decorators.js';
import { JobDto, JobPageDto, JobSchedulesDto, JobsQueryDto } from './dto/job.dto.js';
import { JobQueueService } from './job-queue.service.js';
import { mayRead } from './job-views.js';
import { Listing } from '../common/http/page-links.js';

/** Job ids are UUIDs: anything else names no job. */
const jobId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Job ids are UUIDs') });

@ApiTags('jobs')
@ApiServiceUnavailableResponse({ description: 'The job queue does not run in this process' })
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobQueueService) {}

  @Get()
  @Auth('admin')
  @ApiOperation({ summary: 'List jobs, newest first', description: 'Every queue, archived jobs included; filter by state and queue.' })
  @Listing({ type: JobPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter, named in the message' })
  list(@Query() query: JobsQueryDto): Promise<JobPageDto> {
    return this.jobs.list(query);
  }

  @Get('schedules')
  @Auth('admin')
  @ApiOperation({
    summary: 'The defined queues',
    description: 'Each with its cron (UTC, after JOB_SCHEDULES), next run, retry settings, last run and jobs by state.',
  })
  @ApiOkResponse({ type: JobSchedulesDto })
  async schedules(): Promise<JobSchedulesDto> {
    return { results: await this.jobs.schedules() };
  }

  @Get(':id')
  @Auth()
  @ApiOperation({
    summary: 'A job: its state, and its output once completed or its error once failed',
    description: 'For admins, and for the account that queued the job; to anyone else a job is not found, as an unknown id.',
  })
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse({ description: 'No job with this id that the caller may read' })
  async get(@Param('id', jobId()) id: string, @CurrentUser() caller: AuthUser): Promise<JobDto> {
    const job = await this.jobs.find(id);
    // The same answer as for an unknown id, so that an id tells nothing to those who may not read it.
    if (!job || !mayRead(job, caller)) throw new NotFoundException(`Job ${id} not found`);
    return job;
  }

  @Post(':id/retry')
  @Auth('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a failed or cancelled job again', description: 'A failed job gets one more attempt; a cancelled one waits to run again.' })
  @ApiAcceptedResponse({ type: JobDto, description: 'The job, queued again' })
  @ApiNotFoundResponse({ description: 'No job with this id' })
  @ApiConflictResponse({ description: 'The job is not failed or cancelled, is archived, or another job of its queue already waits' })
  retry(@Param('id', jobId()) id: string): Promise<JobDto> {
    return this.jobs.retry(id);
  }
}

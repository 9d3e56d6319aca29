import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../common/http/query.js';

/** pg-boss's job states, in its own order (created and retry wait, active runs, the rest are done). */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** GET /api/jobs: the page, and optionally one state and one queue. */
export class JobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptional()
  @IsIn(JOB_STATES, { message: `state must be one of ${JOB_STATES.join(', ')}` })
  state?: JobState;

  @ApiPropertyOptional({ description: 'A queue name, e.g. genre-train' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  queue?: string;
}

/** One job of the queue, as GET /api/jobs and GET /api/jobs/:id show it. */
export class JobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'genre-train' }) queue!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What the job was sent with' }) data!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What a completed job returned (null otherwise)' }) output!: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed, for failed jobs and jobs waiting to retry' }) error!: string | null;
  @ApiProperty() created_on!: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'When the last attempt started' }) started_on!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completed_on!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'How long the last attempt took, once the job completed or failed' }) duration_ms!: number | null;
  @ApiProperty({ description: 'Retries so far (attempts - 1)' }) retry_count!: number;
  @ApiProperty({ description: 'Retries allowed after a failure' }) retry_limit!: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'How far the job has got, for queues that report it (e.g. leads-bulk: total, done, failed, failures)',
  })
  progress?: object;
}

export class JobPageDto extends PageDto {
  @ApiProperty({ type: [JobDto] }) results!: JobDto[];
}

export class JobStateCountsDto {
  @ApiProperty() created!: number;
  @ApiProperty() retry!: number;
  @ApiProperty() active!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() failed!: number;
}

export class JobRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiProperty() started_on!: Date;
  @ApiProperty({ type: Date, nullable: true }) completed_on!: Date | null;
  @ApiProperty({ type: Number, nullable: true }) duration_ms!: number | null;
}

/** A defined queue: when it runs, how it retries, its last run and its jobs by state. */
export class JobScheduleDto {
  @ApiProperty({ example: 'genre-train' }) queue!: string;
  @ApiProperty({ type: String, nullable: true, example: '0 2 * * *', description: 'Cron (UTC) after JOB_SCHEDULES; null when not scheduled' }) cron!:
    string | null;
  @ApiProperty({ description: 'Whether JOB_SCHEDULES set this cron (or turned it off)' }) overridden!: boolean;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'The next cron time; the job starts within JOB_CRON_CHECK_SECONDS (and a few seconds of polling) after it',
  })
  next_run!: Date | null;
  @ApiProperty() retry_limit!: number;
  @ApiProperty() retry_delay_seconds!: number;
  @ApiProperty({ description: 'Whether the delay doubles with each retry (with jitter)' }) retry_backoff!: boolean;
  @ApiProperty({ type: JobRunDto, nullable: true, description: 'The job that started last' }) last_run!: JobRunDto | null;
  @ApiProperty({ type: JobStateCountsDto, description: 'Jobs kept (in the queue and its archive) by state' }) counts!: JobStateCountsDto;
}

export class JobSchedulesDto {
  @ApiProperty({ type: [JobScheduleDto] }) results!: JobScheduleDto[];
}

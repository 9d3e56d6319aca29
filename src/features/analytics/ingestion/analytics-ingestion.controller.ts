import { BadRequestException, Body, Controller, HttpCode, Param, Post, UploadedFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../../platform/common/http/query.js';
import { FileUpload, MB, type UploadedTempFile } from '../../../platform/common/http/upload.js';
import { ExpensiveRequest } from '../../../platform/request-limits/request-weight.decorators.js';
import { ArtistAccessService } from '../artist-access.service.js';
import { BatchCountsDto, FanEventsBatchDto, MetricsBatchDto, MetricsIngestionResultDto, PostsBatchDto } from '../dto/metrics.dto.js';
import { MetricsIngestionService } from './metrics-ingestion.service.js';

const MAX_CSV_BYTES = 10 * MB;

class MetricsCsvFormDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'CSV: platform,date and any of followers,monthly_listeners,popularity,streams,likes,comments,shares,saves,playlist_adds,views',
  })
  file!: unknown;
}

/** Data in: daily platform metrics (JSON or CSV), social posts and fan events, for the artist's team. */
@ApiTags('analytics')
@Controller('analytics/artists/:id')
@Auth()
@ApiNotFoundResponse({ description: 'No artist with this id' })
export class AnalyticsIngestionController {
  constructor(
    private readonly ingestion: MetricsIngestionService,
    private readonly access: ArtistAccessService,
  ) {}

  @Post('metrics')
  @ApiOperation({ summary: "Store an artist's daily platform metrics (JSON)" })
  @HttpCode(200)
  @ApiOkResponse({ type: MetricsIngestionResultDto, description: 'Idempotent per platform and day: sending a batch again changes nothing' })
  @ApiBadRequestResponse({ description: 'Each bad row and field named, e.g. metrics[2].date' })
  async metrics(@Param('id', uuidParam()) id: string, @Body() body: MetricsBatchDto, @CurrentUser() user: AuthUser): Promise<MetricsIngestionResultDto> {
    await this.access.assertOnTeam(user, id);
    return this.ingestion.upsertDaily(id, body.metrics, 'api');
  }

  @Post('metrics/csv')
  @ExpensiveRequest()
  @ApiOperation({ summary: "Store an artist's daily platform metrics from a CSV file" })
  @HttpCode(200)
  @FileUpload('file', MAX_CSV_BYTES)
  @ApiBody({ type: MetricsCsvFormDto })
  @ApiOkResponse({ type: MetricsIngestionResultDto })
  @ApiBadRequestResponse({ description: 'No file, not a CSV, missing or unknown columns, or bad lines (named by line number)' })
  @ApiPayloadTooLargeResponse({ description: 'Over 10 MB' })
  async metricsCsv(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() user: AuthUser,
    @UploadedFile() file?: UploadedTempFile,
  ): Promise<MetricsIngestionResultDto> {
    await this.access.assertOnTeam(user, id);
    if (!file) throw new BadRequestException('file is required: upload the CSV as multipart/form-data in the field "file"');
    return this.ingestion.upsertDailyCsv(id, await readFile(file.path));
  }

  @Post('posts')
  @ApiOperation({ summary: "Store an artist's social posts" })
  @HttpCode(200)
  @ApiOkResponse({ type: BatchCountsDto, description: 'A post sent again (same platform and external_id) updates its numbers' })
  async posts(@Param('id', uuidParam()) id: string, @Body() body: PostsBatchDto, @CurrentUser() user: AuthUser): Promise<BatchCountsDto> {
    await this.access.assertOnTeam(user, id);
    return this.ingestion.upsertPosts(id, body.posts);
  }

  @Post('fan-events')
  @ApiOperation({ summary: "Store an artist's fan events" })
  @HttpCode(200)
  @ApiOkResponse({ type: BatchCountsDto, description: 'An event sent again (same fan and moment) is stored once' })
  async fanEvents(@Param('id', uuidParam()) id: string, @Body() body: FanEventsBatchDto, @CurrentUser() user: AuthUser): Promise<BatchCountsDto> {
    await this.access.assertOnTeam(user, id);
    return this.ingestion.insertFanEvents(id, body.events);
  }
}

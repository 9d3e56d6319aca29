import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Put, Query, UploadedFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../platform/common/http/query.js';
import { FileUpload, MB, type UploadedTempFile } from '../../platform/common/http/upload.js';
import { ExpensiveRequest } from '../../platform/request-limits/request-weight.decorators.js';
import { analysisView } from './analysis/analysis-view.js';
import { LeadAnalysisService } from './analysis/lead-analysis.service.js';
import { distinctIsrcs, IsrcIntakeError, isrcsFromFile, type IsrcIntake } from './bulk/isrc-intake.js';
import { LeadBulkService } from './bulk/lead-bulk.service.js';
import { AnalyzeBulkDto, AnalyzeIsrcDto, BulkJobDto, BulkOptionsDto, LeadAnalysisDto } from './dto/analyze.dto.js';
import { LeadDetailDto, LeadPageDto, ListLeadsQueryDto, UpdateOutreachDto } from './dto/leads.dto.js';
import { LeadsService } from './leads.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

const MAX_ISRC_FILE_BYTES = 5 * MB;

class IsrcFileFormDto extends BulkOptionsDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV or TXT: ISRCs in any column or line' }) file!: unknown;
}

/**
 * A&R leads from ISRCs: analysis (one, bulk, uploaded), the lead list, lead details and outreach.
 * Label staff (admins). Each route also answers at the original Prism Analytics Engine's path
 * (the second one: /api/analyze-isrc, /api/artist/{id}, ...), so its clients work unchanged.
 */
@ApiTags('leads')
@Controller()
@Auth('admin')
export class LeadsController {
  constructor(
    private readonly analysis: LeadAnalysisService,
    private readonly bulk: LeadBulkService,
    private readonly leads: LeadsService,
  ) {}

  @Post(['leads/analyze-isrc', 'analyze-isrc'])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Analyse one ISRC',
    description: 'Asks MusicBrainz (and Spotify, Last.fm, YouTube when configured), scores the artist and keeps the lead unless save_to_db is false.',
  })
  @ApiOkResponse({ type: LeadAnalysisDto })
  @ApiBadRequestResponse({ description: 'An invalid ISRC, with the part that is wrong' })
  @ApiNotFoundResponse({ description: 'No source knows the ISRC' })
  @ApiServiceUnavailableResponse({ description: 'The sources that could know it did not answer' })
  async analyzeIsrc(@Body() body: AnalyzeIsrcDto): Promise<LeadAnalysisDto> {
    const analysis = await this.analysis.analyze(body.isrc, {
      saveToDb: body.save_to_db,
      includeYoutube: body.include_youtube,
      forceRefresh: body.force_refresh,
    });
    return analysisView(analysis);
  }

  @Post(['leads/analyze-bulk', 'analyze-bulk'])
  @ExpensiveRequest()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Analyse up to 10,000 ISRCs in the background',
    description: 'Follow the job at GET /api/jobs/{job_id}: progress has done/total and each failure with its reason.',
  })
  @ApiAcceptedResponse({ type: BulkJobDto })
  @ApiBadRequestResponse({ description: 'No ISRC, too many, or invalid ones (each named by index)' })
  analyzeBulk(@Body() body: AnalyzeBulkDto, @CurrentUser() user: AuthUser): Promise<BulkJobDto> {
    return this.queue(distinctIsrcs(body.isrcs), body, user);
  }

  @Post(['leads/upload-isrcs', 'upload-isrcs'])
  @ExpensiveRequest()
  @HttpCode(202)
  @FileUpload('file', MAX_ISRC_FILE_BYTES)
  @ApiBody({ type: IsrcFileFormDto })
  @ApiOperation({
    summary: 'Analyse the ISRCs of a CSV or TXT file in the background',
    description: 'ISRCs are found in any column or line; duplicates are removed.',
  })
  @ApiAcceptedResponse({ type: BulkJobDto })
  @ApiBadRequestResponse({ description: 'No file, an empty file, not text, no ISRC in it, or over 10,000 ISRCs' })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB' })
  async uploadIsrcs(@UploadedFile() file: UploadedTempFile | undefined, @Body() body: BulkOptionsDto, @CurrentUser() user: AuthUser): Promise<BulkJobDto> {
    if (!file) throw new BadRequestException('file is required: upload a CSV or TXT file as multipart/form-data in the field "file"');
    let intake: IsrcIntake;
    try {
      intake = isrcsFromFile(await readFile(file.path));
    } catch (error) {
      if (error instanceof IsrcIntakeError) throw new BadRequestException(error.message);
      throw error;
    }
    return this.queue(intake, body, user);
  }

  private async queue(intake: IsrcIntake, body: BulkOptionsDto, user: AuthUser): Promise<BulkJobDto> {
    const options = { batchSize: body.batch_size ?? 10, includeYoutube: body.include_youtube ?? true, forceRefresh: body.force_refresh ?? false };
    const jobId = await this.bulk.queue(intake.isrcs, options, user.id);
    return { job_id: jobId, total: intake.isrcs.length, duplicates: intake.duplicates, invalid: intake.invalid };
  }

  @Get('leads')
  @ApiOperation({
    summary: 'The lead list',
    description: 'Filter by tier, region, min_score, youtube_filter, outreach_status and search; best first unless ordering says otherwise.',
  })
  @Listing({ type: LeadPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter, named' })
  list(@Query() query: ListLeadsQueryDto): Promise<LeadPageDto> {
    return this.leads.list(query);
  }

  @Get(['leads/artists/:id', 'artist/:id'])
  @ApiOperation({ summary: 'Everything known about a lead', description: 'Recordings, labels, scores, contacts, YouTube, outreach history.' })
  @ApiOkResponse({ type: LeadDetailDto })
  @ApiNotFoundResponse({ description: 'No lead for this artist' })
  detail(@Param('id', uuidParam()) id: string): Promise<LeadDetailDto> {
    return this.leads.detail(id);
  }

  @Put(['leads/artists/:id/outreach', 'artist/:id/outreach'])
  @ApiOperation({ summary: 'Set a lead’s outreach status and notes', description: 'Each change is kept in the outreach history with who made it.' })
  @ApiOkResponse({ type: LeadDetailDto })
  @ApiNotFoundResponse({ description: 'No lead for this artist' })
  updateOutreach(@Param('id', uuidParam()) id: string, @Body() body: UpdateOutreachDto, @CurrentUser() user: AuthUser): Promise<LeadDetailDto> {
    return this.leads.updateOutreach(id, body, user.id);
  }
}

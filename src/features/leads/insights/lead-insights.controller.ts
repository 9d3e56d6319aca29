import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../../platform/common/http/query.js';
import { ExpensiveRequest } from '../../../platform/request-limits/request-weight.decorators.js';
import { LeadAnalysisService } from '../analysis/lead-analysis.service.js';
import {
  ExportLeadsDto,
  LeadDashboardDto,
  LeadSourcesStatusDto,
  YoutubeOpportunitiesQueryDto,
  YoutubeOpportunityPageDto,
  YoutubeStatsDto,
  YoutubeTestDto,
  YoutubeTestResultDto,
} from '../dto/insights.dto.js';
import { LeadDetailDto, type LeadFiltersDto } from '../dto/leads.dto.js';
import { exportFileName, renderExport } from '../export/export-formats.js';
import { summarize } from '../export/export-lead.js';
import { LeadsService } from '../leads.service.js';
import { LeadInsightsService } from './lead-insights.service.js';
import { YoutubeCheckService } from './youtube-check.service.js';
import { Listing } from '../../../platform/common/http/page-links.js';

/** The filters as the export's summary shows them: lists joined. */
function filtersShown(filters: LeadFiltersDto = {}): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value as string | number)]),
  );
}

/**
 * The leads dashboard, sources' status, YouTube opportunities and exports. Label staff (admins).
 * Each route but the dashboard also answers at the original Prism's path (/api/status,
 * /api/export, ...); its /api/dashboard/stats belongs to another original (see the README).
 */
@ApiTags('leads')
@Controller()
@Auth('admin')
export class LeadInsightsController {
  constructor(
    private readonly insights: LeadInsightsService,
    private readonly leads: LeadsService,
    private readonly analysis: LeadAnalysisService,
    private readonly youtubeCheck: YoutubeCheckService,
  ) {}

  @Get('leads/dashboard/stats')
  @ApiOperation({
    summary: 'Lead dashboard figures',
    description: 'Leads by tier, region, independence and outreach; YouTube coverage; source usage and limits; processing speed.',
  })
  @ApiOkResponse({ type: LeadDashboardDto })
  dashboard(): Promise<LeadDashboardDto> {
    return this.insights.dashboard();
  }

  @Get(['leads/status', 'status'])
  @ApiOperation({ summary: 'Each source: configured, healthy, rate-limit state, usage today and quota' })
  @ApiOkResponse({ type: LeadSourcesStatusDto })
  status(): Promise<LeadSourcesStatusDto> {
    return this.insights.status();
  }

  @Get(['leads/youtube/opportunities', 'youtube/opportunities'])
  @ApiOperation({
    summary: 'Leads with YouTube opportunities, each with its evidence',
    description: 'no_presence, underperforming, inconsistent_uploads, high_growth_emerging',
  })
  @Listing({ type: YoutubeOpportunityPageDto })
  youtubeOpportunities(@Query() query: YoutubeOpportunitiesQueryDto): Promise<YoutubeOpportunityPageDto> {
    return this.insights.youtubeOpportunities(query);
  }

  @Get(['leads/youtube/stats', 'youtube/stats'])
  @ApiOperation({ summary: 'YouTube coverage of the leads, opportunities by kind, and today’s quota' })
  @ApiOkResponse({ type: YoutubeStatsDto })
  youtubeStats(): Promise<YoutubeStatsDto> {
    return this.insights.youtubeStats();
  }

  @Post(['leads/youtube/test', 'youtube/test'])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Test the YouTube integration with one live channels.list call',
    description: 'Checks the key is configured and spends 1 quota unit. With artist_name: the channel of the handle it makes; without: YouTube’s own channel.',
  })
  @ApiOkResponse({ type: YoutubeTestResultDto })
  @ApiBadRequestResponse({ description: 'An artist_name that makes no handle' })
  @ApiConflictResponse({ description: 'YouTube is not configured (status not_configured)' })
  @ApiServiceUnavailableResponse({ description: 'YouTube refused the key, the quota is spent, or it did not answer (status error, with today’s quota)' })
  youtubeTest(@Body() body: YoutubeTestDto): Promise<YoutubeTestResultDto> {
    return this.youtubeCheck.check(body.artist_name);
  }

  @Post(['leads/artists/:id/youtube/refresh', 'artist/:id/youtube/refresh'])
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask YouTube again about a lead and rescore it' })
  @ApiOkResponse({ type: LeadDetailDto })
  @ApiNotFoundResponse({ description: 'No lead for this artist' })
  @ApiConflictResponse({ description: 'YouTube is not configured' })
  async refreshYoutube(@Param('id', uuidParam()) id: string): Promise<LeadDetailDto> {
    await this.analysis.refreshYoutube(id);
    return this.leads.detail(id);
  }

  @Post(['leads/export', 'export'])
  @ExpensiveRequest()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The lead list as a download: CSV, Excel, JSON or PDF',
    description: 'Best first, filtered as GET /api/leads. Excel has leads and summary sheets.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json', 'application/pdf')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiBadRequestResponse({ description: 'A bad format or filter, named' })
  async export(@Body() body: ExportLeadsDto): Promise<StreamableFile> {
    const now = new Date();
    const leads = await this.leads.all(body.filters ?? {});
    const file = await renderExport(body.format, leads, summarize(leads, filtersShown(body.filters), now), { includeYoutube: body.include_youtube ?? true });
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: `attachment; filename="${exportFileName(body.format, now)}"`,
      length: file.body.length,
    });
  }
}

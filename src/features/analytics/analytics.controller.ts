import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../platform/common/http/query.js';
import { AlertsService } from './alerts/alerts.service.js';
import { ArtistAccessService } from './artist-access.service.js';
import { AnalyticsArtistsService } from './artists/analytics-artists.service.js';
import { AlertDto, AlertPageDto, ListAlertsQueryDto } from './dto/alerts.dto.js';
import {
  AnalyticsArtistPageDto,
  BreakoutQueryDto,
  DaysQueryDto,
  ListAnalyticsArtistsQueryDto,
  SuperfansQueryDto,
  TopPerformersQueryDto,
} from './dto/analytics-artist.dto.js';
import { ArtistScoresService } from './scores/artist-scores.service.js';
import { BreakoutService } from './scores/breakout.service.js';
import { withFanPulseBreakoutKeys, withFanPulseFvsKeys, withFanPulseMomentumKeys } from './scores/fanpulse-keys.js';
import { SuperfansService } from './scores/superfans.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

/** Fan analytics for an artist's team (admins: every artist). */
@ApiTags('analytics')
@Controller('analytics')
@Auth()
export class AnalyticsController {
  constructor(
    private readonly artists: AnalyticsArtistsService,
    private readonly scores: ArtistScoresService,
    private readonly breakout: BreakoutService,
    private readonly superfans: SuperfansService,
    private readonly alerts: AlertsService,
    private readonly access: ArtistAccessService,
  ) {}

  @Get('artists')
  @ApiOperation({ summary: 'List the artists the caller can see analytics of' })
  @Listing({ type: AnalyticsArtistPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAnalyticsArtistsQueryDto): Promise<AnalyticsArtistPageDto> {
    return this.artists.list(user, query);
  }

  @Get('artists/:id')
  @ApiOperation({ summary: "An artist's daily series, spikes and latest scores" })
  @ApiOkResponse({ description: 'The artist with platform details, the daily series (`?days=`, default 90) with its spikes, and the latest scores' })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  detail(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() query: DaysQueryDto) {
    return this.artists.detail(user, id, query.days);
  }

  @Get('dashboard/stats')
  @ApiOperation({ summary: "Totals over the caller's artists" })
  @ApiOkResponse({ description: "Totals over the caller's artists: followers, streams, average scores, momentum statuses, alerts" })
  stats(@CurrentUser() user: AuthUser) {
    return this.artists.dashboardStats(user);
  }

  @Get('dashboard/top-performers')
  @ApiOperation({ summary: "The caller's artists ranked by FVS or momentum" })
  @ApiOkResponse({ description: "The caller's artists ranked by their latest FVS or momentum" })
  topPerformers(@CurrentUser() user: AuthUser, @Query() query: TopPerformersQueryDto) {
    return this.artists.topPerformers(user, query.by, query.limit);
  }

  @Get('alerts')
  @ApiOperation({ summary: "List alerts on the caller's artists" })
  @Listing({ type: AlertPageDto })
  listAlerts(@CurrentUser() user: AuthUser, @Query() query: ListAlertsQueryDto): Promise<AlertPageDto> {
    return this.alerts.list(user, query);
  }

  @Post('alerts/:id/acknowledge')
  @ApiOperation({ summary: 'Acknowledge an alert' })
  @HttpCode(200)
  @ApiOkResponse({ type: AlertDto })
  @ApiNotFoundResponse({ description: 'No alert with this id' })
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<AlertDto> {
    return this.alerts.acknowledge(user, id);
  }

  @Get(':artistId/fvs')
  @ApiOperation({ summary: "An artist's Fan Value Score and its breakdown" })
  @ApiOkResponse({
    description:
      'Fan Value Score 0-100 over `days` (default 30) with its components; `fvs` and `breakdown` repeat `score` and `components` under FanPulse’s names',
  })
  async fvs(@CurrentUser() user: AuthUser, @Param('artistId', uuidParam('artistId')) artistId: string, @Query() query: DaysQueryDto) {
    const artist = await this.access.assertOnTeam(user, artistId);
    return { artist, ...withFanPulseFvsKeys(await this.scores.fanValueScore(artistId, query.days)) };
  }

  @Get(':artistId/momentum')
  @ApiOperation({ summary: "An artist's Momentum Index and its components" })
  @ApiOkResponse({
    description: 'Momentum Index 0-10 over `days` (default 28), its status and components; `momentum_index` repeats `index` under FanPulse’s name',
  })
  async momentum(@CurrentUser() user: AuthUser, @Param('artistId', uuidParam('artistId')) artistId: string, @Query() query: DaysQueryDto) {
    const artist = await this.access.assertOnTeam(user, artistId);
    return { artist, ...withFanPulseMomentumKeys(await this.scores.momentum(artistId, query.days)) };
  }

  @Get(':artistId/superfans')
  @ApiOperation({ summary: "An artist's fans by segment, and the top superfans" })
  @ApiOkResponse({ description: 'Fans in segments (superfan, engaged, casual, dormant) over `days` (default 90), and the top superfans' })
  async superfanSegments(@CurrentUser() user: AuthUser, @Param('artistId', uuidParam('artistId')) artistId: string, @Query() query: SuperfansQueryDto) {
    const artist = await this.access.assertOnTeam(user, artistId);
    return { artist, ...(await this.superfans.segments(artistId, query.days, query.top)) };
  }

  @Get(':artistId/breakout-prediction')
  @ApiOperation({ summary: "The chance an artist's audience grows `factor`-fold within `days`" })
  @ApiOkResponse({
    description:
      'Probability that the audience grows `factor`× (default 2) within `days` (default 90), its label, the model used and the drivers; `prediction` repeats `label` under FanPulse’s name',
  })
  async breakoutPrediction(@CurrentUser() user: AuthUser, @Param('artistId', uuidParam('artistId')) artistId: string, @Query() query: BreakoutQueryDto) {
    const artist = await this.access.assertOnTeam(user, artistId);
    return { artist, ...withFanPulseBreakoutKeys(await this.breakout.predict(artistId, query.days, query.factor)) };
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { AnalyticsArtistsService } from './artists/analytics-artists.service.js';
import { TopPerformersQueryDto } from './dto/analytics-artist.dto.js';

/**
 * FanPulse's dashboard at its own paths, the same answers as /api/analytics/dashboard/...: of the
 * two originals claiming GET /api/dashboard/stats, FanPulse wins (README, Compatibility); Prism's
 * is at /api/leads/dashboard/stats.
 */
@ApiTags('analytics')
@Controller('dashboard')
@Auth()
export class FanPulseDashboardController {
  constructor(private readonly artists: AnalyticsArtistsService) {}

  @Get('stats')
  @ApiOperation({ summary: "Totals over the caller's artists (FanPulse's path)" })
  @ApiOkResponse({ description: 'As GET /api/analytics/dashboard/stats' })
  stats(@CurrentUser() user: AuthUser) {
    return this.artists.dashboardStats(user);
  }

  @Get('top-performers')
  @ApiOperation({ summary: "The caller's artists ranked by FVS or momentum (FanPulse's path)" })
  @ApiOkResponse({ description: 'As GET /api/analytics/dashboard/top-performers' })
  topPerformers(@CurrentUser() user: AuthUser, @Query() query: TopPerformersQueryDto) {
    return this.artists.topPerformers(user, query.by, query.limit);
  }
}

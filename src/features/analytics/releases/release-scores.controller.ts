import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { PageQueryDto, uuidParam } from '../../../platform/common/http/query.js';
import { ArtistAccessService } from '../artist-access.service.js';
import { ReleaseScorePageDto } from './release-scores.dto.js';
import { ReleaseScoresService } from './release-scores.service.js';
import { Listing } from '../../../platform/common/http/page-links.js';

@ApiTags('analytics')
@Controller('analytics')
@Auth()
export class ReleaseScoresController {
  constructor(
    private readonly releases: ReleaseScoresService,
    private readonly access: ArtistAccessService,
  ) {}

  @Get(':artistId/releases')
  @ApiOperation({
    summary: "The artist's scored releases",
    description:
      'First-week plays and likes, relative to the artist and a 0–100 score of each catalog release, as the Monday job (analytics-release-scores) last computed them; newest release first.',
  })
  @Listing({ type: ReleaseScorePageDto })
  @ApiForbiddenResponse({ description: "Not on the artist's team" })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('artistId', uuidParam('artistId')) artistId: string,
    @Query() query: PageQueryDto,
  ): Promise<ReleaseScorePageDto> {
    const artist = await this.access.assertOnTeam(user, artistId);
    return { artist, ...(await this.releases.list(artistId, query)) };
  }
}

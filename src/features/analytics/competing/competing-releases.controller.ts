import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../../platform/common/http/query.js';
import { ArtistAccessService } from '../artist-access.service.js';
import { CompetingReleasesDto, CompetingReleasesQueryDto } from './competing-releases.dto.js';
import { CompetingReleasesView } from './competing-releases.view.js';
import { parseReleaseWeek } from './release-week.js';

@ApiTags('analytics')
@Controller('analytics')
@Auth()
export class CompetingReleasesController {
  constructor(
    private readonly view: CompetingReleasesView,
    private readonly access: ArtistAccessService,
  ) {}

  @Get(':artistId/competing-releases')
  @ApiOperation({
    summary: "Other artists' releases of the week in the artist's genres",
    description:
      "What the daily analytics-competing-releases job (03:00 UTC) recorded from Spotify's new releases and genre searches for the ISO week, beside the artist's own catalog releases.",
  })
  @ApiOkResponse({ type: CompetingReleasesDto })
  @ApiBadRequestResponse({ description: 'week is not an ISO week or a day' })
  @ApiForbiddenResponse({ description: "Not on the artist's team" })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  async week(
    @CurrentUser() user: AuthUser,
    @Param('artistId', uuidParam('artistId')) artistId: string,
    @Query() query: CompetingReleasesQueryDto,
  ): Promise<CompetingReleasesDto> {
    const artist = await this.access.assertOnTeam(user, artistId);
    return this.view.week(artist, parseReleaseWeek(query.week)!);
  }
}

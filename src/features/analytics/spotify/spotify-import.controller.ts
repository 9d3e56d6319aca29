import { Body, Controller, Post, Res } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { ExpensiveRequest } from '../../../platform/request-limits/request-weight.decorators.js';
import { ImportSpotifyDto, ImportSpotifyResultDto } from './spotify.dto.js';
import { SpotifyImportService } from './spotify-import.service.js';

@ApiTags('analytics')
// FanPulse's clients import at POST /api/artists/import-spotify.
@Controller(['analytics/artists/import-spotify', 'artists/import-spotify'])
export class SpotifyImportController {
  constructor(private readonly imports: SpotifyImportService) {}

  @Post()
  @ExpensiveRequest()
  @ApiOperation({ summary: "Link a Spotify artist and store today's Spotify numbers" })
  @Auth('artist')
  @ApiCreatedResponse({
    type: ImportSpotifyResultDto,
    description: "Linked now: the artist (an artist account's own; for an admin a new one) and today's Spotify numbers stored",
  })
  @ApiOkResponse({ type: ImportSpotifyResultDto, description: 'Linked already: its numbers of today refreshed' })
  @ApiBadRequestResponse({ description: 'spotify must be a Spotify artist id, link or URI' })
  @ApiNotFoundResponse({ description: 'Spotify has no such artist, or no artist_id artist' })
  @ApiConflictResponse({ description: 'The Spotify artist is linked to another artist, or the artist to another Spotify artist' })
  @ApiBadGatewayResponse({ description: 'Spotify refused the lookup' })
  @ApiServiceUnavailableResponse({ description: 'Spotify is not configured or not answering' })
  async import(@Body() body: ImportSpotifyDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response): Promise<ImportSpotifyResultDto> {
    const { created, result } = await this.imports.import(user, body.spotify, body.artist_id);
    response.status(created ? 201 : 200);
    return result;
  }
}

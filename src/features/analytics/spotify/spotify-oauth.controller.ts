import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import {
  AuthorizeQueryDto,
  AuthorizeUrlDto,
  CallbackQueryDto,
  ConnectedDto,
  DisconnectDto,
  DisconnectedDto,
  SpotifyStatusDto,
  StatusQueryDto,
} from './spotify.dto.js';
import { SpotifyConnectionsService } from './spotify-connections.service.js';

/** A client that asks for JSON (fetch with Accept: application/json) rather than a page. */
const wantsJson = (request: Request) => request.accepts(['html', 'json']) === 'json';

@ApiTags('analytics')
// FanPulse's clients call the same routes at /api/spotify/... (its own paths).
@Controller(['analytics/spotify', 'spotify'])
export class SpotifyOAuthController {
  constructor(private readonly connections: SpotifyConnectionsService) {}

  @Get('authorize')
  @Auth()
  @ApiOperation({
    summary: "Start connecting an artist's Spotify account",
    description: "302 to Spotify's authorize page, or {authorize_url} with redirect=false or Accept: application/json.",
  })
  @ApiFoundResponse({ description: "Location: Spotify's authorize page" })
  @ApiOkResponse({ type: AuthorizeUrlDto })
  @ApiForbiddenResponse({ description: "Not on the artist's team" })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  @ApiServiceUnavailableResponse({ description: 'Spotify is not configured' })
  async authorize(@Query() query: AuthorizeQueryDto, @CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const url = await this.connections.authorizeUrl(user, query.artist_id);
    if (query.redirect === false || wantsJson(request)) response.json({ authorize_url: url } satisfies AuthorizeUrlDto);
    else response.redirect(302, url);
  }

  @Get('callback')
  @ApiOperation({
    summary: "Spotify's redirect back: store the connection",
    description: 'Public: the signed state proves who started. Sends the browser on to the web app.',
  })
  @ApiFoundResponse({ description: 'Location: /analytics/<artist id>?spotify=connected' })
  @ApiOkResponse({ type: ConnectedDto, description: 'With Accept: application/json' })
  @ApiBadRequestResponse({ description: 'Bad or expired state, access_denied, or a code Spotify refuses' })
  @ApiServiceUnavailableResponse({ description: 'Spotify is not configured or not answering' })
  async callback(@Query() query: CallbackQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const connected = await this.connections.completeAuthorization(query);
    if (wantsJson(request)) response.json(connected);
    else response.redirect(302, connected.redirect_to);
  }

  @Get('status')
  @ApiOperation({ summary: "Whether an artist's Spotify account is connected" })
  @Auth()
  @ApiOkResponse({ type: SpotifyStatusDto })
  @ApiForbiddenResponse({ description: "Not on the artist's team" })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  status(@Query() query: StatusQueryDto, @CurrentUser() user: AuthUser): Promise<SpotifyStatusDto> {
    return this.connections.status(user, query.artist_id, query.verify === true);
  }

  @Post('disconnect')
  @HttpCode(200)
  @Auth()
  @ApiOperation({
    summary: "Disconnect an artist's Spotify account: delete its tokens",
    description: 'Spotify has no revocation endpoint: the account owner removes the app at spotify.com/account/apps.',
  })
  @ApiOkResponse({ type: DisconnectedDto })
  @ApiForbiddenResponse({ description: "Not on the artist's team" })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  disconnect(@Body() body: DisconnectDto, @CurrentUser() user: AuthUser): Promise<DisconnectedDto> {
    return this.connections.disconnect(user, body.artist_id);
  }

  @Get('disconnect')
  @HttpCode(200)
  @Auth()
  @ApiOperation({ summary: 'Disconnect an artist’s Spotify account with GET, as FanPulse’s clients do' })
  @ApiOkResponse({ type: DisconnectedDto })
  @ApiForbiddenResponse({ description: "Not on the artist's team" })
  @ApiNotFoundResponse({ description: 'No artist with this id' })
  disconnectByGet(@Query() query: DisconnectDto, @CurrentUser() user: AuthUser): Promise<DisconnectedDto> {
    return this.connections.disconnect(user, query.artist_id);
  }
}

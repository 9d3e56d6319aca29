import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Req, Res, UploadedFile } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { AllowQueryToken, Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { PageQueryDto, uuidParam } from '../../../platform/common/http/query.js';
import { FileUpload, MB, type UploadedTempFile } from '../../../platform/common/http/upload.js';
import { CatalogSongDto, CatalogSongPageDto } from '../dto/catalog-song.dto.js';
import { CatalogSearchQueryDto, LimitQueryDto, TrendingQueryDto } from '../dto/discovery.query.dto.js';
import { ListCatalogSongsQueryDto } from '../dto/list-catalog-songs.query.dto.js';
import { CreateSongFormDto, SongDetailsDto, UpdateSongDto } from '../dto/song-input.dto.js';
import { CatalogSongsService } from './catalog-songs.service.js';
import { DiscoveryService } from './discovery.service.js';
import { ListeningService } from './listening.service.js';
import { SongStreamService } from './song-stream.service.js';
import { Listing, WrittenListing } from '../../../platform/common/http/page-links.js';

export const MAX_AUDIO_BYTES = 50 * MB;

/** The catalog's songs. Fixed paths come before `:id` so "trending" is never taken for an id. */
@ApiTags('catalog songs')
@Controller('songs')
export class CatalogSongsController {
  constructor(
    private readonly songs: CatalogSongsService,
    private readonly discovery: DiscoveryService,
    private readonly listening: ListeningService,
    private readonly streams: SongStreamService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List catalog songs, filtered and paged' })
  @WrittenListing({ type: CatalogSongPageDto, description: "Public songs (and the caller's own private ones)" })
  list(@Query() query: ListCatalogSongsQueryDto, @Req() request: Request, @CurrentUser() user?: AuthUser): Promise<string> {
    return this.songs.listBody(query, user, request.originalUrl);
  }

  @Post()
  @ApiOperation({ summary: 'Publish a song with its audio file (artists)' })
  @Auth('artist')
  @FileUpload('audio', MAX_AUDIO_BYTES)
  @ApiBody({ type: CreateSongFormDto })
  @ApiCreatedResponse({ type: CatalogSongDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'The file is not MP3, WAV, M4A, FLAC, OGG or AAC by its content' })
  @ApiPayloadTooLargeResponse({ description: 'Over 50 MB' })
  create(@CurrentUser() user: AuthUser, @Body() body: SongDetailsDto, @UploadedFile() audio?: UploadedTempFile): Promise<CatalogSongDto> {
    return this.songs.create(user, body, audio);
  }

  @Get('trending')
  @ApiOperation({ summary: 'Songs trending over a time range' })
  @Listing({ description: '{time_range, count, page, page_size, next, previous, results: [song + trending {score, plays, likes}]}' })
  trending(@Query() query: TrendingQueryDto, @CurrentUser() user?: AuthUser) {
    return this.discovery.trending(query.time_range, user, query.page, query.page_size);
  }

  @Get('search')
  @ApiOperation({ summary: 'Search songs, albums, artists and genres' })
  @ApiOkResponse({ description: '{query, songs, albums, artists, genres}, each ranked' })
  search(@Query() query: CatalogSearchQueryDto, @CurrentUser() user?: AuthUser) {
    return this.discovery.search(query.q, user, query.limit);
  }

  @Get('favorites')
  @ApiOperation({ summary: "The caller's favourite songs" })
  @Auth()
  @Listing({ type: CatalogSongPageDto })
  favorites(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<CatalogSongPageDto> {
    return this.listening.favorites(user, page);
  }

  @Get('recently_played')
  @ApiOperation({ summary: 'Songs the caller played lately' })
  @Auth()
  @ApiOkResponse({ description: '{results: [song + played_at]}, latest first, each song once' })
  recentlyPlayed(@CurrentUser() user: AuthUser, @Query() query: LimitQueryDto) {
    return this.listening.recentlyPlayed(user, query.limit);
  }

  @Get('random')
  @ApiOperation({ summary: 'Songs picked at random' })
  @ApiOkResponse({ description: '{results}: songs picked at random' })
  random(@Query() query: LimitQueryDto, @CurrentUser() user?: AuthUser) {
    return this.discovery.random(user, query.limit);
  }

  @Get('recommendations')
  @ApiOperation({ summary: 'Songs recommended to the caller' })
  @Auth()
  @ApiOkResponse({ description: "{source: history|trending, results}: unheard songs by the listener's genres and artists" })
  recommendations(@CurrentUser() user: AuthUser, @Query() query: LimitQueryDto) {
    return this.discovery.recommendations(user, query.limit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One catalog song' })
  @ApiOkResponse({ type: CatalogSongDto })
  @ApiNotFoundResponse({ description: 'No such song, or a private song of another artist' })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user?: AuthUser): Promise<CatalogSongDto> {
    return this.songs.get(id, user);
  }

  @Put(':id')
  @ApiOperation({ summary: "Update one of the caller's songs, optionally its audio" })
  @Auth('artist')
  @FileUpload('audio', MAX_AUDIO_BYTES)
  @ApiOkResponse({ type: CatalogSongDto })
  update(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateSongDto,
    @UploadedFile() audio?: UploadedTempFile,
  ): Promise<CatalogSongDto> {
    return this.songs.update(id, user, body, audio);
  }

  @Delete(':id')
  @ApiOperation({ summary: "Delete one of the caller's songs" })
  @HttpCode(204)
  @Auth('artist')
  remove(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.songs.remove(id, user);
  }

  @Get(':id/stream')
  @ApiOperation({ summary: "Stream a song's audio (Range supported)" })
  @AllowQueryToken()
  @ApiOkResponse({ description: "The audio; with Range: 206 and Content-Range. X-Audio-Quality names the plan's tier" })
  async stream(
    @Param('id', uuidParam()) id: string,
    @Headers('range') range: string | undefined,
    @Res() response: Response,
    @CurrentUser() user?: AuthUser,
  ): Promise<void> {
    const stream = await this.streams.open(id, user, range);
    response.setHeader('Accept-Ranges', 'bytes');
    response.setHeader('Content-Type', stream.mimeType);
    response.setHeader('Cache-Control', 'private, max-age=3600');
    response.setHeader('X-Audio-Quality', stream.quality.quality);
    response.setHeader('X-Audio-Bitrate-Kbps', String(stream.quality.kbps));
    if (stream.range.kind === 'unsatisfiable') {
      response.setHeader('Content-Range', `bytes */${stream.size}`);
      response.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).json({
        statusCode: 416,
        error: 'Range Not Satisfiable',
        message: `Range must start before byte ${stream.size}, the size of this song's audio`,
      });
      return;
    }
    if (stream.range.kind === 'partial') {
      response.status(HttpStatus.PARTIAL_CONTENT);
      response.setHeader('Content-Range', `bytes ${stream.range.start}-${stream.range.end}/${stream.size}`);
      response.setHeader('Content-Length', String(stream.range.end - stream.range.start + 1));
    } else {
      response.setHeader('Content-Length', String(stream.size));
    }
    const body = await stream.open();
    body.on('error', () => response.destroy());
    response.on('close', () => body.destroy());
    body.pipe(response);
  }

  @Post(':id/like')
  @ApiOperation({ summary: 'Like a song' })
  @HttpCode(200)
  @Auth()
  like(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.listening.like(id, user);
  }

  @Post(':id/unlike')
  @ApiOperation({ summary: 'Take back a like' })
  @HttpCode(200)
  @Auth()
  unlike(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.listening.unlike(id, user);
  }

  @Post(':id/play')
  @ApiOperation({ summary: 'Record a play of a song' })
  @HttpCode(200)
  @Auth()
  play(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.listening.play(id, user);
  }

  @Post(':id/favorite')
  @ApiOperation({ summary: "Add a song to the caller's favourites" })
  @HttpCode(200)
  @Auth()
  favorite(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.listening.favorite(id, user);
  }

  @Delete(':id/favorite')
  @ApiOperation({ summary: "Remove a song from the caller's favourites" })
  @Auth()
  unfavorite(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.listening.unfavorite(id, user);
  }
}

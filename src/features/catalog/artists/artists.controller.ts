import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { PageQueryDto, uuidParam } from '../../../platform/common/http/query.js';
import { ArtistDto, ArtistPageDto, ArtistProfileDto, ListArtistsQueryDto, UpdateArtistDto } from '../dto/artist.dto.js';
import { CatalogSongPageDto } from '../dto/catalog-song.dto.js';
import { ListCatalogSongsQueryDto } from '../dto/list-catalog-songs.query.dto.js';
import { CatalogSongsService } from '../songs/catalog-songs.service.js';
import { ArtistsService } from './artists.service.js';
import { Listing, WrittenListing } from '../../../platform/common/http/page-links.js';

@ApiTags('catalog artists')
@Controller('artists')
export class ArtistsController {
  constructor(
    private readonly artists: ArtistsService,
    private readonly songs: CatalogSongsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List artists, filtered and paged' })
  @Listing({ type: ArtistPageDto })
  list(@Query() query: ListArtistsQueryDto): Promise<ArtistPageDto> {
    return this.artists.list(query);
  }

  @Get('following')
  @ApiOperation({ summary: 'Artists the caller follows' })
  @Auth()
  @Listing({ type: ArtistPageDto, description: 'Artists the caller follows' })
  following(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<ArtistPageDto> {
    return this.artists.following(user, page);
  }

  @Get('followers')
  @ApiOperation({ summary: "Listeners following the caller's artist" })
  @Auth('artist')
  @Listing({ description: "Listeners following the caller's artist: {count, ..., results: [{id, username, display_name, followed_at}]}" })
  followers(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto) {
    return this.artists.followers(user, page);
  }

  @Get(':id/profile')
  @ApiOperation({ summary: "An artist's profile" })
  @ApiOkResponse({ type: ArtistProfileDto })
  profile(@Param('id', uuidParam()) id: string, @CurrentUser() user?: AuthUser): Promise<ArtistProfileDto> {
    return this.artists.profile(id, user);
  }

  @Get(':id/songs')
  @ApiOperation({ summary: 'The songs of an artist' })
  @WrittenListing({ type: CatalogSongPageDto })
  async artistSongs(
    @Param('id', uuidParam()) id: string,
    @Query() query: ListCatalogSongsQueryDto,
    @Req() request: Request,
    @CurrentUser() user?: AuthUser,
  ): Promise<string> {
    await this.artists.profile(id, user);
    return this.songs.listBody(query, user, request.originalUrl, { artistId: id });
  }

  @Put(':id')
  @ApiOperation({ summary: "Update the caller's artist profile" })
  @Auth('artist')
  @ApiOkResponse({ type: ArtistDto })
  update(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser, @Body() body: UpdateArtistDto): Promise<ArtistDto> {
    return this.artists.update(id, user, body);
  }

  @Post(':id/follow')
  @ApiOperation({ summary: 'Follow an artist' })
  @HttpCode(200)
  @Auth()
  follow(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.artists.follow(id, user, true);
  }

  @Post(':id/unfollow')
  @ApiOperation({ summary: 'Stop following an artist' })
  @HttpCode(200)
  @Auth()
  unfollow(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.artists.follow(id, user, false);
  }

  @Delete(':id/follow')
  @ApiOperation({ summary: 'Stop following an artist, as the original streaming system’s clients ask' })
  @HttpCode(200)
  @Auth()
  unfollowByDelete(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.artists.follow(id, user, false);
  }
}

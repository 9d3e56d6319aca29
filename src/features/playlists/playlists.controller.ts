import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { PageQueryDto, uuidParam } from '../../platform/common/http/query.js';
import { AddPlaylistSongDto, CreatePlaylistDto, ListPublicPlaylistsQueryDto, ReorderPlaylistDto, UpdatePlaylistDto } from './dto/playlist-input.dto.js';
import { PlaylistDto, PlaylistItemDto, PlaylistItemPageDto, PlaylistPageDto } from './dto/playlist.dto.js';
import { MANAGE_FORBIDDEN, SONGS_FORBIDDEN } from './playlist-access.js';
import { PlaylistSongsService } from './playlist-songs.service.js';
import { PlaylistsService } from './playlists.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

const itemIdParam = () => new ParseIntPipe({ exceptionFactory: () => new BadRequestException('itemId must be a whole number') });
const HIDDEN = 'No such playlist, or a private one the caller does not own, collaborate on or administer';

/** Playlists. Fixed paths (public, shared/...) come before `:id` so they are never taken for an id. */
@ApiTags('playlists')
@Controller('playlists')
export class PlaylistsController {
  constructor(
    private readonly playlists: PlaylistsService,
    private readonly songs: PlaylistSongsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a playlist' })
  @Auth()
  @ApiCreatedResponse({ type: PlaylistDto, description: 'A new playlist of the caller (private unless said otherwise)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePlaylistDto): Promise<PlaylistDto> {
    return this.playlists.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: "The caller's playlists and those they joined" })
  @Auth()
  @Listing({ type: PlaylistPageDto, description: "The caller's own playlists and those they joined, latest change first" })
  mine(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<PlaylistPageDto> {
    return this.playlists.mine(user, page);
  }

  @Get('public')
  @ApiOperation({ summary: 'List public playlists' })
  @Listing({ type: PlaylistPageDto, description: 'Public playlists, optionally matching `search` in name or description' })
  publicPlaylists(@Query() query: ListPublicPlaylistsQueryDto, @CurrentUser() user?: AuthUser): Promise<PlaylistPageDto> {
    return this.playlists.publicPlaylists(query, user);
  }

  @Get('shared/:token')
  @ApiOperation({ summary: 'The playlist behind a share link' })
  @ApiOkResponse({ type: PlaylistDto, description: 'The playlist behind a share link, even a private one (read-only)' })
  @ApiNotFoundResponse({ description: 'Unknown link, or one that was reset' })
  shared(@Param('token') token: string, @CurrentUser() user?: AuthUser): Promise<PlaylistDto> {
    return this.playlists.shared(token, user);
  }

  @Get('shared/:token/songs')
  @ApiOperation({ summary: 'The songs of the playlist behind a share link' })
  @Listing({ type: PlaylistItemPageDto, description: 'The songs of a shared playlist, in order' })
  async sharedSongs(@Param('token') token: string, @Query() page: PageQueryDto, @CurrentUser() user?: AuthUser): Promise<PlaylistItemPageDto> {
    return this.songs.page((await this.playlists.byToken(token)).id, page, user);
  }

  @Post('shared/:token/join')
  @ApiOperation({ summary: 'Join a collaborative playlist by its share link' })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: PlaylistDto, description: 'The caller is now a collaborator (joining again changes nothing)' })
  @ApiConflictResponse({ description: 'The playlist is not collaborative' })
  join(@Param('token') token: string, @CurrentUser() user: AuthUser): Promise<PlaylistDto> {
    return this.playlists.join(token, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One playlist' })
  @ApiOkResponse({ type: PlaylistDto })
  @ApiNotFoundResponse({ description: HIDDEN })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user?: AuthUser): Promise<PlaylistDto> {
    return this.playlists.get(id, user);
  }

  @Put(':id')
  @ApiOperation({ summary: "Rename, describe or change a playlist's visibility" })
  @Auth()
  @ApiOkResponse({ type: PlaylistDto, description: 'Renamed, described, made public/private or (non-)collaborative' })
  @ApiForbiddenResponse({ description: MANAGE_FORBIDDEN })
  @ApiNotFoundResponse({ description: HIDDEN })
  update(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser, @Body() body: UpdatePlaylistDto): Promise<PlaylistDto> {
    return this.playlists.update(id, user, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a playlist with its entries' })
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'Deleted with its entries' })
  @ApiForbiddenResponse({ description: MANAGE_FORBIDDEN })
  remove(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.playlists.remove(id, user);
  }

  @Get(':id/songs')
  @ApiOperation({ summary: "A playlist's entries, in order" })
  @Listing({ type: PlaylistItemPageDto, description: 'Entries in position order; songs the caller cannot see are left out' })
  @ApiNotFoundResponse({ description: HIDDEN })
  async listSongs(@Param('id', uuidParam()) id: string, @Query() page: PageQueryDto, @CurrentUser() user?: AuthUser): Promise<PlaylistItemPageDto> {
    await this.playlists.get(id, user);
    return this.songs.page(id, page, user);
  }

  @Post(':id/songs')
  @ApiOperation({ summary: 'Add a song to a playlist' })
  @Auth()
  @ApiCreatedResponse({ type: PlaylistItemDto, description: 'The new entry, appended or inserted at `position`' })
  @ApiForbiddenResponse({ description: SONGS_FORBIDDEN })
  @ApiNotFoundResponse({ description: `${HIDDEN}; or song_id names no song the caller can see` })
  addSong(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser, @Body() body: AddPlaylistSongDto): Promise<PlaylistItemDto> {
    return this.songs.add(id, user, body);
  }

  @Delete(':id/songs/:itemId')
  @ApiOperation({ summary: 'Remove an entry from a playlist' })
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'The entry is gone; the ones after it moved up' })
  @ApiForbiddenResponse({ description: SONGS_FORBIDDEN })
  removeSong(@Param('id', uuidParam()) id: string, @Param('itemId', itemIdParam()) itemId: number, @CurrentUser() user: AuthUser): Promise<void> {
    return this.songs.remove(id, itemId, user);
  }

  @Post(':id/reorder')
  @ApiOperation({ summary: 'Move an entry to another position' })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: PlaylistItemDto, description: 'The moved entry at its new position' })
  @ApiForbiddenResponse({ description: SONGS_FORBIDDEN })
  reorder(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser, @Body() body: ReorderPlaylistDto): Promise<PlaylistItemDto> {
    return this.songs.reorder(id, user, body);
  }

  @Post(':id/share/reset')
  @ApiOperation({ summary: "Replace a playlist's share link" })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: PlaylistDto, description: 'The playlist with a new share_url; the old link stops working' })
  @ApiForbiddenResponse({ description: MANAGE_FORBIDDEN })
  resetShare(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<PlaylistDto> {
    return this.playlists.resetShareToken(id, user);
  }

  @Delete(':id/collaborators/:userId')
  @ApiOperation({ summary: 'Remove a collaborator, or leave a playlist' })
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'The owner removed a collaborator, or a collaborator left' })
  @ApiForbiddenResponse({ description: 'Neither the owner, an admin, nor the collaborator leaving' })
  removeCollaborator(@Param('id', uuidParam()) id: string, @Param('userId', uuidParam('userId')) userId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.playlists.removeCollaborator(id, userId, user);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { CurrentUser } from '../../platform/auth/auth.decorators.js';
import { PageQueryDto, uuidParam } from '../../platform/common/http/query.js';
import { PlaylistPageDto } from './dto/playlist.dto.js';
import { PlaylistsService } from './playlists.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

/** A user's playlists, beside the other /api/users/:id routes. */
@ApiTags('playlists')
@Controller('users')
export class UserPlaylistsController {
  constructor(private readonly playlists: PlaylistsService) {}

  @Get(':id/playlists')
  @ApiOperation({ summary: "A user's playlists" })
  @Listing({ type: PlaylistPageDto, description: "The user's public playlists; all of them for that user and admins" })
  @ApiNotFoundResponse({ description: 'No such user' })
  list(@Param('id', uuidParam()) id: string, @Query() page: PageQueryDto, @CurrentUser() user?: AuthUser): Promise<PlaylistPageDto> {
    return this.playlists.ofUser(id, page, user);
  }
}

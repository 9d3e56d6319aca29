import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../platform/auth/auth.decorators.js';
import { idParam } from '../../platform/common/http/query.js';
import { AdminSongDto, AdminSongPageDto, AdminSongsQueryDto, UpdateAdminSongDto } from './dto/admin-song.dto.js';
import { AdminSongsService } from './admin-songs.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

@ApiTags('admin')
@Auth('admin')
@Controller('admin/songs')
export class AdminSongsController {
  constructor(private readonly songs: AdminSongsService) {}

  @Get()
  @ApiOperation({
    summary: 'List songs of the dataset table',
    description: 'search: words of the title or artists (case and accents do not matter); created_after inclusive, created_before exclusive.',
  })
  @Listing({ type: AdminSongPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter, named in the message' })
  list(@Query() query: AdminSongsQueryDto): Promise<AdminSongPageDto> {
    return this.songs.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One song of the dataset table' })
  @ApiOkResponse({ type: AdminSongDto })
  @ApiNotFoundResponse({ description: 'No song with this id' })
  get(@Param('id', idParam()) id: number): Promise<AdminSongDto> {
    return this.songs.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a song',
    description:
      "Only the fields sent change. A new title or artists updates search; is_hit sets hit_source to 'label'; a new popularity recomputes is_hit when hit_source is 'popularity'.",
  })
  @ApiOkResponse({ type: AdminSongDto })
  @ApiBadRequestResponse({ description: 'Every bad field named: "popularity must not be greater than 100; is_hit must be true or false"' })
  @ApiNotFoundResponse({ description: 'No song with this id' })
  update(@Param('id', idParam()) id: number, @Body() body: UpdateAdminSongDto): Promise<AdminSongDto> {
    return this.songs.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a song with its predictions and their audit logs (one transaction)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No song with this id' })
  async remove(@Param('id', idParam()) id: number): Promise<void> {
    await this.songs.remove(id);
  }
}

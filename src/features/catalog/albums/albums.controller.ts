import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { PageQueryDto, uuidParam } from '../../../platform/common/http/query.js';
import { FileUpload, MB, type UploadedTempFile } from '../../../platform/common/http/upload.js';
import { MediaStorage } from '../../../platform/storage/media-storage.js';
import { sendImage } from '../../../platform/storage/send-image.js';
import { AlbumDetailsDto, AlbumDto, AlbumFormDto, AlbumPageDto, ListAlbumsQueryDto, UpdateAlbumDto } from '../dto/album.dto.js';
import { CatalogSongPageDto } from '../dto/catalog-song.dto.js';
import { ListCatalogSongsQueryDto } from '../dto/list-catalog-songs.query.dto.js';
import { CatalogSongsService } from '../songs/catalog-songs.service.js';
import { AlbumsService } from './albums.service.js';
import { Listing, WrittenListing } from '../../../platform/common/http/page-links.js';

const MAX_COVER_BYTES = 5 * MB;

@ApiTags('catalog albums')
@Controller('albums')
export class AlbumsController {
  constructor(
    private readonly albums: AlbumsService,
    private readonly songs: CatalogSongsService,
    private readonly storage: MediaStorage,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List albums, filtered and paged' })
  @Listing({ type: AlbumPageDto })
  list(@Query() query: ListAlbumsQueryDto, @CurrentUser() user?: AuthUser): Promise<AlbumPageDto> {
    return this.albums.list(query, user);
  }

  @Post()
  @ApiOperation({ summary: 'Create an album, optionally with a cover (artists)' })
  @Auth('artist')
  @FileUpload('cover', MAX_COVER_BYTES)
  @ApiBody({ type: AlbumFormDto })
  @ApiCreatedResponse({ type: AlbumDto })
  create(@CurrentUser() user: AuthUser, @Body() body: AlbumDetailsDto, @UploadedFile() cover?: UploadedTempFile): Promise<AlbumDto> {
    return this.albums.create(user, body, cover);
  }

  @Get('favorites')
  @ApiOperation({ summary: "The caller's favourite albums" })
  @Auth()
  @Listing({ type: AlbumPageDto })
  favorites(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<AlbumPageDto> {
    return this.albums.favorites(user, page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One album' })
  @ApiOkResponse({ type: AlbumDto })
  @ApiNotFoundResponse()
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user?: AuthUser): Promise<AlbumDto> {
    return this.albums.get(id, user);
  }

  @Put(':id')
  @ApiOperation({ summary: "Update one of the caller's albums, optionally its cover" })
  @Auth('artist')
  @FileUpload('cover', MAX_COVER_BYTES)
  @ApiOkResponse({ type: AlbumDto })
  update(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateAlbumDto,
    @UploadedFile() cover?: UploadedTempFile,
  ): Promise<AlbumDto> {
    return this.albums.update(id, user, body, cover);
  }

  @Delete(':id')
  @ApiOperation({ summary: "Delete one of the caller's albums" })
  @HttpCode(204)
  @Auth('artist')
  remove(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.albums.remove(id, user);
  }

  @Get(':id/songs')
  @ApiOperation({ summary: 'The songs of an album' })
  @WrittenListing({ type: CatalogSongPageDto })
  async albumSongs(
    @Param('id', uuidParam()) id: string,
    @Query() query: ListCatalogSongsQueryDto,
    @Req() request: Request,
    @CurrentUser() user?: AuthUser,
  ): Promise<string> {
    await this.albums.get(id, user);
    return this.songs.listBody(query, user, request.originalUrl, { albumId: id });
  }

  @Get(':id/cover')
  @ApiOperation({ summary: "An album's cover image" })
  @ApiOkResponse({ description: 'The cover image' })
  async cover(@Param('id', uuidParam()) id: string, @Res() response: Response): Promise<void> {
    await sendImage(response, this.storage, await this.albums.coverKey(id), `Album ${id}`);
  }

  @Post(':id/favorite')
  @ApiOperation({ summary: "Add an album to the caller's favourites" })
  @HttpCode(200)
  @Auth()
  favorite(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.albums.favorite(id, user, true);
  }

  @Delete(':id/favorite')
  @ApiOperation({ summary: "Remove an album from the caller's favourites" })
  @Auth()
  unfavorite(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser) {
    return this.albums.favorite(id, user, false);
  }
}

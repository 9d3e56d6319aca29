import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import type { PageQueryDto } from '../../../platform/common/http/query.js';
import type { UploadedTempFile } from '../../../platform/common/http/upload.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';
import { inspectImage } from '../../../platform/storage/media-checks.js';
import { MediaStorage, newMediaKey } from '../../../platform/storage/media-storage.js';
import { toAlbumDto, type AlbumDetailsDto, type AlbumDto, type AlbumPageDto, type ListAlbumsQueryDto, type UpdateAlbumDto } from '../dto/album.dto.js';
import { assertCanManage, publishingArtist, visibleSongs } from '../visibility.js';

const dateOrNull = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

@Injectable()
export class AlbumsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: MediaStorage,
  ) {}

  private include(user: AuthUser | undefined) {
    return { artist: { select: { id: true, name: true } }, _count: { select: { songs: { where: visibleSongs(user) } } } } as const;
  }

  async list(query: ListAlbumsQueryDto, user: AuthUser | undefined): Promise<AlbumPageDto> {
    const search = query.search ? normalizeSearchText(query.search) : '';
    const where: Prisma.AlbumWhereInput = {
      ...(query.artist && { artistId: query.artist }),
      ...(search && { searchText: { contains: search } }),
    };
    const [count, albums] = await this.prisma.$transaction([
      this.prisma.album.count({ where }),
      this.prisma.album.findMany({
        where,
        include: this.include(user),
        orderBy: [{ releaseDate: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.page_size,
        take: query.page_size,
      }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: albums.map((album) => toAlbumDto(album, album._count.songs)) };
  }

  async get(id: string, user: AuthUser | undefined): Promise<AlbumDto> {
    const album = await this.prisma.album.findUnique({ where: { id }, include: this.include(user) });
    if (!album) throw new NotFoundException(`Album ${id} not found`);
    return toAlbumDto(album, album._count.songs);
  }

  async coverKey(id: string): Promise<string | null> {
    const album = await this.prisma.album.findUnique({ where: { id }, select: { coverKey: true } });
    if (!album) throw new NotFoundException(`Album ${id} not found`);
    return album.coverKey;
  }

  async create(user: AuthUser, details: AlbumDetailsDto, cover: UploadedTempFile | undefined): Promise<AlbumDto> {
    const callerArtist = await this.prisma.artist.findUnique({ where: { userId: user.id }, select: { id: true } });
    const artistId = publishingArtist(user, callerArtist?.id ?? null, details.artist_id);
    const artist = await this.prisma.artist.findUnique({ where: { id: artistId } });
    if (!artist) throw new BadRequestException(`artist_id: no artist ${artistId}`);
    const coverKey = await this.saveCover(cover);
    try {
      const album = await this.prisma.album.create({
        data: {
          title: details.title,
          artistId,
          description: details.description ?? '',
          releaseDate: dateOrNull(details.release_date),
          coverKey,
          searchText: normalizeSearchText(`${details.title} ${artist.name}`),
        },
        include: this.include(user),
      });
      return toAlbumDto(album, album._count.songs);
    } catch (error) {
      if (coverKey) await this.storage.discard(coverKey);
      throw error;
    }
  }

  async update(id: string, user: AuthUser, changes: UpdateAlbumDto, cover: UploadedTempFile | undefined): Promise<AlbumDto> {
    const existing = await this.manageable(id, user);
    if (changes.artist_id !== undefined) throw new BadRequestException('artist_id cannot be changed: an album stays with its artist');
    const coverKey = await this.saveCover(cover);
    try {
      const title = changes.title ?? existing.title;
      const album = await this.prisma.album.update({
        where: { id },
        data: {
          title,
          ...(changes.description !== undefined && { description: changes.description }),
          ...(changes.release_date !== undefined && { releaseDate: dateOrNull(changes.release_date) }),
          ...(coverKey && { coverKey }),
          searchText: normalizeSearchText(`${title} ${existing.artist.name}`),
        },
        include: this.include(user),
      });
      if (coverKey && existing.coverKey) await this.storage.discard(existing.coverKey);
      return toAlbumDto(album, album._count.songs);
    } catch (error) {
      if (coverKey) await this.storage.discard(coverKey);
      throw error;
    }
  }

  /** Deletes the album; its songs stay, without an album. */
  async remove(id: string, user: AuthUser): Promise<void> {
    const album = await this.manageable(id, user);
    await this.prisma.album.delete({ where: { id } });
    if (album.coverKey) await this.storage.discard(album.coverKey);
  }

  async favorite(id: string, user: AuthUser, favorite: boolean): Promise<{ album_id: string; favorite: boolean }> {
    await this.get(id, user);
    if (favorite) await this.prisma.albumFavorite.createMany({ data: [{ userId: user.id, albumId: id }], skipDuplicates: true });
    else await this.prisma.albumFavorite.deleteMany({ where: { userId: user.id, albumId: id } });
    return { album_id: id, favorite };
  }

  async favorites(user: AuthUser, page: PageQueryDto): Promise<AlbumPageDto> {
    const where = { favorites: { some: { userId: user.id } } };
    const [count, albums] = await this.prisma.$transaction([
      this.prisma.album.count({ where }),
      this.prisma.album.findMany({
        where,
        include: this.include(user),
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
        skip: (page.page - 1) * page.page_size,
        take: page.page_size,
      }),
    ]);
    return { count, page: page.page, page_size: page.page_size, results: albums.map((album) => toAlbumDto(album, album._count.songs)) };
  }

  private async manageable(id: string, user: AuthUser) {
    const album = await this.prisma.album.findUnique({ where: { id }, include: { artist: true } });
    if (!album) throw new NotFoundException(`Album ${id} not found`);
    assertCanManage(user, album.artist.userId, 'album');
    return album;
  }

  private async saveCover(cover: UploadedTempFile | undefined): Promise<string | null> {
    if (!cover) return null;
    const image = await inspectImage(cover.path, 'cover');
    const key = newMediaKey('images', image.extension);
    await this.storage.save(key, cover.path, image.mimeType);
    return key;
  }
}

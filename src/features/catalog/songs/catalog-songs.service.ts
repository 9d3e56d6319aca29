import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { queryPrepared } from '../../../platform/database/prepared-query.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { VersionedCache } from '../../../platform/database/versioned-cache.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';
import type { UploadedTempFile } from '../../../platform/common/http/upload.js';
import { inspectAudio, type AudioFacts } from '../../../platform/storage/media-checks.js';
import { MediaStorage, newMediaKey } from '../../../platform/storage/media-storage.js';
import { SONG_INCLUDE, toCatalogSongDto, type CatalogSongDto, type SongWithRefs } from '../dto/catalog-song.dto.js';
import type { ListCatalogSongsQueryDto } from '../dto/list-catalog-songs.query.dto.js';
import type { SongDetailsDto, UpdateSongDto } from '../dto/song-input.dto.js';
import { GenresService } from '../genres/genres.service.js';
import { assertCanManage, publishingArtist, visibleSongs } from '../visibility.js';
import {
  CATALOG_VERSION_SQL,
  catalogSongFilter,
  catalogSongOrder,
  catalogSongPageBody,
  catalogSongPageSql,
  type CatalogSongPageRow,
  type CatalogSongScope,
} from './catalog-song-page.js';

const dateOrNull = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * How much of the listings' pages a server keeps, in characters of their keys and JSON: about 200
 * pages of 20 songs.
 */
const KEPT_PAGES_SIZE = 2_000_000;

@Injectable()
export class CatalogSongsService {
  private readonly pages = new VersionedCache<CatalogSongPageRow>(KEPT_PAGES_SIZE, (key, row) => key.length + row.results.length);

  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: MediaStorage,
    private readonly genres: GenresService,
  ) {}

  /**
   * A page of songs with its count and links, as the answer's JSON text: one prepared statement
   * writes the songs' JSON (not Prisma's transaction of count, page and three relation loads, nor
   * a parse and stringify of the rows in Node: docs/benchmarks.md, "GET /api/songs").
   * originalUrl is the request's, for the next and previous links.
   */
  async listBody(query: ListCatalogSongsQueryDto, user: AuthUser | undefined, originalUrl: string, scope: CatalogSongScope = {}): Promise<string> {
    const filter = catalogSongFilter(query, user, scope);
    const offset = (query.page - 1) * query.page_size;
    const row = await this.page(catalogSongPageSql(filter, catalogSongOrder(query.ordering), query.page_size, offset));
    return catalogSongPageBody({ count: row.total, page: query.page, page_size: query.page_size, results: row.results }, originalUrl);
  }

  /**
   * The page `sql` reads, from the cache when the catalog's version is still the one it was read
   * at (one small statement instead of the page's joins and JSON: docs/benchmarks.md, "GET
   * /api/songs: pages kept by the catalog's version"), else from the database, then kept. The key
   * is the statement and its values, so it holds everything the filter depends on (the caller too).
   */
  private async page(sql: Prisma.Sql): Promise<CatalogSongPageRow> {
    const key = `${sql.text}\u0000${JSON.stringify(sql.values)}`;
    if (this.pages.has(key)) {
      const [current] = await queryPrepared<{ version: string }>(this.prisma.pool, CATALOG_VERSION_SQL);
      const kept = this.pages.get(key, current!.version);
      if (kept) return kept;
    }
    const [row] = await queryPrepared<CatalogSongPageRow>(this.prisma.pool, sql);
    this.pages.set(key, row!.version, row!);
    return row!;
  }

  async get(id: string, user: AuthUser | undefined): Promise<CatalogSongDto> {
    return toCatalogSongDto(await this.findVisible(id, user));
  }

  /** A song the caller may see, else 404 (a private song of another artist does not exist for them). */
  async findVisible(id: string, user: AuthUser | undefined): Promise<SongWithRefs> {
    const song = await this.prisma.catalogSong.findFirst({ where: { AND: [{ id }, visibleSongs(user)] }, include: SONG_INCLUDE });
    if (!song) throw new NotFoundException(`Song ${id} not found`);
    return song;
  }

  /**
   * Publishes an uploaded song: the file is checked by content and stored first, then the row is
   * written in one transaction; a failed write removes the stored file again.
   */
  async create(user: AuthUser, details: SongDetailsDto, audio: UploadedTempFile | undefined): Promise<CatalogSongDto> {
    if (!audio) throw new BadRequestException('audio is required: send the song file as the multipart field "audio"');
    const artistId = publishingArtist(user, await this.callerArtistId(user), details.artist_id);
    const artist = await this.prisma.artist.findUnique({ where: { id: artistId } });
    if (!artist) throw new BadRequestException(`artist_id: no artist ${artistId}`);
    await this.assertAlbumOf(details.album_id, artistId);
    const facts = await inspectAudio(audio.path, 'audio');
    const audioKey = newMediaKey('audio', facts.format);
    await this.storage.save(audioKey, audio.path, facts.mimeType);
    try {
      const song = await this.prisma.$transaction(async (tx) => {
        const genreIds = await this.genres.resolve(details.genres ?? [], tx);
        const album = details.album_id ? await tx.album.findUnique({ where: { id: details.album_id }, select: { title: true } }) : null;
        return tx.catalogSong.create({
          data: {
            title: details.title,
            artistId,
            albumId: details.album_id ?? null,
            releaseDate: dateOrNull(details.release_date),
            visibility: details.visibility ?? 'public',
            ...audioColumns(audioKey, facts, audio.size),
            searchText: songSearchText(details.title, artist.name, album?.title),
            genres: { create: genreIds.map((genreId) => ({ genreId })) },
          },
          include: SONG_INCLUDE,
        });
      });
      return toCatalogSongDto(song);
    } catch (error) {
      await this.storage.remove(audioKey);
      throw error;
    }
  }

  /** Changes details and, given a new file, the audio (the old file is deleted once the row points to the new one). */
  async update(id: string, user: AuthUser, changes: UpdateSongDto, audio: UploadedTempFile | undefined): Promise<CatalogSongDto> {
    const existing = await this.manageable(id, user);
    if (changes.artist_id !== undefined) throw new BadRequestException('artist_id cannot be changed: a song stays with its artist');
    if (changes.album_id) await this.assertAlbumOf(changes.album_id, existing.artistId);
    const facts = audio ? await inspectAudio(audio.path, 'audio') : null;
    const audioKey = facts ? newMediaKey('audio', facts.format) : null;
    if (audio && facts && audioKey) await this.storage.save(audioKey, audio.path, facts.mimeType);
    try {
      const song = await this.prisma.$transaction(async (tx) => {
        const albumId = changes.album_id === undefined ? existing.albumId : changes.album_id;
        const album = albumId ? await tx.album.findUnique({ where: { id: albumId }, select: { title: true } }) : null;
        if (changes.genres) {
          const genreIds = await this.genres.resolve(changes.genres, tx);
          await tx.catalogSongGenre.deleteMany({ where: { songId: id } });
          await tx.catalogSongGenre.createMany({ data: genreIds.map((genreId) => ({ songId: id, genreId })) });
        }
        const title = changes.title ?? existing.title;
        return tx.catalogSong.update({
          where: { id },
          data: {
            title,
            albumId,
            ...(changes.release_date !== undefined && { releaseDate: dateOrNull(changes.release_date) }),
            ...(changes.visibility && { visibility: changes.visibility }),
            ...(audio && facts && audioKey && audioColumns(audioKey, facts, audio.size)),
            searchText: songSearchText(title, existing.artist.name, album?.title),
          },
          include: SONG_INCLUDE,
        });
      });
      if (audioKey) await this.storage.discard(existing.audioKey);
      return toCatalogSongDto(song);
    } catch (error) {
      if (audioKey) await this.storage.discard(audioKey);
      throw error;
    }
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    const song = await this.manageable(id, user);
    await this.prisma.catalogSong.delete({ where: { id } });
    await this.storage.discard(song.audioKey);
  }

  /** A song the caller may change: 404 when they cannot see it, 403 when it is not theirs. */
  private async manageable(id: string, user: AuthUser) {
    const song = await this.prisma.catalogSong.findFirst({ where: { AND: [{ id }, visibleSongs(user)] }, include: { artist: true } });
    if (!song) throw new NotFoundException(`Song ${id} not found`);
    assertCanManage(user, song.artist.userId, 'song');
    return song;
  }

  private async callerArtistId(user: AuthUser): Promise<string | null> {
    const artist = await this.prisma.artist.findUnique({ where: { userId: user.id }, select: { id: true } });
    return artist?.id ?? null;
  }

  private async assertAlbumOf(albumId: string | null | undefined, artistId: string): Promise<void> {
    if (!albumId) return;
    const album = await this.prisma.album.findUnique({ where: { id: albumId }, select: { artistId: true } });
    if (!album) throw new BadRequestException(`album_id: no album ${albumId}`);
    if (album.artistId !== artistId) throw new BadRequestException('album_id: the album belongs to another artist');
  }
}

/** The columns describing a song's stored audio file. */
export const audioColumns = (audioKey: string, facts: AudioFacts, sizeBytes: number) => ({
  audioKey,
  audioFormat: facts.format,
  mimeType: facts.mimeType,
  sizeBytes,
  durationMs: facts.durationMs,
  bitrateKbps: facts.bitrateKbps,
  sampleRate: facts.sampleRate,
});

/** What a song is found by: its title, artist and album, normalized. */
export const songSearchText = (title: string, artist: string, album?: string | null) => normalizeSearchText([title, artist, album ?? ''].join(' '));

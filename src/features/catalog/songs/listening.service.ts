import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import type { PageQueryDto } from '../../../platform/common/http/query.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { SONG_INCLUDE, toCatalogSongDto, type CatalogSongDto, type CatalogSongPageDto } from '../dto/catalog-song.dto.js';
import { visibleSongs } from '../visibility.js';
import { CatalogSongsService } from './catalog-songs.service.js';

export interface LikeStateDto {
  song_id: string;
  liked: boolean;
  like_count: number;
}

/** What listeners do with songs: likes, favourites and plays (with the counters on the song kept in step). */
@Injectable()
export class ListeningService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly songs: CatalogSongsService,
  ) {}

  /** Likes a song once: liking again changes nothing. */
  async like(songId: string, user: AuthUser): Promise<LikeStateDto> {
    await this.songs.findVisible(songId, user);
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.songLike.createMany({ data: [{ userId: user.id, songId }], skipDuplicates: true });
      const song = await tx.catalogSong.update({ where: { id: songId }, data: { likeCount: { increment: count } }, select: { likeCount: true } });
      return { song_id: songId, liked: true, like_count: song.likeCount };
    });
  }

  async unlike(songId: string, user: AuthUser): Promise<LikeStateDto> {
    await this.songs.findVisible(songId, user);
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.songLike.deleteMany({ where: { userId: user.id, songId } });
      const song = await tx.catalogSong.update({ where: { id: songId }, data: { likeCount: { decrement: count } }, select: { likeCount: true } });
      return { song_id: songId, liked: false, like_count: song.likeCount };
    });
  }

  /** Counts a listen and puts the song at the top of the listener's recently played. */
  async play(songId: string, user: AuthUser): Promise<{ song_id: string; play_count: number }> {
    await this.songs.findVisible(songId, user);
    const [, song] = await this.prisma.$transaction([
      this.prisma.songPlay.create({ data: { songId, userId: user.id } }),
      this.prisma.catalogSong.update({ where: { id: songId }, data: { playCount: { increment: 1 } }, select: { playCount: true } }),
    ]);
    return { song_id: songId, play_count: song.playCount };
  }

  async favorite(songId: string, user: AuthUser): Promise<{ song_id: string; favorite: boolean }> {
    await this.songs.findVisible(songId, user);
    await this.prisma.songFavorite.createMany({ data: [{ userId: user.id, songId }], skipDuplicates: true });
    return { song_id: songId, favorite: true };
  }

  async unfavorite(songId: string, user: AuthUser): Promise<{ song_id: string; favorite: boolean }> {
    await this.songs.findVisible(songId, user);
    await this.prisma.songFavorite.deleteMany({ where: { userId: user.id, songId } });
    return { song_id: songId, favorite: false };
  }

  /** The listener's favourite songs, latest first. */
  async favorites(user: AuthUser, page: PageQueryDto): Promise<CatalogSongPageDto> {
    const where = { userId: user.id, song: visibleSongs(user) };
    const [count, rows] = await this.prisma.$transaction([
      this.prisma.songFavorite.count({ where }),
      this.prisma.songFavorite.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { songId: 'asc' }],
        include: { song: { include: SONG_INCLUDE } },
        skip: (page.page - 1) * page.page_size,
        take: page.page_size,
      }),
    ]);
    return { count, page: page.page, page_size: page.page_size, results: rows.map((row) => toCatalogSongDto(row.song)) };
  }

  /** Distinct songs the listener played, the latest listen first, with when. */
  async recentlyPlayed(user: AuthUser, limit: number): Promise<{ results: (CatalogSongDto & { played_at: Date })[] }> {
    const latest = await this.prisma.songPlay.groupBy({
      by: ['songId'],
      where: { userId: user.id, song: visibleSongs(user) },
      _max: { playedAt: true },
      orderBy: { _max: { playedAt: 'desc' } },
      take: limit,
    });
    const songs = await this.prisma.catalogSong.findMany({ where: { id: { in: latest.map((row) => row.songId) } }, include: SONG_INCLUDE });
    const byId = new Map(songs.map((song) => [song.id, song]));
    return {
      results: latest.flatMap((row) => {
        const song = byId.get(row.songId);
        return song ? [{ ...toCatalogSongDto(song), played_at: row._max.playedAt! }] : [];
      }),
    };
  }
}

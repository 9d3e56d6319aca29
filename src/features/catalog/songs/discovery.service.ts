import { BadRequestException, Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';
import { SONG_INCLUDE, toCatalogSongDto, type CatalogSongDto } from '../dto/catalog-song.dto.js';
import { visibleSongsSql } from '../visibility.js';
import { prefixTsQuery, RECOMMENDATION_WEIGHTS as R, TRENDING_WEIGHTS as T, trendingSince, type TrendingRange } from './discovery.js';

export interface TrendingSongDto extends CatalogSongDto {
  trending: { score: number; plays: number; likes: number };
}

export interface CatalogSearchDto {
  query: string;
  songs: CatalogSongDto[];
  albums: { id: string; title: string; artist: { id: string; name: string }; release_date: string | null; cover_url: string | null; demo: boolean }[];
  artists: { id: string; name: string; demo: boolean }[];
  genres: { id: number; name: string }[];
}

/** Ways to find songs: trending, search, random picks and recommendations (raw SQL: they rank). */
@Injectable()
export class DiscoveryService {
  constructor(private readonly prisma: PrismaService) {}

  /** Songs by trending score in the range (see TRENDING_WEIGHTS); ties by plays, then newest. */
  async trending(range: TrendingRange, user: AuthUser | undefined, page: number, pageSize: number) {
    const since = trendingSince(range);
    const counts = since
      ? Prisma.sql`
          LEFT JOIN (SELECT song_id, count(*)::int AS n FROM song_plays WHERE played_at >= ${since} GROUP BY song_id) p ON p.song_id = s.id
          LEFT JOIN (SELECT song_id, count(*)::int AS n FROM song_likes WHERE created_at >= ${since} GROUP BY song_id) l ON l.song_id = s.id`
      : Prisma.sql`CROSS JOIN LATERAL (SELECT s.play_count AS n) p CROSS JOIN LATERAL (SELECT s.like_count AS n) l`;
    const ranked = Prisma.sql`
      SELECT s.id, COALESCE(p.n, 0) AS plays, COALESCE(l.n, 0) AS likes,
             COALESCE(p.n, 0) * ${T.play} + COALESCE(l.n, 0) * ${T.like} AS score, s.created_at
      FROM catalog_songs s ${counts}
      WHERE ${visibleSongsSql(user)} AND COALESCE(p.n, 0) + COALESCE(l.n, 0) > 0`;
    const [rows, [total]] = await Promise.all([
      this.prisma.$queryRaw<{ id: string; plays: number; likes: number; score: number }[]>`
        SELECT id, plays, likes, score FROM (${ranked}) ranked
        ORDER BY score DESC, plays DESC, created_at DESC, id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      this.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM (${ranked}) ranked`,
    ]);
    const songs = await this.songsInOrder(rows.map((row) => row.id));
    return {
      time_range: range,
      count: total!.count,
      page,
      page_size: pageSize,
      results: songs.map((song, i): TrendingSongDto => ({ ...song, trending: { score: rows[i]!.score, plays: rows[i]!.plays, likes: rows[i]!.likes } })),
    };
  }

  /**
   * Songs, albums, artists and genres matching `q`. Full-text matches (every word, as a prefix)
   * rank above trigram near-misses (typos); within each, by text rank, then popularity.
   */
  async search(q: string, user: AuthUser | undefined, limit: number): Promise<CatalogSearchDto> {
    const text = normalizeSearchText(q);
    if (!text) throw new BadRequestException('q must contain letters or digits');
    const tsQuery = prefixTsQuery(text);
    const match = (column: Prisma.Sql) => Prisma.sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${tsQuery})`;
    const rank = (column: Prisma.Sql) =>
      Prisma.sql`(CASE WHEN ${match(column)} THEN 1 ELSE 0 END + ts_rank(to_tsvector('simple', ${column}), to_tsquery('simple', ${tsQuery})) + word_similarity(${text}, ${column}))`;
    const found = (column: Prisma.Sql) => Prisma.sql`(${match(column)} OR ${text} <% ${column})`;

    const [songRows, albumRows, artists, genres] = await Promise.all([
      this.prisma.$queryRaw<{ id: string }[]>`
        SELECT s.id FROM catalog_songs s
        WHERE ${visibleSongsSql(user)} AND ${found(Prisma.sql`s.search_text`)}
        ORDER BY ${rank(Prisma.sql`s.search_text`)} DESC, s.play_count DESC, s.id LIMIT ${limit}`,
      this.prisma.$queryRaw<{ id: string }[]>`
        SELECT a.id FROM albums a WHERE ${found(Prisma.sql`a.search_text`)}
        ORDER BY ${rank(Prisma.sql`a.search_text`)} DESC, a.release_date DESC NULLS LAST, a.id LIMIT ${limit}`,
      this.prisma.$queryRaw<{ id: string; name: string; demo: boolean }[]>`
        SELECT r.id, r.name, r.demo FROM artists r WHERE ${found(Prisma.sql`r.search_text`)}
        ORDER BY ${rank(Prisma.sql`r.search_text`)} DESC, r.name, r.id LIMIT ${limit}`,
      this.prisma.$queryRaw<{ id: number; name: string }[]>`
        SELECT g.id, g.name FROM genres g WHERE ${found(Prisma.sql`g.search_text`)}
        ORDER BY ${rank(Prisma.sql`g.search_text`)} DESC, g.name LIMIT ${limit}`,
    ]);
    const albums = await this.prisma.album.findMany({
      where: { id: { in: albumRows.map((row) => row.id) } },
      include: { artist: { select: { id: true, name: true } } },
    });
    const albumById = new Map(albums.map((album) => [album.id, album]));
    return {
      query: q,
      songs: await this.songsInOrder(songRows.map((row) => row.id)),
      albums: albumRows.flatMap(({ id }) => {
        const album = albumById.get(id);
        if (!album) return [];
        return [
          {
            id,
            title: album.title,
            artist: album.artist,
            release_date: album.releaseDate?.toISOString().slice(0, 10) ?? null,
            cover_url: album.coverKey ? `/api/albums/${id}/cover` : null,
            demo: album.demo,
          },
        ];
      }),
      artists,
      genres,
    };
  }

  async random(user: AuthUser | undefined, count: number): Promise<{ results: CatalogSongDto[] }> {
    const rows = await this.prisma.$queryRaw<
      { id: string }[]
    >`SELECT s.id FROM catalog_songs s WHERE ${visibleSongsSql(user)} ORDER BY random() LIMIT ${count}`;
    return { results: await this.songsInOrder(rows.map((row) => row.id)) };
  }

  /** Unheard songs scored by the listener's taste (see RECOMMENDATION_WEIGHTS), or trending for a new listener. */
  async recommendations(user: AuthUser, limit: number): Promise<{ source: 'history' | 'trending'; results: CatalogSongDto[] }> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH history AS (
        SELECT song_id, ${R.play}::float8 AS weight FROM song_plays WHERE user_id = ${user.id}::uuid
        UNION ALL SELECT song_id, ${R.like}::float8 FROM song_likes WHERE user_id = ${user.id}::uuid
        UNION ALL SELECT song_id, ${R.favorite}::float8 FROM song_favorites WHERE user_id = ${user.id}::uuid
      ),
      genre_taste AS (
        SELECT g.genre_id, sum(h.weight) AS weight FROM history h JOIN catalog_song_genres g ON g.song_id = h.song_id GROUP BY g.genre_id
      ),
      artist_taste AS (
        SELECT artist_id, sum(weight) AS weight FROM (
          SELECT s.artist_id, h.weight FROM history h JOIN catalog_songs s ON s.id = h.song_id
          UNION ALL SELECT artist_id, ${R.follow}::float8 FROM artist_follows WHERE user_id = ${user.id}::uuid
        ) taste GROUP BY artist_id
      ),
      scored AS (
        SELECT s.id, s.play_count,
          COALESCE((SELECT sum(t.weight) FROM catalog_song_genres g JOIN genre_taste t ON t.genre_id = g.genre_id WHERE g.song_id = s.id), 0)
          + ${R.artist} * COALESCE((SELECT a.weight FROM artist_taste a WHERE a.artist_id = s.artist_id), 0) AS taste
        FROM catalog_songs s
        WHERE ${visibleSongsSql(user)} AND NOT EXISTS (SELECT 1 FROM history h WHERE h.song_id = s.id)
      )
      SELECT id FROM scored WHERE taste > 0
      ORDER BY taste + ${R.popularity} * ln(1 + play_count) DESC, play_count DESC, id
      LIMIT ${limit}`;
    if (rows.length > 0) return { source: 'history', results: await this.songsInOrder(rows.map((row) => row.id)) };
    // Nothing matches the taste yet (or there is no history): this week's trending, minus what they know.
    const known = new Set(
      (await this.prisma.songPlay.findMany({ where: { userId: user.id }, select: { songId: true }, distinct: ['songId'] })).map((play) => play.songId),
    );
    const trending = await this.trending('week', user, 1, limit + known.size);
    return { source: 'trending', results: trending.results.filter((song) => !known.has(song.id)).slice(0, limit) };
  }

  private async songsInOrder(ids: string[]): Promise<CatalogSongDto[]> {
    const songs = await this.prisma.catalogSong.findMany({ where: { id: { in: ids } }, include: SONG_INCLUDE });
    const byId = new Map(songs.map((song) => [song.id, song]));
    return ids.flatMap((id) => {
      const song = byId.get(id);
      return song ? [toCatalogSongDto(song)] : [];
    });
  }
}

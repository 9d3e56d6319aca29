import type { AuthUser } from '../../auth/auth-user.js';
import { Prisma } from '../../generated/prisma/client.js';
import { normalizeSearchText, searchWords } from '../../songs/search-text.js';
import { isoDate, type CatalogSongDto } from '../dto/catalog-song.dto.js';
import type { ListCatalogSongsQueryDto } from '../dto/list-catalog-songs.query.dto.js';
import { visibleSongsSql } from '../visibility.js';

/** Narrows a listing to one artist's or one album's songs (their pages). */
export interface CatalogSongScope {
  artistId?: string;
  albumId?: string;
}

const ORDER_COLUMNS: Record<string, string> = {
  plays: 's.play_count',
  likes: 's.like_count',
  release_date: 's.release_date',
  created: 's.created_at',
  title: 's.title',
};

/** `s` (catalog_songs) has one of these genres' search text (`g.search_text` compared by `condition`). */
const hasGenre = (condition: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM catalog_song_genres sg JOIN genres g ON g.id = sg.genre_id WHERE sg.song_id = s.id AND ${condition})`;

/** The listing's filters as one SQL condition on `s`, as the original's: every word of ?search= in the song's text or a genre. */
export function catalogSongFilter(query: ListCatalogSongsQueryDto, user: AuthUser | undefined, scope: CatalogSongScope): Prisma.Sql {
  const conditions = [visibleSongsSql(user)];
  for (const word of searchWords(query.search)) {
    const pattern = `%${word}%`;
    conditions.push(Prisma.sql`(s.search_text LIKE ${pattern} OR ${hasGenre(Prisma.sql`g.search_text LIKE ${pattern}`)})`);
  }
  if (query.genre) conditions.push(hasGenre(Prisma.sql`g.search_text = ${normalizeSearchText(query.genre)}`));
  for (const artistId of [scope.artistId, query.artist]) if (artistId) conditions.push(Prisma.sql`s.artist_id = ${artistId}::uuid`);
  for (const albumId of [scope.albumId, query.album]) if (albumId) conditions.push(Prisma.sql`s.album_id = ${albumId}::uuid`);
  // Compared as dates (the column's type), as Prisma did: a date-time counts by its UTC day.
  if (query.released_after) conditions.push(Prisma.sql`s.release_date >= ${isoDate(query.released_after)}::date`);
  if (query.released_before) conditions.push(Prisma.sql`s.release_date <= ${isoDate(query.released_before)}::date`);
  return Prisma.join(conditions, ' AND ');
}

/** ORDER BY for `?ordering=` (a field, "-" first for descending): release dates nulls last, then newest, then id. */
export function catalogSongOrder(ordering: string): Prisma.Sql {
  const descending = ordering.startsWith('-');
  const column = ORDER_COLUMNS[ordering.replace(/^-/, '')]!;
  const nulls = column === 's.release_date' ? ' NULLS LAST' : '';
  return Prisma.raw(`${column} ${descending ? 'DESC' : 'ASC'}${nulls}, s.created_at DESC, s.id ASC`);
}

/**
 * One page of songs, already in the CatalogSongDto's shape (artist, album and genres joined in),
 * each row with `total`, the count of songs matching the filter on all pages: one statement.
 */
export function catalogSongPageSql(filter: Prisma.Sql, order: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    SELECT (SELECT count(*)::int FROM catalog_songs s WHERE ${filter}) AS total,
           s.id, s.title,
           json_build_object('id', ar.id, 'name', ar.name) AS artist,
           CASE WHEN al.id IS NULL THEN NULL ELSE json_build_object('id', al.id, 'title', al.title) END AS album,
           ARRAY(SELECT g.name FROM catalog_song_genres sg JOIN genres g ON g.id = sg.genre_id WHERE sg.song_id = s.id ORDER BY g.name) AS genres,
           to_char(s.release_date, 'YYYY-MM-DD') AS release_date,
           s.visibility::text AS visibility, s.duration_ms, s.audio_format AS format, s.mime_type, s.size_bytes, s.bitrate_kbps,
           s.play_count, s.like_count, '/api/songs/' || s.id || '/stream' AS stream_url, s.demo, s.created_at, s.updated_at
    FROM catalog_songs s
    JOIN artists ar ON ar.id = s.artist_id
    LEFT JOIN albums al ON al.id = s.album_id
    WHERE ${filter}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`;
}

/** Songs matching the filter, for a page past the last (which has no rows to carry the count). */
export const catalogSongCountSql = (filter: Prisma.Sql) => Prisma.sql`SELECT count(*)::int AS total FROM catalog_songs s WHERE ${filter}`;

export type CatalogSongPageRow = CatalogSongDto & { total: number };

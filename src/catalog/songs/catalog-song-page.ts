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

/** A timestamp as JavaScript's Date.toJSON writes it, which pg reads faster as text than as a timestamp. */
const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One page of songs, in the CatalogSongDto's shape and order of fields (artist, album and genres
 * joined in, the genres of the page's songs in one grouped join), each row with `total`, the count
 * of songs matching the filter on all pages: one statement instead of Prisma's eight.
 */
export function catalogSongPageSql(filter: Prisma.Sql, order: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    WITH page AS (SELECT s.* FROM catalog_songs s WHERE ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}),
    page_genres AS (
      SELECT sg.song_id, array_agg(g.name ORDER BY g.name) AS names
      FROM catalog_song_genres sg JOIN genres g ON g.id = sg.genre_id
      WHERE sg.song_id IN (SELECT id FROM page)
      GROUP BY sg.song_id
    )
    SELECT (SELECT count(*)::int FROM catalog_songs s WHERE ${filter}) AS total,
           s.id, s.title,
           json_build_object('id', ar.id, 'name', ar.name) AS artist,
           CASE WHEN al.id IS NULL THEN NULL ELSE json_build_object('id', al.id, 'title', al.title) END AS album,
           COALESCE(gn.names, '{}') AS genres,
           to_char(s.release_date, 'YYYY-MM-DD') AS release_date,
           s.visibility::text AS visibility, s.duration_ms, s.audio_format AS format, s.mime_type, s.size_bytes, s.bitrate_kbps,
           s.play_count, s.like_count, '/api/songs/' || s.id || '/stream' AS stream_url, s.demo,
           ${Prisma.raw(isoTimestamp('s.created_at'))} AS created_at, ${Prisma.raw(isoTimestamp('s.updated_at'))} AS updated_at
    FROM page s
    JOIN artists ar ON ar.id = s.artist_id
    LEFT JOIN albums al ON al.id = s.album_id
    LEFT JOIN page_genres gn ON gn.song_id = s.id
    ORDER BY ${order}`;
}

/**
 * A row of catalogSongPageSql as the song it describes. Field by field: a rest-and-spread copy
 * (leaving `total` out) took 6% of the listing's CPU in a profile.
 */
export const pageRowSong = (row: CatalogSongPageRow): CatalogSongDto => ({
  id: row.id,
  title: row.title,
  artist: row.artist,
  album: row.album,
  genres: row.genres,
  release_date: row.release_date,
  visibility: row.visibility,
  duration_ms: row.duration_ms,
  format: row.format,
  mime_type: row.mime_type,
  size_bytes: row.size_bytes,
  bitrate_kbps: row.bitrate_kbps,
  play_count: row.play_count,
  like_count: row.like_count,
  stream_url: row.stream_url,
  demo: row.demo,
  created_at: new Date(row.created_at),
  updated_at: new Date(row.updated_at),
});

/** Songs matching the filter, for a page past the last (which has no rows to carry the count). */
export const catalogSongCountSql = (filter: Prisma.Sql) => Prisma.sql`SELECT count(*)::int AS total FROM catalog_songs s WHERE ${filter}`;

export type CatalogSongPageRow = Omit<CatalogSongDto, 'created_at' | 'updated_at'> & { total: number; created_at: string; updated_at: string };

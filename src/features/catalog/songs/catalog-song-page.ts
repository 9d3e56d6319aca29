import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText, searchWords } from '../../../vocabulary/search-text.js';
import { pageLinks } from '../../../platform/common/http/page-links.js';
import { isoDate } from '../dto/catalog-song.dto.js';
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

/** A timestamp as JavaScript's Date.toJSON writes it. */
const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The version of everything a song listing shows: the sum of catalog_versions' slots, which the
 * migration's statement triggers bump on every change to songs, artists, albums and genres. As
 * text (a bigint's sum is numeric). It only grows, and changes with every committed change.
 * Prefixed by the database's oid: a restore (which brings the backup's, older, slots back) makes
 * the database anew, so an instance that ran through it meets no version it has seen before.
 */
const CATALOG_VERSION = Prisma.sql`(SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::text || ':' || coalesce(sum(version), 0)::text FROM catalog_versions)`;
export const CATALOG_VERSION_SQL = Prisma.sql`SELECT ${CATALOG_VERSION} AS version`;

/**
 * One page of songs as the JSON text of the answer's `results`, and `total`, the count of songs
 * matching the filter on all pages: one statement, one row (also past the last page). Each song is
 * `row_to_json` of a row in the CatalogSongDto's order of fields (artist, album and genres joined
 * in, the page's genres in one grouped join), so Node neither parses nor stringifies the 9 KB:
 * row_to_json writes no spaces and escapes strings as JSON.stringify does, and timestamps are
 * Date.toJSON's text (test/features/catalog/catalog-song-page-json.e2e.test.ts holds it to the earlier answers).
 * Also the catalog's version, read in the same snapshot: the page's key in CatalogSongsService's cache.
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
    SELECT ${CATALOG_VERSION} AS version,
           (SELECT count(*)::int FROM catalog_songs s WHERE ${filter}) AS total,
           COALESCE('[' || string_agg(row_to_json(song)::text, ',' ORDER BY ${order}) || ']', '[]') AS results
    FROM page s
    JOIN artists ar ON ar.id = s.artist_id
    LEFT JOIN albums al ON al.id = s.album_id
    LEFT JOIN page_genres gn ON gn.song_id = s.id
    CROSS JOIN LATERAL (
      SELECT s.id, s.title,
             (SELECT row_to_json(artist) FROM (SELECT ar.id, ar.name) artist) AS artist,
             (SELECT row_to_json(album) FROM (SELECT al.id, al.title) album WHERE al.id IS NOT NULL) AS album,
             COALESCE(gn.names, '{}') AS genres,
             to_char(s.release_date, 'YYYY-MM-DD') AS release_date,
             s.visibility::text AS visibility, s.duration_ms, s.audio_format AS format, s.mime_type, s.size_bytes, s.bitrate_kbps,
             s.play_count, s.like_count, '/api/songs/' || s.id || '/stream' AS stream_url, s.demo,
             ${Prisma.raw(isoTimestamp('s.created_at'))} AS created_at, ${Prisma.raw(isoTimestamp('s.updated_at'))} AS updated_at
    ) song`;
}

/** What catalogSongPageSql returns: its one row. */
export interface CatalogSongPageRow {
  /** The catalog's version (CATALOG_VERSION_SQL) in the page's own snapshot: what the page was read from. */
  version: string;
  total: number;
  results: string;
}

/** A page whose `results` is already JSON text (an array of CatalogSongDto). */
export interface CatalogSongPageJson {
  count: number;
  page: number;
  page_size: number;
  results: string;
}

/**
 * The answer's body: the bytes Express would send for the page with its links (PageLinksInterceptor,
 * then JSON.stringify), written around the results' text instead of parsing and stringifying it.
 */
export function catalogSongPageBody(page: CatalogSongPageJson, originalUrl: string): string {
  const { next, previous } = pageLinks(page, originalUrl);
  return `{"count":${page.count},"page":${page.page},"page_size":${page.page_size},"next":${JSON.stringify(next)},"previous":${JSON.stringify(previous)},"results":${page.results}}`;
}

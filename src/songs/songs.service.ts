import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import type { ListSongsQueryDto } from './dto/list-songs.query.dto.js';
import type { SearchHitDto } from './dto/song-search.dto.js';
import { toSongDto, type SongDto, type SongPageDto } from './dto/song.dto.js';
import { typoScore } from './fuzzy-score.js';
import { normalizeSearchText } from './search-text.js';

/** Song ids are PostgreSQL integers. */
const MAX_INT = 2_147_483_647;

const MATCH_TIERS = ['exact', 'prefix', 'contains', 'fuzzy'] as const;
/** pg_trgm word similarity a fuzzy match needs (its default, 0.6, misses one-letter typos in short words). */
const FUZZY_THRESHOLD = 0.45;

/** Escapes LIKE's wildcards so a query is matched literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

const ORDER_FIELDS: Record<string, keyof Prisma.SongOrderByWithRelationInput> = {
  id: 'id',
  track_name: 'trackName',
  artists: 'artists',
  popularity: 'popularity',
  decade: 'decade',
  created_at: 'createdAt',
};

/** Fuzzy candidates fetched at least, to re-rank by typo distance. */
const FUZZY_CANDIDATES = 100;

type Candidate = Omit<SearchHitDto, 'match'> & { tier: number; similarity: number; search_text: string };

const NULLABLE_ORDER_FIELDS = new Set(['popularity', 'decade']);

@Injectable()
export class SongsService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Title/artist search, accent- and case-insensitive, tolerant of small typos (pg_trgm),
   * ranked exact > prefix > contains > fuzzy, then by popularity.
   */
  async search(query: string, limit: number): Promise<SearchHitDto[]> {
    const q = normalizeSearchText(query);
    if (!q) return [];
    const prefix = `${likeLiteral(q)}%`;
    const contains = `%${likeLiteral(q)}%`;
    const everyWord = q.split(' ').map((word) => `%${likeLiteral(word)}%`);
    const [, rows] = await this.prisma.$transaction([
      // Loose enough that a typo in a short word ("beatels") still finds its song; ranking sorts the rest.
      this.prisma.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`,
      this.prisma.$queryRaw<Candidate[]>`
        SELECT id, track_id, track_name, artists, album_name, popularity, is_hit, track_genre, decade,
               source::text AS source, dataset, tier, similarity, search_text
        FROM (
          SELECT *, word_similarity(${q}, search_text) AS similarity,
                 CASE WHEN search_title = ${q} OR search_artists = ${q} OR search_text = ${q} THEN 0
                      WHEN search_title LIKE ${prefix} OR search_artists LIKE ${prefix} OR search_text LIKE ${prefix} THEN 1
                      WHEN search_text LIKE ALL (${everyWord}) THEN 2
                      ELSE 3 END AS tier
          FROM songs
          WHERE search_text LIKE ${contains} OR ${q} <% search_text
        ) candidates
        ORDER BY tier, similarity DESC, popularity DESC NULLS LAST, id
        LIMIT ${Math.max(limit * 5, FUZZY_CANDIDATES)}`,
    ]);
    // Trigrams find fuzzy candidates; a typo-aware word distance orders them.
    const scored = rows.map((row) => ({ ...row, score: row.tier === 3 ? typoScore(q, row.search_text) : 1 }));
    scored.sort(
      (a, b) =>
        a.tier - b.tier ||
        b.score - a.score ||
        (b.popularity ?? -1) - (a.popularity ?? -1) ||
        b.similarity - a.similarity ||
        a.id - b.id,
    );
    return scored.slice(0, limit).map(({ tier, similarity: _similarity, search_text: _text, score: _score, ...song }) => ({
      ...song,
      match: MATCH_TIERS[tier]!,
    }));
  }

  async list(query: ListSongsQueryDto): Promise<SongPageDto> {
    const search = query.search ? normalizeSearchText(query.search) : '';
    const where: Prisma.SongWhereInput = {
      ...(search && { searchText: { contains: search } }),
      ...(query.genre && { trackGenre: { equals: query.genre, mode: 'insensitive' } }),
      ...(query.is_hit !== undefined && { isHit: query.is_hit }),
      ...(query.source && { source: query.source }),
      ...(query.decade !== undefined && { decade: query.decade }),
      ...(query.min_popularity !== undefined && { popularity: { gte: query.min_popularity } }),
    };
    const descending = query.ordering.startsWith('-');
    const field = ORDER_FIELDS[query.ordering.replace(/^-/, '')]!;
    const sort = descending ? 'desc' : 'asc';
    // Songs without a value (no popularity, unknown decade) come last either way.
    const order = NULLABLE_ORDER_FIELDS.has(field) ? { sort, nulls: 'last' } : sort;
    const orderBy = [{ [field]: order }, { id: 'asc' }] as Prisma.SongOrderByWithRelationInput[];
    const [count, songs] = await this.prisma.$transaction([
      this.prisma.song.count({ where }),
      this.prisma.song.findMany({ where, orderBy, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: songs.map(toSongDto) };
  }

  async get(id: number): Promise<SongDto> {
    const song = id >= 1 && id <= MAX_INT ? await this.prisma.song.findUnique({ where: { id } }) : null;
    if (!song) throw new NotFoundException(`Song ${id} not found`);
    return toSongDto(song);
  }

  /** Removes every song and what refers to them (predictions, audit logs): the original clear_database. */
  async clearAll(): Promise<number> {
    const count = await this.prisma.song.count();
    await this.prisma.$executeRaw`TRUNCATE songs RESTART IDENTITY CASCADE`;
    return count;
  }

  async count(): Promise<number> {
    return this.prisma.song.count();
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import type { ListSongsQueryDto } from './dto/list-songs.query.dto.js';
import type { SearchHitDto } from './dto/song-search.dto.js';
import { toSongDto, type SongDto, type SongPageDto } from './dto/song.dto.js';
import { normalizeSearchText } from './search-text.js';

/** Song ids are PostgreSQL integers. */
const MAX_INT = 2_147_483_647;

const MATCH_TIERS = ['exact', 'prefix', 'contains', 'fuzzy'] as const;

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
    const rows = await this.prisma.$queryRaw<Array<Omit<SearchHitDto, 'match'> & { tier: number }>>`
      SELECT id, track_id, track_name, artists, album_name, popularity, is_hit, track_genre, decade,
             source::text AS source, dataset,
             CASE WHEN search_title = ${q} OR search_artists = ${q} OR search_text = ${q} THEN 0
                  WHEN search_title LIKE ${prefix} OR search_artists LIKE ${prefix} OR search_text LIKE ${prefix} THEN 1
                  WHEN search_text LIKE ${contains} THEN 2
                  ELSE 3 END AS tier
      FROM songs
      WHERE search_text LIKE ${contains} OR ${q} <% search_text
      ORDER BY tier, popularity DESC NULLS LAST, word_similarity(${q}, search_text) DESC, id
      LIMIT ${limit}`;
    return rows.map(({ tier, ...song }) => ({ ...song, match: MATCH_TIERS[tier]! }));
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
    const orderBy: Prisma.SongOrderByWithRelationInput[] = [
      { [field]: { sort: descending ? 'desc' : 'asc', nulls: 'last' } } as Prisma.SongOrderByWithRelationInput,
      { id: 'asc' },
    ];
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

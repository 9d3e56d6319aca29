import { Injectable, NotFoundException } from '@nestjs/common';
import { isRowId } from '../../platform/common/http/query.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prisma, Song } from '../../generated/prisma/client.js';
import { SongsService } from '../dataset/songs.service.js';
import { searchWords } from '../../vocabulary/search-text.js';
import { createdBetween, orderByFor } from '../../platform/common/http/listing-order.js';
import { toAdminSongDto, type AdminSongDto, type AdminSongPageDto, type AdminSongsQueryDto, type UpdateAdminSongDto } from './dto/admin-song.dto.js';
import { derivedSongChanges, songChanges } from './song-changes.js';

const COLUMNS = { track_name: 'trackName', artists: 'artists', popularity: 'popularity', is_hit: 'isHit', created_at: 'createdAt' };
const withPredictionCount = { _count: { select: { predictions: true } } } as const;

/** The songs table for admins: list, edit and delete any song. */
@Injectable()
export class AdminSongsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly songs: SongsService,
  ) {}

  async list(query: AdminSongsQueryDto): Promise<AdminSongPageDto> {
    const search = query.search?.trim();
    const where: Prisma.SongWhereInput = {
      // Words of the title and artists, or a Spotify track id as given (ids are case-sensitive), as the original's admin searched.
      ...(search && { OR: [await this.songs.searchTextContaining(searchWords(search)), { trackId: search }] }),
      ...(query.is_hit !== undefined && { isHit: query.is_hit }),
      ...(query.is_acoustic !== undefined && { isAcoustic: query.is_acoustic }),
      ...(query.is_instrumental !== undefined && { isInstrumental: query.is_instrumental }),
      ...(query.explicit !== undefined && { explicit: query.explicit }),
      createdAt: createdBetween(query.created_after, query.created_before),
    };
    const orderBy = orderByFor(query.ordering, COLUMNS, ['popularity']) as Prisma.SongOrderByWithRelationInput[];
    const [count, songs] = await this.prisma.$transaction([
      this.prisma.song.count({ where }),
      this.prisma.song.findMany({ where, orderBy, include: withPredictionCount, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: songs.map(toAdminSongDto) };
  }

  async get(id: number): Promise<AdminSongDto> {
    const song = isRowId(id) ? await this.prisma.song.findUnique({ where: { id }, include: withPredictionCount }) : null;
    if (!song) throw new NotFoundException(`Song ${id} not found`);
    return toAdminSongDto(song);
  }

  /**
   * Applies the edit, then what follows from it (search columns, a popularity-based hit label),
   * computed from the row as edited: the row stays locked until both are committed.
   */
  async update(id: number, dto: UpdateAdminSongDto): Promise<AdminSongDto> {
    const derive = (edited: Song) => derivedSongChanges(edited, dto, this.config.HIT_POPULARITY_THRESHOLD);
    return toAdminSongDto(await this.songs.editSong(id, songChanges(dto), derive, withPredictionCount));
  }

  /** Deletes a song with its predictions and their audit logs (ON DELETE CASCADE), all or nothing. */
  async remove(id: number): Promise<void> {
    const deleted = isRowId(id) ? await this.songs.deleteWhere({ id }) : { count: 0 };
    if (deleted.count === 0) throw new NotFoundException(`Song ${id} not found`);
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { AdminStatsDto } from './dto/admin-stats.dto.js';
import { ROLES } from './dto/admin-user.dto.js';

@Injectable()
export class AdminStatsService {
  constructor(private readonly prisma: PrismaService) {}

  async stats(): Promise<AdminStatsDto> {
    const [songs, songHits, predictions, roles, artists, catalogSongs] = await this.prisma.$transaction([
      this.prisma.song.count(),
      this.prisma.song.count({ where: { isHit: true } }),
      this.prisma.prediction.count(),
      this.prisma.user.groupBy({ by: ['role'], _count: { _all: true }, orderBy: { role: 'asc' } }),
      this.prisma.artist.count(),
      this.prisma.catalogSong.count(),
    ]);
    const byRole = Object.fromEntries(ROLES.map((role) => [role, roles.find((row) => row.role === role)?._count._all ?? 0]));
    const users = {
      total: Object.values(byRole).reduce((sum, count) => sum + count, 0),
      user: byRole['user']!,
      artist: byRole['artist']!,
      admin: byRole['admin']!,
    };
    return { songs, song_hits: songHits, predictions, users, artists, catalog_songs: catalogSongs };
  }
}

import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';

export interface GenreDto {
  id: number;
  name: string;
  song_count: number;
}

@Injectable()
export class GenresService {
  constructor(private readonly prisma: PrismaService) {}

  /** Every genre with its number of public songs, by name. */
  async list(): Promise<GenreDto[]> {
    const genres = await this.prisma.genre.findMany({
      orderBy: { name: 'asc' },
      include: { _count: { select: { songs: { where: { song: { visibility: 'public' } } } } } },
    });
    return genres.map((genre) => ({ id: genre.id, name: genre.name, song_count: genre._count.songs }));
  }

  async create(name: string): Promise<GenreDto> {
    const searchText = this.key(name, 'name');
    const exists = () => new ConflictException(`name: the genre "${name}" already exists`);
    if (await this.prisma.genre.findUnique({ where: { searchText } })) throw exists();
    try {
      const genre = await this.prisma.genre.create({ data: { name: name.trim(), searchText } });
      return { id: genre.id, name: genre.name, song_count: 0 };
    } catch (error) {
      // Created by a concurrent request since the look-up.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw exists();
      throw error;
    }
  }

  /** The ids of genres named `names`, creating the new ones ("Hip-Hop" and "hip hop" are one genre). */
  async resolve(names: string[], tx: Prisma.TransactionClient): Promise<number[]> {
    const ids = new Set<number>();
    for (const name of names) {
      const searchText = this.key(name, 'genres');
      const genre = await tx.genre.upsert({ where: { searchText }, create: { name: name.trim(), searchText }, update: {}, select: { id: true } });
      ids.add(genre.id);
    }
    return [...ids];
  }

  private key(name: string, field: string): string {
    const key = normalizeSearchText(name);
    if (!key) throw new BadRequestException(`${field}: a genre name needs letters or digits`);
    return key;
  }
}

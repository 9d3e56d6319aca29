import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import type { PageQueryDto } from '../../../platform/common/http/query.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';
import type { ArtistDto, ArtistPageDto, ArtistProfileDto, ListArtistsQueryDto, UpdateArtistDto } from '../dto/artist.dto.js';
import { assertCanManage, visibleSongs } from '../visibility.js';
import { createArtist, type NewArtist } from './new-artist.js';

const withFollowerCount = { _count: { select: { followers: true } } } as const;
type ArtistRow = Prisma.ArtistGetPayload<{ include: typeof withFollowerCount }>;
const toArtistDto = (artist: ArtistRow): ArtistDto => ({
  id: artist.id,
  name: artist.name,
  bio: artist.bio,
  follower_count: artist._count.followers,
  demo: artist.demo,
});

@Injectable()
export class ArtistsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Creates an artist, searchable by name; in the caller's transaction when it passes one. */
  createArtist(artist: NewArtist, db: Prisma.TransactionClient = this.prisma): Promise<{ id: string; name: string }> {
    return createArtist(db, artist);
  }

  /** Artists by name; a search ranks closest names first and tolerates typos (trigram word similarity). */
  async list(query: ListArtistsQueryDto): Promise<ArtistPageDto> {
    const search = query.search ? normalizeSearchText(query.search) : '';
    const skip = (query.page - 1) * query.page_size;
    if (!search) {
      const [count, artists] = await this.prisma.$transaction([
        this.prisma.artist.count(),
        this.prisma.artist.findMany({ include: withFollowerCount, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take: query.page_size }),
      ]);
      return { count, page: query.page, page_size: query.page_size, results: artists.map(toArtistDto) };
    }
    const matching = Prisma.sql`FROM artists r WHERE r.search_text LIKE ${`%${search}%`} OR ${search} <% r.search_text`;
    const [rows, [total]] = await Promise.all([
      this.prisma.$queryRaw<
        { id: string }[]
      >`SELECT r.id ${matching} ORDER BY word_similarity(${search}, r.search_text) DESC, r.name, r.id LIMIT ${query.page_size} OFFSET ${skip}`,
      this.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${matching}`,
    ]);
    const artists = await this.prisma.artist.findMany({ where: { id: { in: rows.map((row) => row.id) } }, include: withFollowerCount });
    const byId = new Map(artists.map((artist) => [artist.id, artist]));
    return {
      count: total!.count,
      page: query.page,
      page_size: query.page_size,
      results: rows.flatMap(({ id }) => (byId.has(id) ? [toArtistDto(byId.get(id)!)] : [])),
    };
  }

  async profile(id: string, user: AuthUser | undefined): Promise<ArtistProfileDto> {
    const artist = await this.prisma.artist.findUnique({
      where: { id },
      include: { _count: { select: { followers: true, albums: true, songs: { where: visibleSongs(user) } } } },
    });
    if (!artist) throw new NotFoundException(`Artist ${id} not found`);
    const [totals, following] = await Promise.all([
      this.prisma.catalogSong.aggregate({ where: { artistId: id, visibility: 'public' }, _sum: { playCount: true, likeCount: true } }),
      user ? this.prisma.artistFollow.findUnique({ where: { userId_artistId: { userId: user.id, artistId: id } } }) : null,
    ]);
    return {
      id: artist.id,
      name: artist.name,
      bio: artist.bio,
      follower_count: artist._count.followers,
      demo: artist.demo,
      song_count: artist._count.songs,
      album_count: artist._count.albums,
      total_plays: totals._sum.playCount ?? 0,
      total_likes: totals._sum.likeCount ?? 0,
      following: user ? following !== null : null,
    };
  }

  async update(id: string, user: AuthUser, changes: UpdateArtistDto): Promise<ArtistDto> {
    const artist = await this.prisma.artist.findUnique({ where: { id } });
    if (!artist) throw new NotFoundException(`Artist ${id} not found`);
    assertCanManage(user, artist.userId, 'artist');
    const updated = await this.prisma.artist.update({
      where: { id },
      data: { ...changes, ...(changes.name && { searchText: normalizeSearchText(changes.name) }) },
      include: withFollowerCount,
    });
    return toArtistDto(updated);
  }

  async follow(id: string, user: AuthUser, follow: boolean): Promise<{ artist_id: string; following: boolean; follower_count: number }> {
    const artist = await this.prisma.artist.findUnique({ where: { id }, select: { userId: true } });
    if (!artist) throw new NotFoundException(`Artist ${id} not found`);
    if (follow && artist.userId === user.id) throw new ForbiddenException('Artists cannot follow themselves.');
    if (follow) await this.prisma.artistFollow.createMany({ data: [{ userId: user.id, artistId: id }], skipDuplicates: true });
    else await this.prisma.artistFollow.deleteMany({ where: { userId: user.id, artistId: id } });
    return { artist_id: id, following: follow, follower_count: await this.prisma.artistFollow.count({ where: { artistId: id } }) };
  }

  async following(user: AuthUser, page: PageQueryDto): Promise<ArtistPageDto> {
    const where = { followers: { some: { userId: user.id } } };
    const [count, artists] = await this.prisma.$transaction([
      this.prisma.artist.count({ where }),
      this.prisma.artist.findMany({
        where,
        include: withFollowerCount,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip: (page.page - 1) * page.page_size,
        take: page.page_size,
      }),
    ]);
    return { count, page: page.page, page_size: page.page_size, results: artists.map(toArtistDto) };
  }

  /** Who follows the caller's artist, latest first. */
  async followers(user: AuthUser, page: PageQueryDto) {
    const artist = await this.prisma.artist.findUnique({ where: { userId: user.id }, select: { id: true } });
    if (!artist) throw new NotFoundException('This account has no artist.');
    const where = { artistId: artist.id };
    const [count, follows] = await this.prisma.$transaction([
      this.prisma.artistFollow.count({ where }),
      this.prisma.artistFollow.findMany({
        where,
        include: { user: { select: { id: true, username: true, displayName: true } } },
        orderBy: [{ createdAt: 'desc' }, { userId: 'asc' }],
        skip: (page.page - 1) * page.page_size,
        take: page.page_size,
      }),
    ]);
    return {
      count,
      page: page.page,
      page_size: page.page_size,
      results: follows.map((follow) => ({
        id: follow.user.id,
        username: follow.user.username,
        display_name: follow.user.displayName,
        followed_at: follow.createdAt,
      })),
    };
  }
}

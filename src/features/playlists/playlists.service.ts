import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import type { PageQueryDto } from '../../platform/common/http/query.js';
import { likeLiteral } from '../../platform/database/like-literal.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CreatePlaylistDto, ListPublicPlaylistsQueryDto, UpdatePlaylistDto } from './dto/playlist-input.dto.js';
import { PLAYLIST_INCLUDE, type PlaylistDto, type PlaylistPageDto, type PlaylistWithRefs } from './dto/playlist.dto.js';
import { assertCanManage, findVisiblePlaylist, toPlaylistDtos } from './playlist-access.js';

/** A share link's secret: 32 random bytes, base64url (43 characters), so links cannot be guessed. */
export const newShareToken = () => randomBytes(32).toString('base64url');

/** Playlists themselves: create, list, change, delete, share by link, collaborators. Their songs: PlaylistSongsService. */
@Injectable()
export class PlaylistsService {
  constructor(private readonly prisma: PrismaService) {}

  async create(user: AuthUser, body: CreatePlaylistDto): Promise<PlaylistDto> {
    const playlist = await this.prisma.playlist.create({
      data: {
        ownerId: user.id,
        name: body.name,
        description: body.description ?? '',
        visibility: body.visibility ?? 'private',
        collaborative: body.collaborative ?? false,
        shareToken: newShareToken(),
      },
      include: PLAYLIST_INCLUDE,
    });
    return this.toDto(playlist, user);
  }

  /** The caller's own playlists and those they joined as a collaborator. */
  mine(user: AuthUser, page: PageQueryDto): Promise<PlaylistPageDto> {
    return this.page({ OR: [{ ownerId: user.id }, { collaborators: { some: { userId: user.id } } }] }, page, user);
  }

  publicPlaylists(query: ListPublicPlaylistsQueryDto, user: AuthUser | undefined): Promise<PlaylistPageDto> {
    const text = query.search && likeLiteral(query.search);
    const search = text ? { OR: [{ name: { contains: text, mode: 'insensitive' } }, { description: { contains: text, mode: 'insensitive' } }] } : {};
    return this.page({ AND: [{ visibility: 'public' }, search as Prisma.PlaylistWhereInput] }, query, user);
  }

  /** A user's public playlists; all of them for that user and for admins. */
  async ofUser(ownerId: string, page: PageQueryDto, user: AuthUser | undefined): Promise<PlaylistPageDto> {
    if (!(await this.prisma.user.findUnique({ where: { id: ownerId }, select: { id: true } }))) throw new NotFoundException(`User ${ownerId} not found`);
    const everything = user?.id === ownerId || user?.role === 'admin';
    return this.page({ ownerId, ...(!everything && { visibility: 'public' }) }, page, user);
  }

  async get(id: string, user: AuthUser | undefined): Promise<PlaylistDto> {
    const { playlist } = await findVisiblePlaylist(this.prisma, id, user);
    return this.toDto(playlist, user);
  }

  async update(id: string, user: AuthUser, body: UpdatePlaylistDto): Promise<PlaylistDto> {
    assertCanManage((await findVisiblePlaylist(this.prisma, id, user)).role);
    const playlist = await this.prisma.playlist.update({
      where: { id },
      data: {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.visibility !== undefined && { visibility: body.visibility }),
        ...(body.collaborative !== undefined && { collaborative: body.collaborative }),
      },
      include: PLAYLIST_INCLUDE,
    });
    return this.toDto(playlist, user);
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    assertCanManage((await findVisiblePlaylist(this.prisma, id, user)).role);
    await this.prisma.playlist.delete({ where: { id } });
  }

  /** The playlist behind a share link, for anyone holding it (even when private); 404 once the link was reset. */
  async byToken(token: string): Promise<PlaylistWithRefs> {
    const playlist = await this.prisma.playlist.findUnique({ where: { shareToken: token }, include: PLAYLIST_INCLUDE });
    if (!playlist) throw new NotFoundException('No playlist has this share link (it may have been reset)');
    return playlist;
  }

  async shared(token: string, user: AuthUser | undefined): Promise<PlaylistDto> {
    return this.toDto(await this.byToken(token), user);
  }

  /** Joins a collaborative playlist by its link; joining again (or as its owner) changes nothing. */
  async join(token: string, user: AuthUser): Promise<PlaylistDto> {
    const playlist = await this.byToken(token);
    if (!playlist.collaborative) throw new ConflictException('This playlist is not collaborative: only its owner may change it, so there is nothing to join.');
    if (playlist.ownerId !== user.id) {
      await this.prisma.playlistCollaborator.createMany({ data: [{ playlistId: playlist.id, userId: user.id }], skipDuplicates: true });
    }
    return this.get(playlist.id, user);
  }

  /** A new link; the old one stops working at once. */
  async resetShareToken(id: string, user: AuthUser): Promise<PlaylistDto> {
    assertCanManage((await findVisiblePlaylist(this.prisma, id, user)).role);
    const playlist = await this.prisma.playlist.update({ where: { id }, data: { shareToken: newShareToken() }, include: PLAYLIST_INCLUDE });
    return this.toDto(playlist, user);
  }

  /** The owner (or an admin) removes a collaborator; a collaborator may remove only themselves (leave). */
  async removeCollaborator(id: string, collaboratorId: string, user: AuthUser): Promise<void> {
    const { role } = await findVisiblePlaylist(this.prisma, id, user);
    const leaving = role === 'collaborator' && collaboratorId === user.id;
    if (role !== 'owner' && role !== 'admin' && !leaving) {
      throw new ForbiddenException('Only the owner of this playlist (or an admin) may remove collaborators; a collaborator may only leave.');
    }
    const { count } = await this.prisma.playlistCollaborator.deleteMany({ where: { playlistId: id, userId: collaboratorId } });
    if (count === 0) throw new NotFoundException(`User ${collaboratorId} is not a collaborator of this playlist`);
  }

  private async page(where: Prisma.PlaylistWhereInput, page: PageQueryDto, user: AuthUser | undefined): Promise<PlaylistPageDto> {
    const [count, playlists] = await this.prisma.$transaction([
      this.prisma.playlist.count({ where }),
      this.prisma.playlist.findMany({
        where,
        include: PLAYLIST_INCLUDE,
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        skip: (page.page - 1) * page.page_size,
        take: page.page_size,
      }),
    ]);
    return { count, page: page.page, page_size: page.page_size, results: await toPlaylistDtos(this.prisma, playlists, user) };
  }

  private async toDto(playlist: PlaylistWithRefs, user: AuthUser | undefined): Promise<PlaylistDto> {
    const [dto] = await toPlaylistDtos(this.prisma, [playlist], user);
    return dto!;
  }
}

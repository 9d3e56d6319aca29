import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { SONG_INCLUDE } from '../catalog/dto/catalog-song.dto.js';
import { visibleSongs, visibleSongsSql } from '../catalog/visibility.js';
import type { PageQueryDto } from '../../platform/common/http/query.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { AddPlaylistSongDto, ReorderPlaylistDto } from './dto/playlist-input.dto.js';
import { USER_REF, toPlaylistItemDto, type PlaylistItemDto, type PlaylistItemPageDto } from './dto/playlist.dto.js';
import { assertCanEditSongs, findVisiblePlaylist } from './playlist-access.js';
import { insertItem, moveItem, positionChanges } from './reorder.js';

type Tx = Prisma.TransactionClient;

const ITEM_INCLUDE = { song: { include: SONG_INCLUDE }, addedBy: USER_REF } as const;

/** Edits queue on the playlist's row lock, so a busy playlist may wait longer than Prisma's 2 s / 5 s defaults. */
const EDIT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

/** What an edit does to the order of entry ids, and which entry to answer with. */
type Edit = (tx: Tx, order: bigint[]) => Promise<{ order: bigint[]; itemId?: bigint }>;

/** The songs of a playlist: listing in order, adding, removing and moving entries. */
@Injectable()
export class PlaylistSongsService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * A page of entries in playlist order, leaving out songs the caller cannot see. `position` is the
   * place in the whole playlist (as edits count it), so a hidden song makes the numbers skip.
   */
  async page(playlistId: string, page: PageQueryDto, user: AuthUser | undefined): Promise<PlaylistItemPageDto> {
    const visible = Prisma.sql`
      SELECT r.id, r.position FROM (
        SELECT ps.id, ps.song_id, (row_number() OVER (ORDER BY ps.position, ps.id) - 1)::int AS position
        FROM playlist_songs ps WHERE ps.playlist_id = ${playlistId}::uuid
      ) r JOIN catalog_songs s ON s.id = r.song_id
      WHERE ${visibleSongsSql(user)}`;
    const [rows, [total]] = await Promise.all([
      this.prisma.$queryRaw<
        { id: bigint; position: number }[]
      >`${visible} ORDER BY r.position LIMIT ${page.page_size} OFFSET ${(page.page - 1) * page.page_size}`,
      this.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM (${visible}) v`,
    ]);
    const items = await this.prisma.playlistSong.findMany({ where: { id: { in: rows.map((row) => row.id) } }, include: ITEM_INCLUDE });
    const byId = new Map(items.map((item) => [item.id, item]));
    // An entry deleted between the two queries is simply left out of this page.
    const results = rows.flatMap((row) => {
      const item = byId.get(row.id);
      return item ? [toPlaylistItemDto(item, row.position)] : [];
    });
    return { count: total?.count ?? 0, page: page.page, page_size: page.page_size, results };
  }

  /** Appends a song, or inserts it at `position` (the entries from there on move down by one). */
  async add(playlistId: string, user: AuthUser, body: AddPlaylistSongDto): Promise<PlaylistItemDto> {
    const added = await this.edit(playlistId, user, async (tx, order) => {
      const at = body.position ?? order.length;
      if (at > order.length) throw new BadRequestException(`position must be between 0 and ${order.length} (the playlist has ${order.length} songs)`);
      const song = await tx.catalogSong.findFirst({ where: { AND: [{ id: body.song_id }, visibleSongs(user)] }, select: { id: true } });
      if (!song) throw new NotFoundException(`song_id: song ${body.song_id} not found`);
      const item = await tx.playlistSong.create({ data: { playlistId, songId: song.id, position: at, addedById: user.id }, select: { id: true } });
      return { order: insertItem(order, item.id, at), itemId: item.id };
    });
    return added!; // an edit naming an itemId answers that entry
  }

  /** Removes one entry; the ones after it move up, leaving no gap. */
  async remove(playlistId: string, itemId: number, user: AuthUser): Promise<void> {
    await this.edit(playlistId, user, async (tx, order) => {
      const id = this.entryOf(order, itemId, playlistId);
      await tx.playlistSong.delete({ where: { id } });
      return { order: order.filter((entry) => entry !== id) };
    });
  }

  /** Moves one entry to `position`; the entries in between shift by one. */
  async reorder(playlistId: string, user: AuthUser, body: ReorderPlaylistDto): Promise<PlaylistItemDto> {
    const moved = await this.edit(playlistId, user, async (_tx, order) => {
      const id = this.entryOf(order, body.item_id, playlistId);
      if (body.position >= order.length)
        throw new BadRequestException(`position must be between 0 and ${order.length - 1} (the playlist has ${order.length} songs)`);
      return { order: moveItem(order, order.indexOf(id), body.position), itemId: id };
    });
    return moved!; // an edit naming an itemId answers that entry
  }

  /**
   * Runs one edit in one transaction holding the playlist's row lock: concurrent edits of a playlist
   * run one after another, each on the order the last one left, so positions never repeat or go
   * missing. Only the positions that changed are written.
   */
  private async edit(playlistId: string, user: AuthUser, change: Edit): Promise<PlaylistItemDto | undefined> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM playlists WHERE id = ${playlistId}::uuid FOR UPDATE`;
      const { playlist, role } = await findVisiblePlaylist(tx, playlistId, user);
      assertCanEditSongs(role, playlist);
      const entries = await tx.playlistSong.findMany({
        where: { playlistId },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true, position: true },
      });
      const { order, itemId } = await change(
        tx,
        entries.map((entry) => entry.id),
      );
      const changes = positionChanges(new Map(entries.map((entry) => [entry.id, entry.position])), order);
      if (changes.length > 0) {
        await tx.$executeRaw`
          UPDATE playlist_songs p SET position = v.position
          FROM unnest(${changes.map((c) => c.id.toString())}::bigint[], ${changes.map((c) => c.position)}::int[]) AS v(id, position)
          WHERE p.id = v.id`;
      }
      await tx.playlist.update({ where: { id: playlistId }, data: { updatedAt: new Date() } });
      if (itemId === undefined) return undefined;
      return toPlaylistItemDto(await tx.playlistSong.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_INCLUDE }), order.indexOf(itemId));
    }, EDIT_TRANSACTION);
  }

  /** The entry `itemId` of this playlist, else 404 (ids beyond bigint's range cannot name one either). */
  private entryOf(order: bigint[], itemId: number, playlistId: string): bigint {
    const id = Number.isSafeInteger(itemId) && itemId > 0 ? BigInt(itemId) : null;
    if (id === null || !order.includes(id)) throw new NotFoundException(`Entry ${itemId} is not in playlist ${playlistId}`);
    return id;
  }
}

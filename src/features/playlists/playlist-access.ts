import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { visibleSongsSql } from '../catalog/visibility.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { PLAYLIST_INCLUDE, toPlaylistDto, type PlaylistDto, type PlaylistWithRefs } from './dto/playlist.dto.js';

type Db = Prisma.TransactionClient;

/** What the caller is to a playlist; `viewer` is anyone else who may see it (public, or holding the link). */
export type PlaylistRole = 'owner' | 'admin' | 'collaborator' | 'viewer';

export const SONGS_FORBIDDEN = 'Only the owner (or collaborators of a collaborative playlist) may change its songs.';
export const MANAGE_FORBIDDEN = 'Only the owner of this playlist (or an admin) may change it.';

/** The caller's role, or null when the playlist does not exist for them (private and not theirs). */
export function roleOf(user: AuthUser | undefined, playlist: PlaylistWithRefs): PlaylistRole | null {
  if (user && playlist.ownerId === user.id) return 'owner';
  if (user?.role === 'admin') return 'admin';
  if (user && playlist.collaborators.some((c) => c.user.id === user.id)) return 'collaborator';
  return playlist.visibility === 'public' ? 'viewer' : null;
}

/** Collaborators keep seeing a playlist made non-collaborative, but only edit while it is collaborative. */
export function assertCanEditSongs(role: PlaylistRole, playlist: Pick<PlaylistWithRefs, 'collaborative'>): void {
  if (role === 'owner' || role === 'admin' || (role === 'collaborator' && playlist.collaborative)) return;
  throw new ForbiddenException(SONGS_FORBIDDEN);
}

export function assertCanManage(role: PlaylistRole): void {
  if (role !== 'owner' && role !== 'admin') throw new ForbiddenException(MANAGE_FORBIDDEN);
}

export const notFound = (id: string) => new NotFoundException(`Playlist ${id} not found`);

/** A playlist the caller may see with their role; 404 when there is none or it is private and not theirs. */
export async function findVisiblePlaylist(db: Db, id: string, user: AuthUser | undefined): Promise<{ playlist: PlaylistWithRefs; role: PlaylistRole }> {
  const playlist = await db.playlist.findUnique({ where: { id }, include: PLAYLIST_INCLUDE });
  const role = playlist && roleOf(user, playlist);
  if (!playlist || !role) throw notFound(id);
  return { playlist, role };
}

/** Song count and total duration per playlist, counting only the songs `user` can see (one query for a page). */
export async function playlistStats(db: Db, ids: string[], user: AuthUser | undefined): Promise<Map<string, { songCount: number; durationMs: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ playlist_id: string; song_count: number; duration_ms: bigint }[]>`
    SELECT ps.playlist_id::text AS playlist_id, count(*)::int AS song_count, coalesce(sum(s.duration_ms), 0)::bigint AS duration_ms
    FROM playlist_songs ps JOIN catalog_songs s ON s.id = ps.song_id
    WHERE ps.playlist_id = ANY(${ids}::uuid[]) AND ${visibleSongsSql(user)}
    GROUP BY ps.playlist_id`;
  return new Map(rows.map((row) => [row.playlist_id, { songCount: row.song_count, durationMs: Number(row.duration_ms) }]));
}

/** Playlists as the caller sees them: stats of their visible songs, the share link only for owner, collaborators and admins. */
export async function toPlaylistDtos(db: Db, playlists: PlaylistWithRefs[], user: AuthUser | undefined): Promise<PlaylistDto[]> {
  const stats = await playlistStats(
    db,
    playlists.map((p) => p.id),
    user,
  );
  return playlists.map((playlist) => {
    const role = roleOf(user, playlist);
    return toPlaylistDto(playlist, stats.get(playlist.id) ?? { songCount: 0, durationMs: 0 }, role !== null && role !== 'viewer');
  });
}

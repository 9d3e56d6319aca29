import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Prisma } from '../../generated/prisma/client.js';

/** Songs a caller may see: public ones, their own artist's private ones, everything for admins. */
export function visibleSongs(user: AuthUser | undefined): Prisma.CatalogSongWhereInput {
  if (user?.role === 'admin') return {};
  if (!user) return { visibility: 'public' };
  return { OR: [{ visibility: 'public' }, { artist: { userId: user.id } }] };
}

/** The same rule in SQL, for the raw queries (search, trending, recommendations); `s` is catalog_songs. */
export function visibleSongsSql(user: AuthUser | undefined): Prisma.Sql {
  if (user?.role === 'admin') return Prisma.sql`TRUE`;
  if (!user) return Prisma.sql`s.visibility = 'public'`;
  return Prisma.sql`(s.visibility = 'public' OR s.artist_id = (SELECT a.id FROM artists a WHERE a.user_id = ${user.id}::uuid))`;
}

/** Whether `user` may change what belongs to the artist managed by `ownerUserId`. */
export function assertCanManage(user: AuthUser, ownerUserId: string | null, what: string): void {
  if (user.role === 'admin' || (ownerUserId !== null && ownerUserId === user.id)) return;
  throw new ForbiddenException(`Only the artist who owns this ${what} (or an admin) may change it.`);
}

/** The artist a caller publishes as; admins may name any artist. */
export function publishingArtist(user: AuthUser, callerArtistId: string | null, requestedArtistId?: string): string {
  if (requestedArtistId && user.role === 'admin') return requestedArtistId;
  if (requestedArtistId && requestedArtistId !== callerArtistId) throw new ForbiddenException('artist_id: you may only publish as your own artist.');
  if (!callerArtistId) throw new NotFoundException(user.role === 'admin' ? 'artist_id is required for admins publishing music' : 'This account has no artist.');
  return callerArtistId;
}

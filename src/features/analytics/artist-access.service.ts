import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';

/**
 * Who may see and change an artist's analytics: admins every artist; otherwise the account the
 * artist belongs to and the accounts on the artist's team.
 */
@Injectable()
export class ArtistAccessService {
  constructor(private readonly prisma: PrismaService) {}

  /** The artists `user` may see, as a Prisma filter. */
  visibleArtists(user: AuthUser): Prisma.ArtistWhereInput {
    if (user.role === 'admin') return {};
    return { OR: [{ userId: user.id }, { team: { some: { userId: user.id } } }] };
  }

  /** The same rule in SQL, for the raw analytics queries; `a` is the artists table. */
  visibleArtistsSql(user: AuthUser): Prisma.Sql {
    if (user.role === 'admin') return Prisma.sql`TRUE`;
    return Prisma.sql`(a.user_id = ${user.id}::uuid OR EXISTS (SELECT 1 FROM artist_team_members t WHERE t.artist_id = a.id AND t.user_id = ${user.id}::uuid))`;
  }

  /**
   * Throws 404 when the artist does not exist and 403 when `user` is not on its team; returns the
   * artist's name. Seeing and changing need the same membership: the team is who works on the data.
   */
  async assertOnTeam(user: AuthUser, artistId: string): Promise<{ id: string; name: string }> {
    const artist = await this.prisma.artist.findUnique({
      where: { id: artistId },
      select: { id: true, name: true, userId: true, team: { where: { userId: user.id }, select: { userId: true } } },
    });
    if (!artist) throw new NotFoundException(`Artist ${artistId} not found`);
    if (user.role !== 'admin' && artist.userId !== user.id && artist.team.length === 0) {
      throw new ForbiddenException("Only the artist's team (or an admin) may use this artist's analytics.");
    }
    return { id: artist.id, name: artist.name };
  }
}

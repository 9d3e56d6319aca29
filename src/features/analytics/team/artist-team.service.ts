import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { ArtistAccessService } from '../artist-access.service.js';
import type { TeamMemberDto } from '../dto/team.dto.js';

const member = { select: { id: true, username: true, displayName: true } } as const;

/**
 * Who works on an artist's analytics: the artist's own account (the owner) and the accounts it
 * adds (managers, label staff). The team sees the list; only the owner and admins change it.
 */
@Injectable()
export class ArtistTeamService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ArtistAccessService,
  ) {}

  async list(user: AuthUser, artistId: string): Promise<TeamMemberDto[]> {
    await this.access.assertOnTeam(user, artistId);
    const artist = await this.prisma.artist.findUniqueOrThrow({
      where: { id: artistId },
      select: { user: member, team: { include: { user: member }, orderBy: { addedAt: 'asc' } } },
    });
    const owner: TeamMemberDto[] = artist.user
      ? [{ user_id: artist.user.id, username: artist.user.username, display_name: artist.user.displayName, role: 'owner', added_at: null }]
      : [];
    return [
      ...owner,
      ...artist.team.map((row) => ({
        user_id: row.user.id,
        username: row.user.username,
        display_name: row.user.displayName,
        role: 'member' as const,
        added_at: row.addedAt,
      })),
    ];
  }

  async add(user: AuthUser, artistId: string, login: string): Promise<TeamMemberDto[]> {
    const ownerId = await this.assertCanChange(user, artistId);
    const normalized = login.trim().toLowerCase();
    const account = await this.prisma.user.findFirst({ where: { OR: [{ email: normalized }, { username: normalized }] }, select: { id: true } });
    if (!account) throw new NotFoundException(`login: no account with the email or username ${login.trim()}`);
    if (account.id === ownerId) throw new ConflictException("login: that is the artist's own account, already on the team");
    await this.prisma.artistTeamMember.upsert({
      where: { artistId_userId: { artistId, userId: account.id } },
      create: { artistId, userId: account.id },
      update: {},
    });
    return this.list(user, artistId);
  }

  async remove(user: AuthUser, artistId: string, userId: string): Promise<void> {
    await this.assertCanChange(user, artistId);
    const { count } = await this.prisma.artistTeamMember.deleteMany({ where: { artistId, userId } });
    if (count === 0) throw new NotFoundException(`User ${userId} is not on this artist's team`);
  }

  /** The owner's user id; throws unless the caller is the owner or an admin. */
  private async assertCanChange(user: AuthUser, artistId: string): Promise<string | null> {
    const artist = await this.prisma.artist.findUnique({ where: { id: artistId }, select: { userId: true } });
    if (!artist) throw new NotFoundException(`Artist ${artistId} not found`);
    if (user.role !== 'admin' && artist.userId !== user.id) throw new ForbiddenException("Only the artist's own account (or an admin) may change its team.");
    return artist.userId;
  }
}

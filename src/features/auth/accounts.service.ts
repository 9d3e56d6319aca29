import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserRole } from '../../generated/prisma/client.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { createArtist } from '../catalog/artists/new-artist.js';
import { toUserDto, type UserDto } from './dto/user.dto.js';

const withArtist = { artist: { select: { id: true } } } as const;

/** Changes to accounts that other features ask for: an admin's edits and deletions (a plan's writes to the account: user-account-writes.ts). */
@Injectable()
export class AccountsService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Changes role and display name. Becoming an artist creates the artist the account publishes
   * as, when it has none. A new role applies to the account's next request, its sessions kept:
   * every request reads the role from the database.
   */
  async changeRoleAndName(id: string, changes: { role?: UserRole; displayName?: string }): Promise<UserDto> {
    const user = await this.prisma.$transaction(async (tx) => {
      const current = await tx.user.findUnique({ where: { id }, include: withArtist });
      if (!current) throw new NotFoundException(`User ${id} not found`);
      const displayName = changes.displayName ?? current.displayName;
      const artist = changes.role === 'artist' && !current.artist ? await createArtist(tx, { name: displayName, userId: id }) : current.artist;
      const updated = await tx.user.update({
        where: { id },
        data: { ...(changes.role !== undefined && { role: changes.role }), ...(changes.displayName !== undefined && { displayName }) },
      });
      return { ...updated, artist: artist && { id: artist.id } };
    });
    return toUserDto(user);
  }

  /** Deletes an account with what is only its own (sessions, likes, playlists, plan); says whether there was one. */
  async deleteAccount(id: string): Promise<boolean> {
    const { count } = await this.prisma.user.deleteMany({ where: { id } });
    return count > 0;
  }
}

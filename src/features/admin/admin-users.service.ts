import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { toUserDto, type UserDto } from '../auth/dto/user.dto.js';
import { likeLiteral } from '../../platform/database/like-literal.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MediaStorage } from '../../platform/storage/media-storage.js';
import { createdBetween, orderByFor } from '../../platform/common/http/listing-order.js';
import type { AdminUserPageDto, AdminUsersQueryDto, UpdateAdminUserDto } from './dto/admin-user.dto.js';

const COLUMNS = { username: 'username', email: 'email', display_name: 'displayName', role: 'role', created_at: 'createdAt' };
const withArtist = { artist: { select: { id: true } } } as const;

/** Accounts for admins: list, change role or display name, delete. */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: MediaStorage,
    private readonly accounts: AccountsService,
  ) {}

  async list(query: AdminUsersQueryDto): Promise<AdminUserPageDto> {
    const search = query.search?.trim();
    const contains = (text: string) => ({ contains: likeLiteral(text), mode: 'insensitive' as const });
    const where: Prisma.UserWhereInput = {
      ...(search && { OR: [{ email: contains(search) }, { username: contains(search) }, { displayName: contains(search) }] }),
      ...(query.role && { role: query.role }),
      createdAt: createdBetween(query.created_after, query.created_before),
    };
    const orderBy = orderByFor(query.ordering, COLUMNS) as Prisma.UserOrderByWithRelationInput[];
    const [count, users] = await this.prisma.$transaction([
      this.prisma.user.count({ where }),
      this.prisma.user.findMany({ where, orderBy, include: withArtist, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: users.map(toUserDto) };
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.prisma.user.findUnique({ where: { id }, include: withArtist });
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return toUserDto(user);
  }

  /**
   * Changes role and display name. Becoming an artist creates the artist the account publishes
   * as, when it has none. A new role applies to the account's next request, its sessions kept:
   * every request reads the role from the database. Admins cannot demote themselves.
   */
  async update(id: string, dto: UpdateAdminUserDto, admin: AuthUser): Promise<UserDto> {
    if (id === admin.id && dto.role !== undefined && dto.role !== 'admin') {
      throw new ConflictException('You cannot remove your own admin role: another admin has to do it.');
    }
    return this.accounts.changeRoleAndName(id, { role: dto.role, displayName: dto.display_name });
  }

  /**
   * Deletes an account with what is only its own (sessions, likes, playlists, plan); an artist it
   * published as stays, without an account. Not the caller's own account, nor one Stripe still bills.
   */
  async remove(id: string, admin: AuthUser): Promise<void> {
    if (id === admin.id) throw new ConflictException('You cannot delete your own account: another admin has to do it.');
    const user = await this.prisma.user.findUnique({ where: { id }, include: { subscription: { select: { provider: true, status: true } } } });
    if (!user) throw new NotFoundException(`User ${id} not found`);
    if (user.subscription?.provider === 'stripe' && user.subscription.status !== 'canceled') {
      throw new ConflictException('This account has a Stripe subscription still billed: cancel it first.');
    }
    await this.accounts.deleteAccount(id);
    if (user.pictureKey) {
      await this.storage.discard(user.pictureKey);
    }
  }
}

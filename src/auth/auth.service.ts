import { BadRequestException, ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';
import { normalizeSearchText } from '../songs/search-text.js';
import type { AuthUser } from './auth-user.js';
import type { RegisterDto } from './dto/register.dto.js';
import { toUserDto, type SessionDto, type UserDto } from './dto/user.dto.js';
import { LoginLimiterService } from './login-limiter.service.js';
import { passwordProblems } from './password-rules.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { TokenService } from './token.service.js';

const withArtist = { artist: { select: { id: true } } } as const;

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiterService,
  ) {}

  /** Creates an account (and, for artists, the artist it publishes as) and signs it in. */
  async register(dto: RegisterDto): Promise<SessionDto> {
    const email = dto.email.toLowerCase();
    const username = dto.username.toLowerCase();
    const problems = passwordProblems(dto.password, { username, email });
    if (problems.length > 0) throw new BadRequestException(`password ${problems.join(', ')}`);
    const displayName = dto.display_name ?? dto.username;
    const passwordHash = await hashPassword(dto.password);
    try {
      const user = await this.prisma.user.create({
        data: {
          email,
          username,
          passwordHash,
          role: dto.role,
          displayName,
          ...(dto.role === 'artist' && { artist: { create: { name: displayName, searchText: normalizeSearchText(displayName) } } }),
        },
        include: withArtist,
      });
      return this.session(user);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const field = JSON.stringify(error.meta ?? {}).includes('email') ? 'email' : 'username';
        throw new ConflictException(`${field} is already taken`);
      }
      throw error;
    }
  }

  /** Email or username plus password; rate-limited per client IP and account. */
  async login(login: string, password: string, ip: string): Promise<SessionDto> {
    const account = login.trim().toLowerCase();
    await this.limiter.check(ip, account);
    const user = await this.prisma.user.findFirst({ where: { OR: [{ email: account }, { username: account }] }, include: withArtist });
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    await this.limiter.record(ip, account, Boolean(user && valid));
    if (!user || !valid) throw new UnauthorizedException('Wrong email/username or password.');
    return this.session(user);
  }

  async refresh(refreshToken: string): Promise<SessionDto> {
    const { user, tokens } = await this.tokens.refresh(refreshToken);
    return { ...tokens, user: await this.me(user.id) };
  }

  async logout(user: AuthUser, refreshToken?: string): Promise<void> {
    if (refreshToken === undefined) return this.tokens.revokeAll(user.id);
    if (!(await this.tokens.revoke(refreshToken, user.id))) throw new BadRequestException('refresh_token is not a token of this account');
  }

  async me(userId: string): Promise<UserDto> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, include: withArtist });
    if (!user) throw new NotFoundException('This account no longer exists.');
    return toUserDto(user);
  }

  /**
   * Makes `email` an admin: promotes the account when it exists (its password unchanged),
   * else creates it with `password`. Used by the create-admin command.
   */
  async createAdmin(email: string, password: string): Promise<{ user: UserDto; created: boolean }> {
    const address = email.trim().toLowerCase();
    const existing = await this.prisma.user.findUnique({ where: { email: address } });
    if (existing) {
      const user = await this.prisma.user.update({ where: { id: existing.id }, data: { role: 'admin' }, include: withArtist });
      return { user: toUserDto(user), created: false };
    }
    const username = await this.freeUsername(address.split('@')[0] ?? 'admin');
    const problems = passwordProblems(password, { username, email: address });
    if (problems.length > 0) throw new BadRequestException(`password ${problems.join(', ')}`);
    const user = await this.prisma.user.create({
      data: { email: address, username, passwordHash: await hashPassword(password), role: 'admin', displayName: username },
      include: withArtist,
    });
    return { user: toUserDto(user), created: true };
  }

  private async session(user: Parameters<typeof toUserDto>[0]): Promise<SessionDto> {
    const tokens = await this.tokens.issue({ id: user.id, role: user.role, username: user.username });
    return { ...tokens, user: toUserDto(user) };
  }

  /** `base` cleaned to a valid username, with a number appended until no account has it. */
  private async freeUsername(base: string): Promise<string> {
    const clean = base.toLowerCase().replace(/[^a-z0-9_.-]/g, '').slice(0, 24).padEnd(3, '0');
    for (let suffix = 0; ; suffix++) {
      const candidate = suffix === 0 ? clean : `${clean}${suffix}`;
      if (!(await this.prisma.user.findUnique({ where: { username: candidate } }))) return candidate;
    }
  }
}

import { BadRequestException, ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import { createArtist } from '../catalog/artists/new-artist.js';
import { accountEmailMessage, isAccountEmail } from '../../platform/auth/account-email.js';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import type { EmailRegisterDto, RegisterDto } from './dto/register.dto.js';
import { toSessionDto, toUserDto, type SessionDto, type UserDto } from './dto/user.dto.js';
import { LoginLimiterService } from './login-limiter.service.js';
import { passwordProblems } from './password-rules.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { TokenService } from './token.service.js';

const withArtist = { artist: { select: { id: true } } } as const;

/** What create-admin did: created the account, or found it and promoted it and/or set its password. */
export interface AdminAccountOutcome {
  user: UserDto;
  created: boolean;
  /** An existing account that was not an admin before. */
  promoted: boolean;
  passwordSet: boolean;
}

/** The hash of a new password, or a 400 naming what is wrong with it. */
async function acceptablePasswordHash(password: string, account: { username: string; email: string }): Promise<string> {
  const problems = passwordProblems(password, account);
  if (problems.length > 0) throw new BadRequestException(`password ${problems.join(', ')}`);
  return hashPassword(password);
}

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiterService,
  ) {}

  /** Creates an account (and, for artists, the artist it publishes as) and signs it in; without a username, one from the email's name. */
  async register(dto: RegisterDto | EmailRegisterDto): Promise<SessionDto> {
    const email = dto.email.toLowerCase();
    const username = dto.username?.toLowerCase() ?? (await this.freeUsername(email.split('@')[0]!));
    const passwordHash = await acceptablePasswordHash(dto.password, { username, email });
    const displayName = dto.display_name ?? dto.username ?? username;
    try {
      const user = await this.prisma.$transaction(async (tx) => {
        const created = await tx.user.create({ data: { email, username, passwordHash, role: dto.role, displayName } });
        const artist = dto.role === 'artist' ? await createArtist(tx, { name: displayName, userId: created.id }) : null;
        return { ...created, artist: artist && { id: artist.id } };
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

  /**
   * Email or username plus password; rate-limited per client IP and per account, one limit for
   * both identifiers of an account. The password is checked outside the limiter's lock, after
   * the attempt is admitted and counted.
   */
  async login(login: string, password: string, ip: string): Promise<SessionDto> {
    const account = login.trim().toLowerCase();
    const user = await this.prisma.user.findFirst({ where: { OR: [{ email: account }, { username: account }] }, include: withArtist });
    const attemptId = await this.limiter.admit({ ip, account, userId: user?.id ?? null });
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !valid) throw new UnauthorizedException('Wrong email/username or password.');
    await this.limiter.succeeded(attemptId);
    return this.session(user);
  }

  async refresh(refreshToken: string): Promise<SessionDto> {
    const { userId, tokens } = await this.tokens.refresh(refreshToken);
    return toSessionDto(tokens, await this.me(userId));
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
   * Makes `email` an admin (the create-admin command): creates the account with `password`, or
   * promotes the existing one, setting its password only when one is given (which signs out its
   * sessions). Says which of these happened.
   */
  async createAdmin(email: string, password?: string): Promise<AdminAccountOutcome> {
    const address = email.trim().toLowerCase();
    if (!isAccountEmail(address)) throw new BadRequestException(accountEmailMessage('email'));
    const existing = await this.prisma.user.findUnique({ where: { email: address } });
    if (!existing) {
      if (password === undefined)
        throw new BadRequestException(`password is required: no account has the email ${address} yet, and a new one needs a password`);
      const username = await this.freeUsername(address.split('@')[0] ?? 'admin');
      const passwordHash = await acceptablePasswordHash(password, { username, email: address });
      const user = await this.prisma.user.create({
        data: { email: address, username, passwordHash, role: 'admin', displayName: username },
        include: withArtist,
      });
      return { user: toUserDto(user), created: true, promoted: false, passwordSet: true };
    }
    const passwordHash = password === undefined ? undefined : await acceptablePasswordHash(password, { username: existing.username, email: address });
    const user = await this.prisma.user.update({ where: { id: existing.id }, data: { role: 'admin', passwordHash }, include: withArtist });
    if (passwordHash) await this.tokens.revokeAll(existing.id);
    return { user: toUserDto(user), created: false, promoted: existing.role !== 'admin', passwordSet: passwordHash !== undefined };
  }

  private async session(user: Parameters<typeof toUserDto>[0]): Promise<SessionDto> {
    const tokens = await this.tokens.issue(user.id);
    return toSessionDto(tokens, toUserDto(user));
  }

  /** `base` cleaned to a valid username, with a number appended until no account has it. */
  private async freeUsername(base: string): Promise<string> {
    const clean = base
      .toLowerCase()
      .replace(/[^a-z0-9_.-]/g, '')
      .slice(0, 24)
      .padEnd(3, '0');
    for (let suffix = 0; ; suffix++) {
      const candidate = suffix === 0 ? clean : `${clean}${suffix}`;
      if (!(await this.prisma.user.findUnique({ where: { username: candidate } }))) return candidate;
    }
  }
}

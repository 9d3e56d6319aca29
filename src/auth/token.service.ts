import { Injectable, UnauthorizedException } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { AuthUser, Role } from './auth-user.js';

const ISSUER = 'encore';
const AUDIENCE = 'encore-api';

export interface IssuedTokens {
  token: string;
  refresh_token: string;
  expires_in: number;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Short-lived JWT access tokens, and opaque refresh tokens stored hashed, rotated on use. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {
    this.key = config.JWT_SECRET ? new TextEncoder().encode(config.JWT_SECRET) : randomBytes(32);
  }

  /** Tokens for a new login: a new refresh-token family. */
  async issue(user: AuthUser): Promise<IssuedTokens> {
    return this.issueInFamily(user, randomUUID());
  }

  async verifyAccessToken(token: string): Promise<AuthUser> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload.sub !== 'string' || typeof payload.role !== 'string' || typeof payload.username !== 'string') {
        throw new UnauthorizedException('Invalid access token.');
      }
      return { id: payload.sub, role: payload.role as Role, username: payload.username };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new UnauthorizedException('The access token has expired: get a new one with POST /api/auth/refresh.');
      }
      throw new UnauthorizedException('Invalid access token.');
    }
  }

  /**
   * Exchanges a refresh token for new tokens. A token is good once: presenting an already
   * replaced token means it leaked, so its whole family (that login's sessions) is revoked.
   */
  async refresh(refreshToken: string): Promise<{ user: AuthUser; tokens: IssuedTokens }> {
    const stored = await this.prisma.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) }, include: { user: true } });
    const invalid = new UnauthorizedException('Invalid refresh token: sign in again.');
    if (!stored) throw invalid;
    if (stored.replacedAt) {
      await this.revokeFamily(stored.familyId);
      throw new UnauthorizedException('This refresh token was already used, so this login has been signed out everywhere: sign in again.');
    }
    if (stored.revokedAt || stored.expiresAt <= new Date()) throw invalid;
    // Only one of two concurrent refreshes with the same token wins.
    const now = new Date();
    const { count } = await this.prisma.refreshToken.updateMany({
      where: { id: stored.id, revokedAt: null },
      data: { revokedAt: now, replacedAt: now },
    });
    if (count !== 1) throw invalid;
    const user: AuthUser = { id: stored.user.id, role: stored.user.role, username: stored.user.username };
    return { user, tokens: await this.issueInFamily(user, stored.familyId) };
  }

  /** Signs out the login a refresh token belongs to; false when the token is not this user's. */
  async revoke(refreshToken: string, userId: string): Promise<boolean> {
    const stored = await this.prisma.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) } });
    if (!stored || stored.userId !== userId) return false;
    await this.revokeFamily(stored.familyId);
    return true;
  }

  /** Signs a user out everywhere. */
  async revokeAll(userId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private async issueInFamily(user: AuthUser, familyId: string): Promise<IssuedTokens> {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ role: user.role, username: user.username })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(this.key);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.prisma.refreshToken.create({
      data: {
        userId: user.id,
        familyId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      },
    });
    return { token, refresh_token: refreshToken, expires_in: ttl };
  }
}

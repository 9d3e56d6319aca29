import { Injectable, UnauthorizedException } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../../platform/config/app-config.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { AuthUser, Role } from '../../platform/auth/auth-user.js';

const ISSUER = 'encore';
const AUDIENCE = 'encore-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IssuedTokens {
  token: string;
  refresh_token: string;
  expires_in: number;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Short-lived JWT access tokens naming their login session (`sid`), and opaque refresh tokens
 * stored hashed, rotated on use within the session. The token says who and which session; what
 * the caller may do is read from the database on every request, so a role change, a logout or
 * a deleted account applies at once.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {
    this.key = config.JWT_SECRET ? new TextEncoder().encode(config.JWT_SECRET) : randomBytes(32);
  }

  /** Tokens for a new login: a new session. */
  async issue(userId: string): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = this.refreshExpiry();
    const session = await this.prisma.loginSession.create({
      data: { userId, expiresAt, refreshTokens: { create: { userId, tokenHash: sha256(refreshToken), expiresAt } } },
      select: { id: true },
    });
    return this.tokens(userId, session.id, refreshToken);
  }

  /**
   * The caller an access token stands for, as the database says now: 401 unless the token is
   * valid, names a session that is neither revoked nor expired, and its account still exists.
   */
  async authenticate(token: string): Promise<AuthUser> {
    const { userId, sessionId } = await this.verifyAccessToken(token);
    // One indexed query per authenticated request (primary keys of both tables).
    const [caller] = await this.prisma.$queryRaw<{ id: string; role: Role; username: string }[]>`
      SELECT u.id::text AS id, u.role::text AS role, u.username
      FROM login_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid AND s.revoked_at IS NULL AND s.expires_at > now()`;
    if (!caller) throw new UnauthorizedException('This login has ended (signed out, or the account no longer exists): sign in again.');
    return caller;
  }

  /**
   * Exchanges a refresh token for new tokens in the same session. A token is good once:
   * presenting an already replaced token means it leaked, so its session is revoked, and with
   * it every access and refresh token of that login.
   */
  async refresh(refreshToken: string): Promise<{ userId: string; tokens: IssuedTokens }> {
    const stored = await this.prisma.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) }, include: { session: true } });
    const invalid = new UnauthorizedException('Invalid refresh token: sign in again.');
    if (!stored) throw invalid;
    if (stored.replacedAt) {
      await this.revokeSessions({ id: stored.sessionId });
      throw new UnauthorizedException('This refresh token was already used, so this login has been signed out everywhere: sign in again.');
    }
    const now = new Date();
    if (stored.revokedAt || stored.expiresAt <= now || stored.session.revokedAt) throw invalid;
    // Only one of two concurrent refreshes with the same token wins.
    const { count } = await this.prisma.refreshToken.updateMany({
      where: { id: stored.id, revokedAt: null },
      data: { revokedAt: now, replacedAt: now },
    });
    if (count !== 1) throw invalid;
    const next = randomBytes(32).toString('base64url');
    const expiresAt = this.refreshExpiry();
    await this.prisma.loginSession.update({
      where: { id: stored.sessionId },
      data: { expiresAt, refreshTokens: { create: { userId: stored.userId, tokenHash: sha256(next), expiresAt } } },
    });
    return { userId: stored.userId, tokens: await this.tokens(stored.userId, stored.sessionId, next) };
  }

  /** Signs out the login a refresh token belongs to; false when the token is not this user's. */
  async revoke(refreshToken: string, userId: string): Promise<boolean> {
    const stored = await this.prisma.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) } });
    if (!stored || stored.userId !== userId) return false;
    await this.revokeSessions({ id: stored.sessionId });
    return true;
  }

  /** Signs a user out everywhere. */
  async revokeAll(userId: string): Promise<void> {
    await this.revokeSessions({ userId });
  }

  /** The claims of a genuine, unexpired access token; 401 otherwise (tokens without a session included). */
  private async verifyAccessToken(token: string): Promise<{ userId: string; sessionId: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub) || typeof payload.sid !== 'string' || !UUID.test(payload.sid)) {
        throw new UnauthorizedException('Invalid access token.');
      }
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new UnauthorizedException('The access token has expired: get a new one with POST /api/auth/refresh.');
      }
      throw new UnauthorizedException('Invalid access token.');
    }
  }

  /** Revokes sessions, which refuses their access tokens at once, and their refresh tokens. */
  private async revokeSessions(where: { id: string } | { userId: string }): Promise<void> {
    const now = new Date();
    const tokensOf = 'id' in where ? { sessionId: where.id } : where;
    await this.prisma.$transaction([
      this.prisma.loginSession.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } }),
      this.prisma.refreshToken.updateMany({ where: { ...tokensOf, revokedAt: null }, data: { revokedAt: now } }),
    ]);
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  }

  private async tokens(userId: string, sessionId: string, refreshToken: string): Promise<IssuedTokens> {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(this.key);
    return { token, refresh_token: refreshToken, expires_in: ttl };
  }
}

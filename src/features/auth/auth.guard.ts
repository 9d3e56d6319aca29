import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthUser, Role } from '../../platform/auth/auth-user.js';
import { AUTH_ROLES, QUERY_TOKEN } from '../../platform/auth/auth.decorators.js';
import { TokenService } from './token.service.js';

/**
 * Runs before every route: authenticates a bearer token when one is sent (a bad one, or one of
 * an ended login or a deleted account, is always 401), then applies the route's @Auth()
 * requirement with the account's current role: 401 without a caller, 403 without the role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const targets = [context.getHandler(), context.getClass()];
    const token = this.bearerToken(request) ?? (this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ? this.queryToken(request) : undefined);
    if (token) request.user = await this.tokens.authenticate(token);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_ROLES, targets);
    if (!roles) return true;
    if (!request.user) throw new UnauthorizedException('Sign in first: send Authorization: Bearer <token> from POST /api/login.');
    if (roles.length > 0 && request.user.role !== 'admin' && !roles.includes(request.user.role)) {
      throw new ForbiddenException(`Only ${roles.join(' or ')} accounts may do this.`);
    }
    return true;
  }

  private bearerToken(request: Request): string | undefined {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('The Authorization header must be "Bearer <token>".');
    return match[1];
  }

  private queryToken(request: Request): string | undefined {
    const value = request.query['access_token'];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  }
}

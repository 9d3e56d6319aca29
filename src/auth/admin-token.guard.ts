import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Operator endpoints (retraining, ...) need `Authorization: Bearer <ADMIN_TOKEN>`. Without
 * ADMIN_TOKEN configured they stay closed. Compared in constant time.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.ADMIN_TOKEN;
    if (!expected) throw new ForbiddenException('Admin endpoints are disabled: set ADMIN_TOKEN to enable them.');
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    if (!token || !timingSafeEqual(digest(token), digest(expected))) {
      throw new UnauthorizedException('This endpoint needs Authorization: Bearer <ADMIN_TOKEN>.');
    }
    return true;
  }
}

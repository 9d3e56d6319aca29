import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { tooManyRequests } from '../common/http/too-many-requests.js';
import { AppConfig } from '../config/app-config.js';
import { requestLimitRefusals } from '../metrics/registry.js';
import { accountBucket, addressBucket } from './client-buckets.js';
import { RequestCounter } from './request-counter.service.js';
import { REQUEST_WEIGHT, type RequestWeight } from './request-weight.decorators.js';
import type { Limit } from './window-tallies.js';

/**
 * Charges every routed request to its client IP and, when signed in, to its account; over either
 * budget it answers 429 with Retry-After before the handler (or its upload parsing) runs.
 *
 * A global guard that createApp adds after the auth guard (an APP_GUARD, applied when the app is
 * created), so request.user is set by then. A guard rather than an interceptor: with no global
 * interceptor, Nest calls a route's handler directly instead of through an rxjs pipeline built for
 * every request.
 */
@Injectable()
export class RequestLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly counter: RequestCounter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.rateLimitEnabled || context.getType() !== 'http') return true;
    const weight = this.reflector.getAllAndOverride<RequestWeight | undefined>(REQUEST_WEIGHT, [context.getHandler(), context.getClass()]);
    if (weight === 'exempt') return true;
    const request = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const address: Limit = { bucket: addressBucket(request.ip), budget: this.config.RATE_LIMIT_PER_IP };
    const limits = request.user ? [address, { bucket: accountBucket(request.user.id), budget: this.config.RATE_LIMIT_PER_ACCOUNT }] : [address];
    const verdict = this.counter.charge(limits, weight === 'expensive' ? this.config.RATE_LIMIT_EXPENSIVE_COST : 1);
    if (verdict.allowed) return true;
    const byAddress = verdict.limit === address;
    requestLimitRefusals.inc({ limit: byAddress ? 'ip' : 'account' });
    const who = byAddress ? 'from this address' : 'for this account';
    throw tooManyRequests(`Too many requests ${who}: try again in ${verdict.retryAfterSeconds} second(s).`, verdict.retryAfterSeconds);
  }
}

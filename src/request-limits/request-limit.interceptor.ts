import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { tooManyRequests } from '../common/http/too-many-requests.js';
import { AppConfig } from '../config/app-config.js';
import { requestLimitRefusals } from '../metrics/registry.js';
import { accountBucket, addressBucket } from './client-buckets.js';
import { RequestCounter } from './request-counter.service.js';
import { REQUEST_WEIGHT, type RequestWeight } from './request-weight.decorators.js';
import type { Limit } from './window-tallies.js';

/**
 * Charges every routed request to its client IP and, when signed in, to its account; over either
 * budget it answers 429 with Retry-After before the handler (or its upload parsing) runs. An
 * interceptor, so it runs after every guard: the auth guard has set request.user by then.
 */
@Injectable()
export class RequestLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly counter: RequestCounter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.config.rateLimitEnabled || context.getType() !== 'http') return next.handle();
    const weight = this.reflector.getAllAndOverride<RequestWeight | undefined>(REQUEST_WEIGHT, [context.getHandler(), context.getClass()]);
    if (weight === 'exempt') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const address: Limit = { bucket: addressBucket(request.ip), budget: this.config.RATE_LIMIT_PER_IP };
    const limits = request.user ? [address, { bucket: accountBucket(request.user.id), budget: this.config.RATE_LIMIT_PER_ACCOUNT }] : [address];
    const verdict = this.counter.charge(limits, weight === 'expensive' ? this.config.RATE_LIMIT_EXPENSIVE_COST : 1);
    if (verdict.allowed) return next.handle();
    const byAddress = verdict.limit === address;
    requestLimitRefusals.inc({ limit: byAddress ? 'ip' : 'account' });
    const who = byAddress ? 'from this address' : 'for this account';
    throw tooManyRequests(`Too many requests ${who}: try again in ${verdict.retryAfterSeconds} second(s).`, verdict.retryAfterSeconds);
  }
}

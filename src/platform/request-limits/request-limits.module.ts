import { Module } from '@nestjs/common';
import { RequestCounter } from './request-counter.service.js';
import { RequestLimitGuard } from './request-limit.guard.js';

/**
 * Request limits on every route of the HTTP app (RATE_LIMIT_*): per client IP and per account,
 * counted across instances in PostgreSQL. Features mark their heavy routes @ExpensiveRequest().
 * createApp makes RequestLimitGuard a global guard once the auth guard is one (see there).
 */
@Module({ providers: [RequestCounter, RequestLimitGuard] })
export class RequestLimitsModule {}

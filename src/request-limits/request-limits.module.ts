import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RequestCounter } from './request-counter.service.js';
import { RequestLimitInterceptor } from './request-limit.interceptor.js';

/**
 * Request limits on every route of the HTTP app (RATE_LIMIT_*): per client IP and per account,
 * counted across instances in PostgreSQL. Features mark their heavy routes @ExpensiveRequest().
 */
@Module({ providers: [RequestCounter, { provide: APP_INTERCEPTOR, useClass: RequestLimitInterceptor }] })
export class RequestLimitsModule {}

import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';

interface Page {
  count: number;
  page: number;
  page_size: number;
  results: unknown[];
}

const isPage = (body: unknown): body is Page =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Page).count === 'number' &&
  typeof (body as Page).page === 'number' &&
  typeof (body as Page).page_size === 'number' &&
  Array.isArray((body as Page).results);

/** The request's own path and query with `page` set to another page. */
export function pageLink(originalUrl: string, page: number): string {
  const url = new URL(originalUrl, 'http://encore.local');
  url.searchParams.set('page', String(page));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/**
 * Every listing answers `{count, page, page_size, next, previous, results}`: services return
 * the page, this adds the links (the request's URL with another page, or null at either end).
 */
@Injectable()
export class PageLinksInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!isPage(body)) return body;
        const lastPage = Math.max(1, Math.ceil(body.count / body.page_size));
        const { results, ...rest } = body;
        return {
          ...rest,
          next: body.page < lastPage ? pageLink(request.originalUrl, body.page + 1) : null,
          previous: body.page > 1 ? pageLink(request.originalUrl, Math.min(body.page - 1, lastPage)) : null,
          results,
        };
      }),
    );
  }
}

import {
  applyDecorators,
  Header,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiOkResponse, type ApiResponseOptions } from '@nestjs/swagger';
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

/** A page with its links (the request's URL with another page, or null at either end); any other body as it is. */
export function withPageLinks(body: unknown, originalUrl: string): unknown {
  if (!isPage(body)) return body;
  const { results, ...rest } = body;
  return { ...rest, ...pageLinks(body, originalUrl), results };
}

/** A page's links: the request's URL with the next and previous page, or null at either end. */
export function pageLinks(page: Pick<Page, 'count' | 'page' | 'page_size'>, originalUrl: string): { next: string | null; previous: string | null } {
  const lastPage = Math.max(1, Math.ceil(page.count / page.page_size));
  return {
    next: page.page < lastPage ? pageLink(originalUrl, page.page + 1) : null,
    previous: page.page > 1 ? pageLink(originalUrl, Math.min(page.page - 1, lastPage)) : null,
  };
}

/** Adds the links to the page its route answers (see Listing). */
@Injectable()
export class PageLinksInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { originalUrl } = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(map((body: unknown) => withPageLinks(body, originalUrl)));
  }
}

/**
 * Marks a route that answers a page, `{count, page, page_size, next, previous, results}`: documents
 * `response` as its 200 and adds the links to the page its service returns. Bound to each listing
 * rather than globally: a global interceptor makes Nest wrap every route's handler in an rxjs
 * pipeline (about 4 % of a non-listing request's CPU). test/platform/common/http/page-links.e2e.test.ts
 * fails when a route taking a page query or documenting a page lacks it.
 */
export const Listing = (response: ApiResponseOptions) => applyDecorators(ApiOkResponse(response), UseInterceptors(PageLinksInterceptor));

/** The Content-Type Express gives a JSON answer, for a route answering JSON text it wrote itself. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Route metadata of a WrittenListing. */
export const WRITES_PAGE_LINKS = 'encore:writes-page-links';

/**
 * Marks a route that answers a page as JSON text it wrote, links included (from pageLinks, so the
 * same links as Listing's): documents `response` as its 200 and sends the text as JSON. No
 * interceptor: PageLinksInterceptor would only pass the text through, and Nest then calls the
 * handler without an rxjs pipeline (4 % of a GET /api/songs' CPU, docs/benchmarks.md).
 * test/platform/common/http/page-links.e2e.test.ts counts it as a listing with links.
 */
export const WrittenListing = (response: ApiResponseOptions) =>
  applyDecorators(ApiOkResponse(response), Header('Content-Type', JSON_CONTENT_TYPE), SetMetadata(WRITES_PAGE_LINKS, true));

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';

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
  const lastPage = Math.max(1, Math.ceil(body.count / body.page_size));
  const { results, ...rest } = body;
  return {
    ...rest,
    next: body.page < lastPage ? pageLink(originalUrl, body.page + 1) : null,
    previous: body.page > 1 ? pageLink(originalUrl, Math.min(body.page - 1, lastPage)) : null,
    results,
  };
}

/**
 * Every listing answers `{count, page, page_size, next, previous, results}`: services return the
 * page, and the app's `res.json` adds the links as it writes it. Done where Express writes JSON
 * rather than in a global Nest interceptor: an interceptor makes Nest wrap every route's handler in
 * an rxjs pipeline (about 4 % of a non-listing request's CPU), and binding one to each listing
 * would let a new listing forget its links; this costs the other routes four property reads.
 */
export function addPageLinksToJson(app: NestExpressApplication): void {
  const response = (app.getHttpAdapter().getInstance() as { response: Response }).response;
  const json = response.json;
  response.json = function jsonWithPageLinks(this: Response, body?: unknown) {
    return json.call(this, withPageLinks(body, this.req.originalUrl));
  };
}

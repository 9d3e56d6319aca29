import type { Request } from 'express';

/** The label of a request no route took (a 404, or one refused before routing, such as broken JSON). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route that answered a request as it was declared, e.g. `/api/songs/:id`, never the URL
 * itself: a bounded set of values for metrics and logs. Known once routing has happened.
 */
export function routePattern(request: Request): string {
  const route = request.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
  const path = route?.path;
  if (path === undefined) return UNMATCHED_ROUTE;
  // Nest answers what no controller takes through a catch-all route for every method (`/api` + `*path`).
  if (route?.methods?._all && String(path).includes('*')) return UNMATCHED_ROUTE;
  const declared = Array.isArray(path) ? path.map(String).join('|') : String(path);
  const full = `${request.baseUrl}${declared}`;
  // One route, with or without the trailing slash the API accepts.
  return full.length > 1 ? full.replace(/\/+$/, '') : full;
}

import type { NextFunction, Request, Response } from 'express';
import { routePattern } from '../common/http/route-pattern.js';
import { httpRequestDuration, httpRequests } from './registry.js';

/** The scrape endpoint itself is left out: Prometheus would mostly measure itself. */
export const METRICS_PATH = /^\/api\/metrics\/?(\?|$)/;

/** Counts and times every API request by method, route pattern and status class. */
export function httpMetrics(request: Request, response: Response, next: NextFunction): void {
  if (METRICS_PATH.test(request.originalUrl)) return next();
  const started = process.hrtime.bigint();
  let recorded = false;
  const record = (aborted: boolean) => {
    if (recorded) return;
    recorded = true;
    const labels = { method: request.method, route: routePattern(request), status_class: aborted ? 'aborted' : `${Math.floor(response.statusCode / 100)}xx` };
    httpRequests.inc(labels);
    httpRequestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  };
  // finish: the response was sent; close before it: the client went away first.
  response.on('finish', () => record(false));
  response.on('close', () => record(!response.writableFinished));
  next();
}

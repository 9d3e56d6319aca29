import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { redactUrl } from '../../logging/redact.js';
import { routePattern } from './route-pattern.js';

const logger = new Logger('HTTP');
/** A caller's own request id is kept when it is a sane token, so logs can be joined across services. */
const CALLER_ID = /^[\w.:-]{1,128}$/;
/** Prometheus scrapes every few seconds: its requests are logged at debug level only. */
const SCRAPE = /^\/api\/metrics\/?(\?|$)/;

/**
 * Gives every request an id (X-Request-Id, echoed back) and logs one line when it finishes:
 * `GET /api/songs/7 200 3.1ms [id]`, and in JSON logs the fields req_id, method, url, route
 * (the route pattern, e.g. /api/songs/:id), status and duration_ms. Headers are never logged.
 */
export function requestLogger(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  response.setHeader('X-Request-Id', id);
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Credentials in the query (a stream's access_token, OAuth's code and state) never reach the log.
    const url = redactUrl(request.originalUrl);
    const line = `${request.method} ${url} ${response.statusCode} ${ms.toFixed(1)}ms [${id}]`;
    const fields = {
      req_id: id,
      method: request.method,
      url,
      route: routePattern(request),
      status: response.statusCode,
      duration_ms: Math.round(ms * 10) / 10,
    };
    if (response.statusCode >= 500) logger.warn(line, fields);
    else if (SCRAPE.test(request.originalUrl)) logger.debug(line, fields);
    else logger.log(line, fields);
  });
  next();
}

import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const logger = new Logger('HTTP');
/** A caller's own request id is kept when it is a sane token, so logs can be joined across services. */
const CALLER_ID = /^[\w.:-]{1,128}$/;

/** The URL as logged: an access token passed in the query (audio streams) is never written out. */
export const loggedUrl = (url: string) => url.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]');

/** Gives every request an id (X-Request-Id, echoed back) and logs one line when it finishes. */
export function requestLogger(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  response.setHeader('X-Request-Id', id);
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = `${request.method} ${loggedUrl(request.originalUrl)} ${response.statusCode} ${ms.toFixed(1)}ms [${id}]`;
    if (response.statusCode >= 500) logger.warn(line);
    else logger.log(line);
  });
  next();
}

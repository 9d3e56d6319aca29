import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { isBadDateTimeInput, isDatabaseUnavailable } from './database-errors.js';
import { redactUrl } from '../../logging/redact.js';

/** The one error shape of the API (an endpoint may add fields of its own, such as `features_available`). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [detail: string]: unknown;
}

/** Errors Express raises before a route runs (body-parser's broken JSON, oversized bodies). */
interface ExpressHttpError {
  status: number;
  expose?: boolean;
  type?: string;
  message: string;
}

function isExpressHttpError(error: unknown): error is ExpressHttpError {
  const status = (error as ExpressHttpError | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (error as ExpressHttpError).expose === true;
}

/** Turns every error into `{ statusCode, error, message }`; unexpected ones are logged and hidden. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const body = this.toBody(exception, request);
    if (response.headersSent) return;
    if (typeof body['retry_after'] === 'number') response.setHeader('Retry-After', String(body['retry_after']));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const body = errorBody(exception.getStatus(), messageOf(response));
      if (typeof response !== 'object') return body;
      // An endpoint may name the error itself (the original API's {"error": "..."} bodies) and add details.
      const { error, message: _message, statusCode: _statusCode, ...details } = response as Record<string, unknown>;
      return { ...body, ...(typeof error === 'string' && error.length > 0 && { error }), ...details };
    }
    if (isExpressHttpError(exception)) {
      const message = exception.type === 'entity.parse.failed' ? `Malformed JSON in request body: ${exception.message}` : exception.message;
      return errorBody(exception.status, message);
    }
    if (isBadDateTimeInput(exception)) return errorBody(400, 'A date or time in the request is out of range or malformed.');
    const requestId = request.headers['x-request-id'];
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${request.method} ${redactUrl(request.originalUrl)} [${requestId}]: database unavailable: ${String(exception)}`);
      return errorBody(503, 'The database is unavailable right now; please retry shortly.');
    }
    this.logger.error(`${request.method} ${redactUrl(request.originalUrl)} [${requestId}] failed`, (exception as Error)?.stack ?? String(exception));
    return errorBody(500, `Internal server error (request id ${requestId}).`);
  }
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const { message } = response as { message?: unknown };
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : JSON.stringify(response);
}

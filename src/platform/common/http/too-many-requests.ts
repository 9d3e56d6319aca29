import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 in the app's error shape; the exception filter also sends `retry_after` as the Retry-After header. */
export function tooManyRequests(message: string, retryAfterSeconds: number): HttpException {
  return new HttpException({ statusCode: HttpStatus.TOO_MANY_REQUESTS, message, retry_after: retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
}

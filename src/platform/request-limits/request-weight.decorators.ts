import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

export const REQUEST_WEIGHT = 'request-limits:weight';

/** What a route costs against the request limits: ordinary (1, undecorated), expensive, or nothing. */
export type RequestWeight = 'expensive' | 'exempt';

/**
 * The route costs RATE_LIMIT_EXPENSIVE_COST ordinary requests: it makes the server work much
 * harder (batch prediction, exports, imports, bulk leads, registration).
 */
export const ExpensiveRequest = () =>
  applyDecorators(
    SetMetadata(REQUEST_WEIGHT, 'expensive' satisfies RequestWeight),
    ApiTooManyRequestsResponse({
      description: 'Over the request budget of this client IP or account (this route costs RATE_LIMIT_EXPENSIVE_COST); Retry-After says when to come back',
    }),
  );

/** The route is not counted: what monitoring polls must answer however busy a client keeps the instance. */
export const ExemptFromRequestLimits = () => SetMetadata(REQUEST_WEIGHT, 'exempt' satisfies RequestWeight);

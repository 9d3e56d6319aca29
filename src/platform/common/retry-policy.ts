/** How one call to a remote API (Spotify, the lead sources) failed. */
export interface CallFailure {
  /** The HTTP status the API answered, when it answered. */
  status?: number;
  /** Seconds from a 429's Retry-After header. */
  retryAfterSeconds?: number;
  /** No answer: the connection failed or the request timed out. */
  noResponse?: boolean;
}

export interface RetryPolicy {
  maxRetries: number;
  /** First backoff after a 5xx or a failed connection; doubles with each retry. */
  baseDelayMs: number;
  /** A 429 asking to wait longer than this fails at once rather than hold the request. */
  maxRetryAfterMs: number;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; refreshToken: boolean };

/** A 429 without Retry-After is treated as "wait a second". */
const DEFAULT_RETRY_AFTER_S = 1;

/**
 * What to do after failed attempt number `attempt` (0 = the first):
 * - 401: the access token expired or was revoked; get a new one and retry.
 * - 429: wait the Retry-After the API asks for (when it is within `maxRetryAfterMs`).
 * - 5xx, a failed connection or a timeout: exponential backoff, base × 2^attempt.
 * - any other status (400, 403, 404): the answer stands; retrying would not change it.
 */
export function decideRetry(failure: CallFailure, attempt: number, policy: RetryPolicy): RetryDecision {
  if (attempt >= policy.maxRetries) return { retry: false };
  const { status } = failure;
  if (status === 401) return { retry: true, delayMs: 0, refreshToken: true };
  if (status === 429) {
    const delayMs = Math.max(0, failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000;
    return delayMs <= policy.maxRetryAfterMs ? { retry: true, delayMs, refreshToken: false } : { retry: false };
  }
  if (failure.noResponse || (status !== undefined && status >= 500)) {
    return { retry: true, delayMs: policy.baseDelayMs * 2 ** attempt, refreshToken: false };
  }
  return { retry: false };
}

/** Retry-After in seconds (Spotify sends delta-seconds; an HTTP date is accepted too). */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

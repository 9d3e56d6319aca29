import { describe, expect, it } from 'vitest';
import { decideRetry, parseRetryAfter } from '../../../src/platform/common/retry-policy.js';

const policy = { maxRetries: 3, baseDelayMs: 250, maxRetryAfterMs: 30_000 };

describe('decideRetry', () => {
  it('backs off exponentially after 5xx answers', () => {
    expect([0, 1, 2].map((attempt) => decideRetry({ status: 503 }, attempt, policy))).toEqual([
      { retry: true, delayMs: 250, refreshToken: false },
      { retry: true, delayMs: 500, refreshToken: false },
      { retry: true, delayMs: 1000, refreshToken: false },
    ]);
  });

  it('retries a request that got no answer like a 5xx', () => {
    expect(decideRetry({ noResponse: true }, 1, policy)).toEqual({ retry: true, delayMs: 500, refreshToken: false });
  });

  it('stops after the last retry', () => {
    expect(decideRetry({ status: 500 }, 3, policy)).toEqual({ retry: false });
  });

  it('waits the Retry-After of a 429', () => {
    expect(decideRetry({ status: 429, retryAfterSeconds: 7 }, 0, policy)).toEqual({ retry: true, delayMs: 7000, refreshToken: false });
  });

  it('waits a second after a 429 without Retry-After', () => {
    expect(decideRetry({ status: 429 }, 0, policy)).toEqual({ retry: true, delayMs: 1000, refreshToken: false });
  });

  it('gives up on a 429 that asks for a longer wait than allowed', () => {
    expect(decideRetry({ status: 429, retryAfterSeconds: 31 }, 0, policy)).toEqual({ retry: false });
  });

  it('gets a new token after a 401, at once', () => {
    expect(decideRetry({ status: 401 }, 0, policy)).toEqual({ retry: true, delayMs: 0, refreshToken: true });
  });

  it.each([400, 403, 404])('does not retry a %i', (status) => {
    expect(decideRetry({ status }, 0, policy)).toEqual({ retry: false });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('12')).toBe(12);
  });

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5);
  });

  it('ignores a missing or unreadable header', () => {
    expect([parseRetryAfter(undefined), parseRetryAfter('soon')]).toEqual([undefined, undefined]);
  });
});

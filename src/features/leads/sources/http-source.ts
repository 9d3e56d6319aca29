import { setTimeout as sleep } from 'node:timers/promises';
import { decideRetry, parseRetryAfter, type CallFailure } from '../../../platform/common/retry-policy.js';

/** Something went wrong asking a source; `source` names it (musicbrainz, youtube, ...). */
export abstract class SourceError extends Error {
  constructor(
    readonly source: string,
    message: string,
    /** The HTTP status the source answered, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No usable answer: the source is down, slow or rate-limiting us, past every retry. */
export class SourceUnavailableError extends SourceError {}

/**
 * The source answered, but not with something usable: a body that is not JSON or not in the
 * documented format, or a status retrying will not change (400, 401, 403, ...).
 */
export class SourceResponseError extends SourceError {}

/** What one HTTP attempt came to, for usage accounting (every attempt is a request to the source). */
export interface AttemptReport {
  /** The status answered, or undefined when there was no answer (network error, timeout). */
  status?: number;
  /** The attempt did not produce an answer the caller can use (everything but 2xx and 404). */
  failed: boolean;
  durationMs: number;
}

export interface HttpJsonSourceOptions {
  /** The source's key in the source_* tables and in errors: musicbrainz, youtube, lastfm. */
  source: string;
  /** Its name in messages: MusicBrainz. */
  displayName: string;
  /** Paths given to getJson are appended to this (no trailing slash needed). */
  baseUrl: string;
  userAgent: string;
  /** Deadline of one attempt, body included. */
  timeoutMs: number;
  maxRetries: number;
  /** First backoff after a 5xx, a network error or a timeout; doubles with each retry, with jitter. */
  baseDelayMs: number;
  /** A Retry-After asking for a longer wait than this fails the call at once. */
  maxRetryAfterMs: number;
  headers?: Record<string, string>;
  /** Before every attempt, retries included: e.g. wait for a slot of the shared rate limiter. */
  beforeAttempt?: () => Promise<void>;
  /** After every attempt: e.g. count it. Errors thrown here are the hook's own business and ignored. */
  afterAttempt?: (report: AttemptReport) => Promise<void> | void;
  /** The source asked everyone to wait this long (Retry-After of a 429 or 503): e.g. push the shared limiter's next slot. */
  onRetryAfter?: (delayMs: number) => Promise<void>;
  /** For logging each retry. */
  onRetry?: (message: string) => void;
  /** [0, 1) source of jitter; tests may pin it. */
  random?: () => number;
  /**
   * For sources that report errors in the body whatever the status (Last.fm: {"error": 29, ...}
   * with HTTP 200 or 4xx/5xx; YouTube: {"error": {"errors": [{"reason": "quotaExceeded"}]}} with
   * 403): called with every answer whose body is JSON, before the status decides. Undefined
   * leaves it to the status. Without it, bodies of non-2xx answers are not parsed.
   */
  readVerdict?: (status: number, body: unknown, what: string) => AnswerVerdict | undefined;
}

/**
 * What a JSON body says about the attempt, read before the status decides (see
 * HttpJsonSourceOptions.readVerdict):
 * - `retry`: try again as after a 503 (`like: 503`: backoff) or a 429 (`like: 429`: the
 *   Retry-After, or a second), e.g. Last.fm's {"error": 29} (rate limit) sent with HTTP 200;
 * - `not-found`: no such thing (null), as a 404;
 * - `fail`: throw this error at once, no retry (a spent quota, a rejected key).
 */
export type AnswerVerdict = { kind: 'retry'; like: 429 | 503; reason: string } | { kind: 'not-found' } | { kind: 'fail'; error: SourceError };

/** A 2xx answer with its parsed JSON body. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

/**
 * GETs JSON from a public web API the way well-behaved clients should: a User-Agent naming the
 * app, a deadline per attempt (AbortSignal.timeout, covering the body too), retries with
 * exponential backoff and jitter on 5xx, 429, network errors and timeouts, honouring
 * Retry-After (of a 429, and of a 503 as MusicBrainz sends when throttling), 404 as "no such
 * thing" (null), and every other outcome as a typed SourceError: never a raw TypeError or
 * SyntaxError from fetch or JSON.parse.
 *
 * The decision of whether and how long to wait is src/platform/common/retry-policy.ts's decideRetry,
 * the same as Spotify's client: this adds jitter, Retry-After on 503 and the hooks that let a
 * source share its rate limit and count its usage.
 */
export class HttpJsonSource {
  private readonly random: () => number;

  constructor(private readonly options: HttpJsonSourceOptions) {
    this.random = options.random ?? Math.random;
  }

  get source(): string {
    return this.options.source;
  }

  /** The URL of `path` (relative to the base URL) with `query`. */
  url(path: string, query: Record<string, string> = {}): URL {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, ''));
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }

  /**
   * The JSON answer of GET `path`, or null for a 404. `what` names the request in errors and logs
   * (never the URL, which may carry an API key).
   */
  async getJson(what: string, path: string, query: Record<string, string> = {}): Promise<JsonAnswer | null> {
    const { displayName, source, maxRetries } = this.options;
    const url = this.url(path, query);
    for (let attempt = 0; ; attempt++) {
      await this.options.beforeAttempt?.();
      const outcome = await this.attempt(url, what);
      await this.report({
        status: outcome.status,
        failed: outcome.kind === 'failed' || outcome.kind === 'malformed' || outcome.kind === 'rejected',
        durationMs: outcome.durationMs,
      });
      if (outcome.kind === 'ok') return { status: outcome.status!, body: outcome.body };
      if (outcome.kind === 'not-found') return null;
      if (outcome.kind === 'rejected') throw outcome.error!;
      if (outcome.kind === 'malformed') throw new SourceResponseError(source, `${displayName} ${what}: malformed response (${outcome.reason})`, outcome.status);

      // A body's verdict may ask for a retry whatever the status: decide as for the status it is "like".
      const decisive = outcome.retryLike ?? outcome.status;
      const failure: CallFailure = decisive === undefined ? { noResponse: true } : { status: decisive, retryAfterSeconds: outcome.retryAfterSeconds };
      // 5xx and 429 say "try again later"; any other status is the answer (401 too: there is no token to refresh).
      const retryable = decisive === undefined || decisive === 429 || decisive >= 500;
      const retryAfterMs = outcome.retryAfterSeconds !== undefined ? outcome.retryAfterSeconds * 1000 : undefined;
      if (retryAfterMs !== undefined && retryAfterMs > 0) await this.options.onRetryAfter?.(Math.min(retryAfterMs, this.options.maxRetryAfterMs));
      const decision = retryable ? this.decide(failure, attempt, retryAfterMs) : { retry: false as const };
      if (!decision.retry) {
        if (!retryable) throw new SourceResponseError(source, `${displayName} ${what}: ${outcome.reason}`, outcome.status);
        throw new SourceUnavailableError(source, `${displayName} ${what} failed after ${attempt + 1} attempt(s): ${outcome.reason}`, outcome.status);
      }
      this.options.onRetry?.(`${displayName} ${what}: ${outcome.reason}; retry ${attempt + 1} of ${maxRetries} in ${decision.delayMs} ms`);
      if (decision.delayMs > 0) await sleep(decision.delayMs);
    }
  }

  /**
   * decideRetry's answer (401 is not ours to fix: no token to refresh), with jitter on backoffs
   * and a 503's Retry-After honoured like a 429's. A Retry-After is a minimum: jitter only adds.
   */
  private decide(failure: CallFailure, attempt: number, retryAfterMs: number | undefined): { retry: false } | { retry: true; delayMs: number } {
    const policy = { maxRetries: this.options.maxRetries, baseDelayMs: this.options.baseDelayMs, maxRetryAfterMs: this.options.maxRetryAfterMs };
    const decision = decideRetry(failure, attempt, policy);
    if (!decision.retry) return decision;
    if (failure.status === 429) return { retry: true, delayMs: Math.round(decision.delayMs * (1 + 0.1 * this.random())) };
    // "Equal jitter": half the backoff for sure, the other half at random, so workers that failed together do not retry together.
    const backoff = Math.round(decision.delayMs / 2 + (decision.delayMs / 2) * this.random());
    if (retryAfterMs === undefined) return { retry: true, delayMs: backoff };
    if (retryAfterMs > policy.maxRetryAfterMs) return { retry: false };
    return { retry: true, delayMs: Math.max(backoff, Math.round(retryAfterMs * (1 + 0.1 * this.random()))) };
  }

  private async attempt(url: URL, what: string): Promise<AttemptOutcome> {
    const started = performance.now();
    const done = (outcome: Omit<AttemptOutcome, 'durationMs'>): AttemptOutcome => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { Accept: 'application/json', 'User-Agent': this.options.userAgent, ...this.options.headers },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'follow',
      });
      text = await response.text();
    } catch (error) {
      return done({ kind: 'failed', reason: describeFetchError(error, this.options.timeoutMs) });
    }
    const { status } = response;
    const verdict = this.verdictOf(status, text, what);
    if (verdict?.kind === 'not-found') return done({ kind: 'not-found', status });
    if (verdict?.kind === 'fail') return done({ kind: 'rejected', status, error: verdict.error });
    if (verdict?.kind === 'retry') {
      const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after') ?? undefined) : undefined;
      return done({ kind: 'failed', status, retryLike: verdict.like, retryAfterSeconds, reason: `HTTP ${status}: ${verdict.reason}` });
    }
    if (status === 404) return done({ kind: 'not-found', status });
    if (status < 200 || status >= 300) {
      const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after') ?? undefined) : undefined;
      return done({ kind: 'failed', status, retryAfterSeconds, reason: `HTTP ${status}${errorDetail(text)}` });
    }
    try {
      if (text.trim() === '') return done({ kind: 'malformed', status, reason: 'empty body' });
      return done({ kind: 'ok', status, body: JSON.parse(text) as unknown });
    } catch (error) {
      return done({ kind: 'malformed', status, reason: `not JSON: ${(error as Error).message}` });
    }
  }

  /** The readVerdict hook's reading of a JSON body (none without the hook, or for a body that is not JSON). */
  private verdictOf(status: number, text: string, what: string): AnswerVerdict | undefined {
    if (!this.options.readVerdict) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
    return this.options.readVerdict(status, body, what);
  }

  private async report(report: AttemptReport): Promise<void> {
    try {
      await this.options.afterAttempt?.(report);
    } catch {
      // Accounting must never fail a request.
    }
  }
}

interface AttemptOutcome {
  /** `rejected`: a verdict's error, thrown as it is. */
  kind: 'ok' | 'not-found' | 'failed' | 'malformed' | 'rejected';
  status?: number;
  /** A verdict asked for a retry as after this status (429 or 503), whatever the real one. */
  retryLike?: 429 | 503;
  error?: SourceError;
  body?: unknown;
  retryAfterSeconds?: number;
  reason?: string;
  durationMs: number;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${message ?? 'network error'} (${detail})` : (message ?? String(error));
}

/** The `error` of a JSON error body (MusicBrainz: {"error": "...", "help": "..."}), for messages. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body?.error === 'string') return `: ${body.error.slice(0, 200)}`;
  } catch {
    // not JSON: an HTML page from a proxy, say
  }
  return '';
}

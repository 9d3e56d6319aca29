import { SourceError } from './http-source.js';
import type { SourceStatus } from './source-status.js';

/**
 * What every Leads source client offers GET /api/leads/status and the code that picks sources:
 * its key (the `source` of the source_* tables), whether it can be used (keyed sources need their
 * key), and its status. The lookups themselves differ per source.
 */
export interface LeadSource {
  readonly source: string;
  readonly configured: boolean;
  sourceStatus(): Promise<SourceStatus>;
}

/**
 * The source cannot be asked as configured: its key is not set, or the source rejected it
 * (invalid or suspended). Retrying will not help; the operator has to fix the configuration.
 */
export class SourceConfigurationError extends SourceError {}

/**
 * A call that would exceed the source's daily quota (YouTube Data API: units per day), refused
 * before it was sent; or the source said the quota is spent (YouTube's 403 quotaExceeded).
 */
export class SourceQuotaExceededError extends SourceError {
  constructor(
    source: string,
    message: string,
    /** Units spent today when the call was refused. */
    readonly used: number,
    readonly limit: number,
    status?: number,
  ) {
    super(source, message, status);
  }
}

/**
 * Lookups under way in this process by key, so concurrent callers asking for the same thing share
 * one request (and, for YouTube, one spend of quota) instead of each sending their own.
 */
export class InflightLookups {
  private readonly pending = new Map<string, Promise<unknown>>();

  run<T>(key: string, lookup: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const started = lookup().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}

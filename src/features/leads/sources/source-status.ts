import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../platform/config/paths.js';
import type { RateLimitState } from './rate-limiter.js';
import type { SourceUsageDay } from './source-usage.js';

/** One source as `GET /api/leads/status` shows it. */
export interface SourceStatus {
  source: string;
  /** Usable: always for MusicBrainz; with a key for YouTube and Last.fm, with credentials for Spotify. */
  configured: boolean;
  /** False while this instance's last call to the source failed (no success since). */
  healthy: boolean;
  baseUrl: string;
  /** The last failure this instance saw (per process, not shared): when, and what. */
  lastError: { at: Date; message: string } | null;
  lastSuccessAt: Date | null;
  /** The shared schedule, when the source is rate-limited. */
  rateLimit: (RateLimitState & { minIntervalMs: number }) | null;
  usageToday: SourceUsageDay;
  /** A source with a daily quota (YouTube: units): what today's calls spent of it, and the limit. */
  quota?: { used: number; limit: number };
}

/** The last success and failure of a source's calls in this process, for SourceStatus. */
export class SourceHealth {
  lastError: { at: Date; message: string } | null = null;
  lastSuccessAt: Date | null = null;

  succeeded(): void {
    this.lastSuccessAt = new Date();
  }

  failed(error: unknown): void {
    this.lastError = { at: new Date(), message: error instanceof Error ? error.message : String(error) };
  }

  get healthy(): boolean {
    return !this.lastError || (this.lastSuccessAt !== null && this.lastSuccessAt >= this.lastError.at);
  }
}

let version: string | undefined;

/** Encore's version, from package.json (for User-Agent headers). */
export function appVersion(): string {
  if (version === undefined) {
    try {
      version = String((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '0.0.0');
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}

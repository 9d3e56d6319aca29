import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';

/** A source's answer as kept: the HTTP status (200, or 404 for "no such thing") and the JSON body. */
export interface CachedAnswer {
  status: number;
  body: unknown;
  fetchedAt: Date;
  expiresAt: Date;
}

/** Every this many writes, a process also deletes the expired rows (besides purgeExpired()). */
const PURGE_EVERY_PUTS = 500;

/**
 * Sources' answers kept in PostgreSQL (source_cache) for a while, per (source, key), so
 * analysing an ISRC again, or another recording of the same artist, does not ask again. Keys
 * name the request: `isrc/USRC17607839`, `artist/<mbid>`. Expiry is judged by the database's
 * clock. Reading skips expired rows; they are deleted now and then by put() and by
 * purgeExpired(), which the leads job may call.
 */
@Injectable()
export class SourceCache {
  private readonly logger = new Logger(SourceCache.name);
  private puts = 0;

  constructor(private readonly prisma: PrismaService) {}

  /** The unexpired answer kept for (source, key), or null. */
  async get(source: string, key: string): Promise<CachedAnswer | null> {
    const [row] = await this.prisma.$queryRaw<Array<{ status: number; body: unknown; fetched_at: Date; expires_at: Date }>>`
      SELECT status, body, fetched_at, expires_at FROM source_cache
      WHERE source = ${source} AND key = ${key} AND expires_at > clock_timestamp()`;
    return row ? { status: row.status, body: row.body, fetchedAt: row.fetched_at, expiresAt: row.expires_at } : null;
  }

  /** Keeps (or replaces) the answer for (source, key) for `ttlMs`; a TTL of 0 or less keeps nothing. */
  async put(source: string, key: string, answer: { status: number; body: unknown }, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    const body = JSON.stringify(answer.body ?? null);
    await this.prisma.$executeRaw`
      INSERT INTO source_cache (source, key, status, body, fetched_at, expires_at)
      VALUES (${source}, ${key}, ${answer.status}::int, ${body}::jsonb, clock_timestamp(), clock_timestamp() + ${Math.round(ttlMs)}::bigint * interval '1 millisecond')
      ON CONFLICT (source, key) DO UPDATE
        SET status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`;
    if (++this.puts % PURGE_EVERY_PUTS === 0) {
      this.purgeExpired().catch((error: Error) => this.logger.warn(`Could not purge expired source answers: ${error.message}`));
    }
  }

  /** Forgets one answer (all of a source's when `key` is omitted). */
  async invalidate(source: string, key?: string): Promise<number> {
    return key === undefined
      ? this.prisma.$executeRaw`DELETE FROM source_cache WHERE source = ${source}`
      : this.prisma.$executeRaw`DELETE FROM source_cache WHERE source = ${source} AND key = ${key}`;
  }

  /** Deletes expired answers (of one source, or all); returns how many. */
  async purgeExpired(source?: string): Promise<number> {
    return source === undefined
      ? this.prisma.$executeRaw`DELETE FROM source_cache WHERE expires_at <= clock_timestamp()`
      : this.prisma.$executeRaw`DELETE FROM source_cache WHERE source = ${source} AND expires_at <= clock_timestamp()`;
  }
}

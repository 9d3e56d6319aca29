import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';

/** What a source was asked in one UTC day. */
export interface SourceUsageDay {
  source: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** HTTP requests sent, retries included (cache hits are not requests). */
  requests: number;
  /** Requests that gave no usable answer: 5xx, 429, other 4xx but 404, network errors, timeouts, malformed bodies. */
  errors: number;
  /** Quota units spent (YouTube Data API: 10,000 a day); 0 for sources without a quota. */
  units: number;
}

export interface UsageIncrement {
  requests?: number;
  errors?: number;
  units?: number;
}

/**
 * Requests, errors and quota units per source and UTC day (source_usage), counted by atomic
 * upserts so every worker of every instance adds to the same row. The day is the database's.
 */
@Injectable()
export class SourceUsage {
  constructor(private readonly prisma: PrismaService) {}

  async record(source: string, increment: UsageIncrement): Promise<void> {
    const requests = increment.requests ?? 0;
    const errors = increment.errors ?? 0;
    const units = increment.units ?? 0;
    if (requests === 0 && errors === 0 && units === 0) return;
    await this.prisma.$executeRaw`
      INSERT INTO source_usage AS usage (source, day, requests, errors, units)
      VALUES (${source}, (clock_timestamp() AT TIME ZONE 'UTC')::date, ${requests}::int, ${errors}::int, ${units}::int)
      ON CONFLICT (source, day) DO UPDATE
        SET requests = usage.requests + excluded.requests, errors = usage.errors + excluded.errors, units = usage.units + excluded.units`;
  }

  /** Today's (UTC) counts of a source; zeros before its first request of the day. */
  async today(source: string): Promise<SourceUsageDay> {
    const [row] = await this.prisma.$queryRaw<Array<{ day: string; requests: number | null; errors: number | null; units: number | null }>>`
      SELECT to_char(today.day, 'YYYY-MM-DD') AS day, usage.requests, usage.errors, usage.units
      FROM (SELECT (clock_timestamp() AT TIME ZONE 'UTC')::date AS day) today
      LEFT JOIN source_usage usage ON usage.source = ${source} AND usage.day = today.day`;
    return { source, day: row!.day, requests: row!.requests ?? 0, errors: row!.errors ?? 0, units: row!.units ?? 0 };
  }

  /** The last `days` days (UTC, today included) of a source, oldest first, days without requests left out. */
  async history(source: string, days = 30): Promise<SourceUsageDay[]> {
    const rows = await this.prisma.$queryRaw<Array<{ day: string; requests: number; errors: number; units: number }>>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, requests, errors, units FROM source_usage
      WHERE source = ${source} AND day > (clock_timestamp() AT TIME ZONE 'UTC')::date - ${Math.max(1, Math.round(days))}::int
      ORDER BY day`;
    return rows.map((row) => ({ source, ...row }));
  }
}

import { CsvUploadError } from '../../../platform/common/csv-upload.js';
import { BadRequestException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '../../../platform/common/http/validation.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { DailyMetricDto, type BatchCountsDto, type FanEventDto, type MetricsIngestionResultDto, type PostDto } from '../dto/metrics.dto.js';
import { parseMetricsCsv } from './metrics-csv.js';
import { dayProblems, METRIC_FIELDS } from './metric-rows.js';

/** Where a metrics row came from: the JSON API, a CSV upload, a platform connector, the demo. */
export type MetricSource = 'api' | 'csv' | 'spotify' | 'demo';

/** A CSV with a broken column would otherwise list every line. */
const MAX_REPORTED_PROBLEMS = 20;
const moreProblems = (total: number) => (total > MAX_REPORTED_PROBLEMS ? `; and ${total - MAX_REPORTED_PROBLEMS} more problem(s)` : '');

const columns = Object.keys(METRIC_FIELDS) as Array<keyof typeof METRIC_FIELDS>;
const LEVELS = new Set(['followers', 'monthly_listeners', 'popularity']);

/**
 * Stores daily metrics, posts and fan events. Every write is idempotent: a platform-day, a post
 * (platform id) and a fan event (fan and moment) are keys, so sending a batch again changes nothing,
 * and a row that carries only some fields (a connector's followers) keeps the others.
 */
@Injectable()
export class MetricsIngestionService {
  constructor(private readonly prisma: PrismaService) {}

  /** `label` names a row in error messages (metrics[3] for JSON, line 5 for CSV). */
  async upsertDaily(
    artistId: string,
    rows: DailyMetricDto[],
    source: MetricSource,
    label = (index: number) => `metrics[${index}]`,
  ): Promise<MetricsIngestionResultDto> {
    const problems = dayProblems(rows, label);
    if (problems.length > 0) throw new BadRequestException(problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ') + moreProblems(problems.length));
    const input = JSON.stringify(
      rows.map((row) => ({ platform: row.platform, date: row.date, ...Object.fromEntries(columns.map((c) => [c, row[c] ?? null])) })),
    );
    const recordType = Prisma.raw(`platform text, date date, ${columns.map((c) => `${c} int`).join(', ')}`);
    const keep = Prisma.raw(columns.map((c) => `${c} = COALESCE(i.${c}, m.${c})`).join(', '));
    const insertColumns = Prisma.raw(columns.join(', '));
    const insertValues = Prisma.raw(columns.map((c) => (LEVELS.has(c) ? `i.${c}` : `COALESCE(i.${c}, 0)`)).join(', '));
    const [counts] = await this.prisma.$transaction(async (tx) => {
      // One writer per artist at a time: the update-then-insert below is then race-free.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('analytics-metrics'), hashtext(${artistId}))`;
      return tx.$queryRaw<Array<{ inserted: number; updated: number }>>`
        WITH input AS (SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS i(${recordType})),
        updated AS (
          UPDATE artist_metrics_daily m SET ${keep}, source = ${source}, updated_at = now()
          FROM input i
          WHERE m.artist_id = ${artistId}::uuid AND m.platform = i.platform::analytics_platform AND m.date = i.date
          RETURNING m.platform, m.date
        ),
        inserted AS (
          INSERT INTO artist_metrics_daily (artist_id, platform, date, ${insertColumns}, source)
          SELECT ${artistId}::uuid, i.platform::analytics_platform, i.date, ${insertValues}, ${source}
          FROM input i
          WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE u.platform = i.platform::analytics_platform AND u.date = i.date)
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated`;
    });
    const days = rows.map((row) => row.date).sort();
    return { inserted: counts!.inserted, updated: counts!.updated, first_date: days[0] ?? null, last_date: days.at(-1) ?? null };
  }

  /** A CSV upload of the same rows: every line is checked as a JSON row would be, named by its line number. */
  async upsertDailyCsv(artistId: string, file: Buffer): Promise<MetricsIngestionResultDto> {
    let records: Array<Record<string, unknown>>;
    try {
      records = parseMetricsCsv(file);
    } catch (error) {
      if (error instanceof CsvUploadError) throw new BadRequestException(error.message);
      throw error;
    }
    const line = (index: number) => `line ${index + 2}`;
    const rows = records.map((record) => plainToInstance(DailyMetricDto, record));
    const problems = rows.flatMap((row, index) => describeValidationErrors(validateSync(row, { whitelist: true, forbidNonWhitelisted: true }), line(index)));
    if (problems.length > 0) throw new BadRequestException(problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ') + moreProblems(problems.length));
    return this.upsertDaily(artistId, rows, 'csv', line);
  }

  /** Posts by their platform id: a post sent again updates its engagement. */
  async upsertPosts(artistId: string, posts: PostDto[]): Promise<BatchCountsDto> {
    const input = JSON.stringify(posts.map((post) => ({ ...post, caption: post.caption ?? '' })));
    const [counts] = await this.prisma.$queryRaw<Array<{ inserted: number; updated: number }>>`
      WITH input AS (
        SELECT DISTINCT ON (platform, external_id) * FROM jsonb_to_recordset(${input}::jsonb)
          AS i(platform text, external_id text, posted_at timestamptz, caption text, likes int, comments int, shares int, saves int, views int)
      ),
      written AS (
        INSERT INTO artist_posts (artist_id, platform, external_id, posted_at, caption, likes, comments, shares, saves, views)
        SELECT ${artistId}::uuid, platform::analytics_platform, external_id, posted_at, caption,
               COALESCE(likes, 0), COALESCE(comments, 0), COALESCE(shares, 0), COALESCE(saves, 0), COALESCE(views, 0)
        FROM input
        ON CONFLICT (artist_id, platform, external_id) DO UPDATE SET
          posted_at = EXCLUDED.posted_at, caption = EXCLUDED.caption, likes = EXCLUDED.likes, comments = EXCLUDED.comments,
          shares = EXCLUDED.shares, saves = EXCLUDED.saves, views = EXCLUDED.views, updated_at = now()
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;
    return counts!;
  }

  /** Fan events keyed by fan and moment: the same event sent twice is stored once. */
  async insertFanEvents(artistId: string, events: FanEventDto[]): Promise<BatchCountsDto> {
    const future = events.findIndex((event) => Date.parse(event.occurred_at) > Date.now() + 60_000);
    if (future >= 0) throw new BadRequestException(`events[${future}].occurred_at is in the future`);
    const input = JSON.stringify(events);
    const [counts] = await this.prisma.$queryRaw<Array<{ inserted: number; updated: number }>>`
      WITH written AS (
        INSERT INTO fan_events (artist_id, fan_id, platform, occurred_at, streams, saves, shares, purchases)
        SELECT ${artistId}::uuid, fan_id, platform::analytics_platform, occurred_at,
               COALESCE(streams, 0), COALESCE(saves, 0), COALESCE(shares, 0), COALESCE(purchases, 0)
        FROM jsonb_to_recordset(${input}::jsonb)
          AS i(fan_id text, platform text, occurred_at timestamptz, streams int, saves int, shares int, purchases int)
        ON CONFLICT (artist_id, fan_id, occurred_at) DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS inserted, 0 AS updated FROM written`;
    return { inserted: counts!.inserted, updated: 0 };
  }
}

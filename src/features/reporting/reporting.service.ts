import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { PrismaService } from '../../platform/database/prisma.service.js';

/** The PostgreSQL schema of the views made for BI tools (created by the reporting migration). */
export const REPORTING_SCHEMA = 'reporting';

export interface RefreshedView {
  /** Schema-qualified name, e.g. reporting.prediction_daily. */
  view: string;
  rows: number;
  ms: number;
  /** False only for a view that was never populated: CONCURRENTLY needs a populated view. */
  concurrently: boolean;
}

export interface RefreshReport {
  views: RefreshedView[];
  total_ms: number;
}

/** "name" as an SQL identifier. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/** The reporting schema's materialized views: which there are, and refreshing them. */
@Injectable()
export class ReportingService {
  private readonly logger = new Logger('Reporting');

  constructor(private readonly prisma: PrismaService) {}

  /** Every materialized view of the reporting schema, so one added by a later migration is refreshed too. */
  async materializedViews(): Promise<Array<{ name: string; populated: boolean }>> {
    return this.prisma.$queryRaw<Array<{ name: string; populated: boolean }>>`
      SELECT matviewname AS name, ispopulated AS populated FROM pg_matviews WHERE schemaname = ${REPORTING_SCHEMA} ORDER BY matviewname`;
  }

  /**
   * Refreshes each materialized view CONCURRENTLY, one after the other: readers (Power BI)
   * keep reading the previous rows meanwhile and never wait. Returns each view's rows and time.
   */
  async refresh(): Promise<RefreshReport> {
    const started = performance.now();
    const views: RefreshedView[] = [];
    for (const { name, populated } of await this.materializedViews()) {
      const view = `${REPORTING_SCHEMA}.${name}`;
      const qualified = `${quoteIdentifier(REPORTING_SCHEMA)}.${quoteIdentifier(name)}`;
      const since = performance.now();
      await this.prisma.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW ${populated ? 'CONCURRENTLY ' : ''}${qualified}`);
      const ms = elapsed(since);
      const [counted] = await this.prisma.$queryRawUnsafe<Array<{ rows: number }>>(`SELECT count(*)::int AS rows FROM ${qualified}`);
      views.push({ view, rows: counted!.rows, ms, concurrently: populated });
    }
    const report = { views, total_ms: elapsed(started) };
    this.logger.log(`Refreshed ${views.map((entry) => `${entry.view} (${entry.rows} rows, ${entry.ms} ms)`).join(', ') || 'no materialized views'}`);
    return report;
  }
}

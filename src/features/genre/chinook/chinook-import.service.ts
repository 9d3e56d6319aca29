import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { projectRoot } from '../../../platform/config/paths.js';
import { copyLine } from '../../../platform/database/copy-text.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { parseChinookScript } from './chinook-script.js';
import { CHINOOK_SCHEMA, CHINOOK_TABLES, type ChinookCounts } from './chinook-tables.js';

/** The Chinook sample store that ships with Encore (version 1.4.5; its MIT licence is beside it). */
export const CHINOOK_SAMPLE_SCRIPT = join(projectRoot, 'data', 'samples', 'chinook', 'Chinook_PostgreSql.sql');

/** What the store holds: real data (a Chinook script) or Encore's synthetic demo store. */
export interface StoreOrigin {
  source: string;
  synthetic: boolean;
}

/** Rows of one table as column → value, in the table's column order. */
export type ChinookRows = Partial<Record<(typeof CHINOOK_TABLES)[number], Array<Record<string, unknown>>>>;

/**
 * Fills schema `chinook`: from the standard Chinook script, or from rows (the demo store). Either
 * way the schema's contents are replaced in one transaction, so a failure leaves the previous
 * store as it was, and no other schema is touched.
 */
@Injectable()
export class ChinookImportService {
  private readonly logger = new Logger('Chinook');

  constructor(private readonly prisma: PrismaService) {}

  async importScript(text: string, name = 'a Chinook script'): Promise<ChinookCounts> {
    const script = parseChinookScript(text);
    const counts = await this.replaceContents({ source: name, synthetic: false }, async (client) => {
      for (const { sql } of script.inserts) await client.query(sql);
    });
    this.logger.log(`Imported the Chinook script (skipped ${script.skipped.length} statements that Encore's migrations or the database own)`);
    return counts;
  }

  /** A fresh install gets the real Chinook store, so the genre model learns from real purchases. */
  async importSampleIfEmpty(): Promise<ChinookCounts | undefined> {
    if ((await this.counts()).customer > 0) return undefined;
    const counts = await this.importScript(await readFile(CHINOOK_SAMPLE_SCRIPT, 'utf8'), 'the Chinook sample store 1.4.5 (data/samples/chinook)');
    this.logger.log(`Filled schema chinook with the Chinook sample store: ${counts.customer} customers, ${counts.invoice.toLocaleString('en-US')} invoices`);
    return counts;
  }

  async importRows(rows: ChinookRows, origin: StoreOrigin): Promise<ChinookCounts> {
    return this.replaceContents(origin, async (client) => {
      for (const table of CHINOOK_TABLES) {
        const tableRows = rows[table] ?? [];
        if (tableRows.length === 0) continue;
        const columns = Object.keys(tableRows[0]!);
        const lines = tableRows.map((row) => copyLine(columns.map((column) => copyValueOf(row[column]))));
        await pipeline(Readable.from([lines.join('')]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
      }
    });
  }

  /** How many rows each Chinook table holds. */
  async counts(client?: PoolClient): Promise<ChinookCounts> {
    const query = `SELECT ${CHINOOK_TABLES.map((table) => `(SELECT count(*)::int FROM ${CHINOOK_SCHEMA}.${table}) AS ${table}`).join(', ')}`;
    const result = client ? await client.query(query) : { rows: await this.prisma.$queryRawUnsafe<ChinookCounts[]>(query) };
    return result.rows[0] as ChinookCounts;
  }

  /** Where the store's current data came from (kept as the schema's comment, so it changes with the data). */
  async origin(): Promise<StoreOrigin | null> {
    const [row] = await this.prisma.$queryRaw<Array<{ comment: string | null }>>`
      SELECT obj_description(${CHINOOK_SCHEMA}::regnamespace, 'pg_namespace') AS comment`;
    try {
      return row?.comment ? (JSON.parse(row.comment) as StoreOrigin) : null;
    } catch {
      return null;
    }
  }

  private async replaceContents(origin: StoreOrigin, fill: (client: PoolClient) => Promise<void>): Promise<ChinookCounts> {
    const client = await this.prisma.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO ${CHINOOK_SCHEMA}`);
      await client.query(`TRUNCATE ${CHINOOK_TABLES.join(', ')}`);
      // Bulk-load practice: checking each foreign key once per table when it is added back is
      // far faster than once per row. The transaction keeps others from seeing the gap.
      const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
        `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND connamespace = '${CHINOOK_SCHEMA}'::regnamespace`,
      );
      for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
      await fill(client);
      for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
      await client.query(`COMMENT ON SCHEMA ${CHINOOK_SCHEMA} IS ${escapeLiteral(JSON.stringify(origin))}`);
      const counts = await this.counts(client);
      await client.query('COMMIT');
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** A SQL string literal (COMMENT takes no parameters). */
function escapeLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function copyValueOf(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

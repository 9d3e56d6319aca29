import { createReadStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { applyMigrations, migrationsDir } from '../database/migrations.js';
import { JOBS_SCHEMA } from '../jobs/job-queue.service.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFileError, END_OF_DATA, readLines, type BackupHeader, type BackupTable } from './backup-file.js';
import {
  appliedMigrations,
  encoreSchemas,
  materializedViews,
  otherSchemasWithTables,
  qualified,
  quoteIdent,
  sequences,
  tablesInLoadOrder,
} from './database-catalog.js';

export interface TableCount {
  table: string;
  rows: number;
}

export interface BackupSummary {
  tables: TableCount[];
  migrations: string[];
  /** Schemas with tables that are not Encore's, left out. */
  skippedSchemas: string[];
}

/** Both ends read and write COPY text the same way, whatever the server's defaults. */
const SESSION_SETTINGS = [
  "SET TIME ZONE 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 3',
  "SET client_encoding = 'UTF8'",
  'SET statement_timeout = 0',
].join('; ');

const NEWLINE = Buffer.from('\n');
/** Rows are sent to COPY in batches of about this many bytes. */
const BATCH_BYTES = 1 << 20;

const tableName = (table: Pick<BackupTable, 'schema' | 'name'>) => `${table.schema}.${table.name}`;
const columnList = (columns: string[]) => columns.map(quoteIdent).join(', ');

async function connect(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  await client.connect();
  await client.query(SESSION_SETTINGS);
  return client;
}

async function write(stream: Writable, data: string | Buffer): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

function countLines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}

/**
 * Writes a backup of the database at `url` to `output` (gzip, see backup-file.ts): the applied
 * migrations and every row of every table of Encore's schemas, all read in one snapshot.
 */
export async function writeLogicalBackup(url: string, output: Writable): Promise<BackupSummary> {
  const client = await connect(url, 'encore-backup');
  const gzip = createGzip();
  const written = pipeline(gzip, output);
  written.catch(() => undefined); // awaited below; an early failure must not go unhandled meanwhile
  try {
    // One consistent snapshot of every table, as pg_dump takes; writers are not blocked.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const schemas = await encoreSchemas(client);
    const { rows: about } = await client.query<{ database: string; version: string }>(
      "SELECT current_database() AS database, current_setting('server_version') AS version",
    );
    const pgboss = schemas.includes(JOBS_SCHEMA)
      ? {
          version: (await client.query<{ version: number }>(`SELECT version FROM ${quoteIdent(JOBS_SCHEMA)}.version`)).rows[0]!.version,
          queues: (await client.query<{ name: string }>(`SELECT name FROM ${quoteIdent(JOBS_SCHEMA)}.queue ORDER BY name`)).rows.map((row) => row.name),
        }
      : null;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      created_at: new Date().toISOString(),
      database: about[0]!.database,
      server_version: about[0]!.version,
      migrations: await appliedMigrations(client),
      schemas,
      pgboss,
      tables: await tablesInLoadOrder(client, schemas),
      sequences: await sequences(client, schemas),
      materialized_views: await materializedViews(client),
    };
    const skippedSchemas = await otherSchemasWithTables(client, schemas);
    await write(gzip, `${JSON.stringify(header)}\n`);

    const counts: TableCount[] = [];
    for (const table of header.tables) {
      await write(gzip, `${JSON.stringify({ table: tableName(table), columns: table.columns })}\n`);
      const copy = client.query(copyTo(`COPY (SELECT ${columnList(table.columns)} FROM ${qualified(table.schema, table.name)}) TO STDOUT`));
      let rows = 0;
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        rows += countLines(chunk);
        await write(gzip, chunk);
      }
      await write(gzip, `${END_OF_DATA}\n${JSON.stringify({ rows })}\n`);
      counts.push({ table: tableName(table), rows });
    }
    await write(gzip, `${JSON.stringify({ end: true, tables: counts.length, rows: counts.reduce((sum, count) => sum + count.rows, 0) })}\n`);
    await client.query('COMMIT');
    gzip.end();
    await written;
    return { tables: counts, migrations: header.migrations, skippedSchemas };
  } catch (error) {
    gzip.destroy(error as Error);
    await written.catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A backup file opened for restoring: its header first, then its tables as they stream by. */
export class LogicalBackupReader {
  /** The file's header: what it holds, read when it is opened. */
  header!: BackupHeader;

  private constructor(
    private readonly path: string,
    private readonly close: () => void,
    private readonly lines: AsyncIterator<Buffer>,
  ) {}

  /** Opens the file and reads its header; a missing, foreign or damaged file is a BackupFileError. */
  static async open(path: string): Promise<LogicalBackupReader> {
    const file = createReadStream(path);
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    file.pipe(gunzip);
    const reader = new LogicalBackupReader(
      path,
      () => {
        file.destroy();
        gunzip.destroy();
      },
      readLines(gunzip)[Symbol.asyncIterator](),
    );
    try {
      reader.header = await reader.readHeader();
      return reader;
    } catch (error) {
      reader.dispose();
      throw error;
    }
  }

  private async readHeader(): Promise<BackupHeader> {
    const notOurs = new BackupFileError(`${this.path} is not an Encore backup: it does not start with a backup header`);
    let header: Partial<BackupHeader>;
    try {
      header = JSON.parse((await this.nextLine('its header')).toString('utf8')) as Partial<BackupHeader>;
    } catch (error) {
      if (error instanceof BackupFileError) throw error;
      throw notOurs;
    }
    if (header?.format !== BACKUP_FORMAT) throw notOurs;
    if (header.version !== BACKUP_FORMAT_VERSION) {
      throw new BackupFileError(`${this.path} is an Encore backup of format version ${header.version}; this Encore reads version ${BACKUP_FORMAT_VERSION}`);
    }
    return header as BackupHeader;
  }

  /**
   * Loads every table's rows into the database `client` is connected to, in the file's order,
   * each through COPY, and checks each table's row count against the file's. Without a client,
   * only reads the file through and checks it (a restore does so before it changes anything).
   */
  async loadTables(client?: pg.ClientBase, onTable?: (count: TableCount) => void): Promise<TableCount[]> {
    const counts: TableCount[] = [];
    for (const table of this.header.tables) {
      const name = tableName(table);
      const start = this.parse(await this.nextLine(`the rows of ${name}`), `the start of ${name}`) as { table?: string };
      if (start.table !== name)
        throw new BackupFileError(`${this.path} is damaged: expected the rows of ${name}, found ${JSON.stringify(start).slice(0, 100)}`);
      const copy = client?.query(copyFrom(`COPY ${qualified(table.schema, table.name)} (${columnList(table.columns)}) FROM STDIN`));
      const copied = new Promise<void>((resolve, reject) => {
        copy?.on('finish', resolve).on('error', reject);
        if (!copy) resolve();
      });
      copied.catch(() => undefined); // awaited below
      let rows = 0;
      let batch: Buffer[] = [];
      let size = 0;
      try {
        for (;;) {
          const line = await this.nextLine(`the rows of ${name}`);
          if (line.length === 2 && line.toString('latin1') === END_OF_DATA) break;
          rows++;
          if (!copy) continue;
          batch.push(line, NEWLINE);
          size += line.length + 1;
          if (size >= BATCH_BYTES) {
            await write(copy, Buffer.concat(batch));
            batch = [];
            size = 0;
          }
        }
        if (copy && batch.length > 0) await write(copy, Buffer.concat(batch));
        copy?.end();
        await copied;
      } catch (error) {
        copy?.destroy();
        await copied.catch(() => undefined);
        if (error instanceof BackupFileError) throw error;
        throw new Error(`Loading ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      const end = this.parse(await this.nextLine(`the row count of ${name}`), `the row count of ${name}`) as { rows?: number };
      if (end.rows !== rows || (copy && copy.rowCount !== rows)) {
        throw new BackupFileError(
          `${this.path} is damaged: ${name} should have ${end.rows} rows, ${rows} were read${copy ? ` and ${copy.rowCount} loaded` : ''}`,
        );
      }
      counts.push({ table: name, rows });
      onTable?.({ table: name, rows });
    }
    const end = this.parse(await this.nextLine('its last line'), 'its last line') as { end?: boolean };
    if (end.end !== true) throw new BackupFileError(`${this.path} is damaged: unexpected data after the last table`);
    return counts;
  }

  dispose(): void {
    this.close();
  }

  private parse(line: Buffer, what: string): object {
    try {
      const value: unknown = JSON.parse(line.toString('utf8'));
      if (typeof value === 'object' && value !== null) return value;
    } catch {
      // reported below
    }
    throw new BackupFileError(`${this.path} is damaged: ${what} is not where it should be`);
  }

  private async nextLine(what: string): Promise<Buffer> {
    let result: IteratorResult<Buffer>;
    try {
      result = await this.lines.next();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new BackupFileError(`No backup file at ${this.path}`);
      if (code === 'EISDIR') throw new BackupFileError(`${this.path} is a folder, not a backup file`);
      if (code?.startsWith('Z_')) {
        const reason = code === 'Z_BUF_ERROR' ? 'it ends too early (an incomplete copy?)' : `it is not valid gzip (${(error as Error).message})`;
        throw new BackupFileError(`${this.path} is damaged: ${reason}`);
      }
      throw error;
    }
    if (result.done) throw new BackupFileError(`${this.path} is incomplete: it ends before ${what}`);
    return result.value;
  }
}

/**
 * Restores an Encore backup into the empty database at `url`: the backup's migrations (exactly
 * those, so that later ones run on the data as they would have), the job queue's tables, then
 * every row in one transaction, sequences moved past the highest ids, materialized views refreshed.
 */
export async function restoreLogicalBackup(reader: LogicalBackupReader, url: string, log: (message: string) => void): Promise<TableCount[]> {
  const { header } = reader;
  await applyBackupMigrations(url, header.migrations);
  log(`Applied the backup's ${header.migrations.length} migrations`);

  const client = await connect(url, 'encore-restore');
  try {
    if (header.pgboss) await setUpJobTables(client, header.pgboss);
    await client.query('BEGIN');
    // Without foreign key checks and triggers, as pg_restore loads data (needs a superuser; else the load order does).
    await client.query('SAVEPOINT replica');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT replica');
    }
    // Rows that migrations or the job queue's set-up wrote make way for the backup's.
    if (header.tables.length > 0) await client.query(`TRUNCATE ${header.tables.map((table) => qualified(table.schema, table.name)).join(', ')} CASCADE`);
    const counts = await reader.loadTables(client, ({ table, rows }) => log(`${table}: ${rows} rows`));
    await resetSequences(client, header);
    // They were made (empty) by the migrations: computed again from the rows just loaded.
    for (const view of header.materialized_views) {
      const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [view]);
      if (rows[0]!.exists) await client.query(`REFRESH MATERIALIZED VIEW ${view}`);
    }
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies the migrations named, from this Encore's migrations folder, and no later one. */
async function applyBackupMigrations(url: string, names: string[]): Promise<void> {
  const missing = names.filter((name) => !existsSync(join(migrationsDir, name, 'migration.sql')));
  if (missing.length > 0) {
    throw new BackupFileError(
      `The backup needs migrations this Encore does not have (${missing.join(', ')}): restore it with the Encore version that made it, or a newer one`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'encore-restore-migrations-'));
  try {
    const lock = join(migrationsDir, 'migration_lock.toml');
    if (existsSync(lock)) await copyFile(lock, join(dir, 'migration_lock.toml'));
    for (const name of names) {
      await mkdir(join(dir, name));
      await copyFile(join(migrationsDir, name, 'migration.sql'), join(dir, name, 'migration.sql'));
    }
    await applyMigrations(url, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pg-boss's schema, and a partition per queue (pg-boss makes one table per queue). */
async function setUpJobTables(client: pg.ClientBase, pgboss: NonNullable<BackupHeader['pgboss']>): Promise<void> {
  await client.query(PgBoss.getConstructionPlans(JOBS_SCHEMA));
  const schema = quoteIdent(JOBS_SCHEMA);
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${schema}.version`);
  if (rows[0]?.version !== pgboss.version) {
    throw new BackupFileError(
      `The backup's job queue tables are pg-boss schema version ${pgboss.version}, this Encore's are version ${rows[0]?.version}: restore it with the Encore version that made it`,
    );
  }
  for (const queue of pgboss.queues) await client.query(`SELECT ${schema}.create_queue($1, $2)`, [queue, JSON.stringify({ policy: 'standard' })]);
}

/** Each sequence continues after both the value it had and the highest value of the column it feeds. */
async function resetSequences(client: pg.ClientBase, header: BackupHeader): Promise<void> {
  for (const sequence of header.sequences) {
    const name = qualified(sequence.schema, sequence.name);
    const { rows: found } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [name]);
    if (!found[0]!.exists) continue;
    let value = sequence.last_value === null ? 0n : BigInt(sequence.last_value);
    const { rows: owners } = await client.query<{ table_oid: number; column_name: string }>(
      `SELECT d.refobjid::int AS table_oid, a.attname AS column_name
       FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
       WHERE d.classid = 'pg_class'::regclass AND d.objid = $1::regclass AND d.deptype IN ('a', 'i')`,
      [name],
    );
    for (const owner of owners) {
      const { rows: table } = await client.query<{ name: string }>('SELECT $1::int::regclass::text AS name', [owner.table_oid]);
      const { rows: highest } = await client.query<{ max: string | null }>(`SELECT max(${quoteIdent(owner.column_name)})::text AS max FROM ${table[0]!.name}`);
      if (highest[0]!.max !== null && BigInt(highest[0]!.max) > value) value = BigInt(highest[0]!.max);
    }
    if (value > 0n) await client.query('SELECT setval($1::regclass, $2::bigint, true)', [name, value.toString()]);
  }
}

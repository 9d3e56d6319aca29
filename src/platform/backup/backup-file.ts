import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * Encore's own backup file, used where no pg_dump of the server's version is at hand: gzip of
 *
 *   {"format":"encore-backup","version":1, ...header}        one JSON line (BackupHeader)
 *   {"table":"public.songs","columns":["id",...]}             for each table, in load order:
 *   <its rows in COPY text format, one line each>
 *   \.
 *   {"rows":5000}
 *   ...
 *   {"end":true,"tables":42,"rows":123456}                    the last line: a file without it is cut short
 */
export const BACKUP_FORMAT = 'encore-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Ends a table's rows, as in COPY's text format (a value "\." is written "\\."). */
export const END_OF_DATA = '\\.';

export interface BackupTable {
  schema: string;
  name: string;
  /** Stored columns in table order (generated ones are computed again on restore). */
  columns: string[];
}

export interface BackupSequence {
  schema: string;
  name: string;
  /** The value last handed out when the backup started, or null if none was. */
  last_value: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  created_at: string;
  /** The database backed up, and the server's version (SHOW server_version). */
  database: string;
  server_version: string;
  /** Prisma migrations applied to it, in order: a restore applies exactly these first. */
  migrations: string[];
  schemas: string[];
  /** The job queue's schema version and queues (their tables are partitions made per queue), when it has been set up. */
  pgboss: { version: number; queues: string[] } | null;
  /** In load order: a table comes after the tables it references. */
  tables: BackupTable[];
  sequences: BackupSequence[];
  /** Materialized views of any schema (made by migrations), refreshed after a restore. */
  materialized_views: string[];
}

/** What a file holds, from its first bytes: Encore's format (gzip), pg_dump's custom format, or neither. */
export async function detectBackupKind(path: string): Promise<'encore' | 'pg_dump' | 'unknown'> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(5), 0, 5, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return 'encore';
    if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
    return 'unknown';
  } finally {
    await file.close();
  }
}

/** Reads a stream as lines (without their "\n"), each a Buffer; a last line without "\n" comes too. */
export async function* readLines(stream: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf(10, start)) !== -1) {
      const piece = chunk.subarray(start, newline);
      yield pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

/** Thrown for a file that is not a backup, or a damaged or incomplete one. */
export class BackupFileError extends Error {}

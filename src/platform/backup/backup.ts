import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { projectRoot } from '../config/paths.js';
import { BackupFileError, detectBackupKind } from './backup-file.js';
import { serverMajorVersion } from './database-catalog.js';
import { LogicalBackupReader, restoreLogicalBackup, writeLogicalBackup, type TableCount } from './logical-backup.js';
import { chooseTool, runTool, toolMajorVersion, type BackupTool, type RequestedTool } from './pg-tools.js';
import { databaseOf, dropDatabase, prepareEmptyDatabase } from './target-database.js';

export { BackupFileError } from './backup-file.js';
export { RestoreRefusedError } from './target-database.js';

/** Where backups go unless --out says otherwise. */
export const BACKUPS_DIR = join(projectRoot, 'data', 'backups');

export interface BackupResult {
  tool: BackupTool;
  /** Why that tool (pg_dump matching the server, or why not). */
  reason: string;
  /** The file written, or undefined for stdout. */
  path?: string;
  bytes?: number;
  /** Rows per table (built-in backups). */
  tables?: TableCount[];
  migrations?: string[];
  skippedSchemas?: string[];
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'encore-backup' });
  await client.connect();
  try {
    return await serverMajorVersion(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** data/backups/encore-<database>-<UTC timestamp>.<backup.gz | dump> */
export function defaultBackupPath(database: string, tool: BackupTool, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  return join(BACKUPS_DIR, `encore-${database}-${stamp}.${tool === 'builtin' ? 'backup.gz' : 'dump'}`);
}

/**
 * Backs up the database at `url` to `out` (a path, or a stream such as stdout): with pg_dump
 * (custom format) when one of the server's version is on PATH, else Encore's built-in format.
 * A file is written under a temporary name first: an interrupted backup leaves no file that looks whole.
 */
export async function backupDatabase(url: string, options: { out?: string | Writable; tool?: RequestedTool }): Promise<BackupResult> {
  const { tool, reason } = chooseTool(options.tool ?? 'auto', 'pg_dump', await toolMajorVersion('pg_dump'), await serverMajor(url));
  const run = async (output: Writable | string) => {
    if (tool === 'builtin') return writeLogicalBackup(url, typeof output === 'string' ? createWriteStream(output) : output);
    await runTool(
      'pg_dump',
      ['--format=custom', ...(typeof output === 'string' ? [`--file=${output}`] : [])],
      url,
      typeof output === 'string' ? undefined : output,
    );
    return undefined;
  };
  if (options.out !== undefined && typeof options.out !== 'string') {
    const summary = await run(options.out);
    return { tool, reason, ...(summary && { tables: summary.tables, migrations: summary.migrations, skippedSchemas: summary.skippedSchemas }) };
  }
  const path = resolve(options.out ?? defaultBackupPath(databaseOf(url), tool));
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  try {
    const summary = await run(partial);
    await rename(partial, path);
    return {
      tool,
      reason,
      path,
      bytes: (await stat(path)).size,
      ...(summary && { tables: summary.tables, migrations: summary.migrations, skippedSchemas: summary.skippedSchemas }),
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export interface RestoreOptions {
  /** The backup file. */
  from: string;
  /** The database to restore into, on the server of `serverUrl` (default: the one in `serverUrl`). */
  database?: string;
  /** Replace a database that is not empty. */
  force?: boolean;
  log?: (message: string) => void;
}

export interface RestoreResult {
  tool: BackupTool;
  database: string;
  url: string;
  tables?: TableCount[];
  migrations?: string[];
}

/**
 * Restores a backup (either format, told by its first bytes) into an empty database: the file
 * is checked through before any database is touched; a database this restore created is
 * dropped again if the restore fails.
 */
export async function restoreDatabase(serverUrl: string, options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const from = resolve(options.from);
  const info = await stat(from).catch(() => undefined);
  if (!info) throw new BackupFileError(`No backup file at ${from}`);
  if (!info.isFile()) throw new BackupFileError(`${from} is not a file`);
  const kind = await detectBackupKind(from);
  if (kind === 'unknown') throw new BackupFileError(`${from} is not a backup: neither Encore's backup format (gzip) nor pg_dump's custom format`);
  const database = options.database ?? databaseOf(serverUrl);

  if (kind === 'pg_dump') {
    const major = await toolMajorVersion('pg_restore');
    if (major === undefined) throw new BackupFileError(`${from} was written by pg_dump: restoring it needs pg_restore on PATH`);
    const target = await prepareEmptyDatabase(serverUrl, database, options.force ?? false, log);
    try {
      await runTool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', from], target.url);
    } catch (error) {
      if (target.created) await dropDatabase(serverUrl, database).catch(() => undefined);
      throw error;
    }
    return { tool: 'pg_dump', database, url: target.url };
  }

  // The whole file is read through once first: a damaged or cut-short file changes nothing.
  const check = await LogicalBackupReader.open(from);
  try {
    await check.loadTables();
  } finally {
    check.dispose();
  }
  const reader = await LogicalBackupReader.open(from);
  try {
    const target = await prepareEmptyDatabase(serverUrl, database, options.force ?? false, log);
    try {
      const tables = await restoreLogicalBackup(reader, target.url, log);
      return { tool: 'builtin', database, url: target.url, tables, migrations: reader.header.migrations };
    } catch (error) {
      if (target.created) await dropDatabase(serverUrl, database).catch(() => undefined);
      throw error;
    }
  } finally {
    reader.dispose();
  }
}

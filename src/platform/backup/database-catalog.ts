import pg from 'pg';
import { readSchemaFiles } from '../database/migrations.js';
import { JOBS_SCHEMA } from '../jobs/job-queue.service.js';
import type { BackupSequence, BackupTable } from './backup-file.js';

/** Prisma's own bookkeeping: a restore rebuilds it by applying the migrations. */
export const MIGRATIONS_TABLE = '_prisma_migrations';
/** SQL: `column` names a schema of PostgreSQL's own. */
const isSystemSchema = (column: string) => `(${column} IN ('pg_catalog', 'information_schema') OR ${column} LIKE 'pg\\_%')`;

export const quoteIdent = (name: string) => pg.escapeIdentifier(name);
export const qualified = (schema: string, name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** The schemas the Prisma schema declares (datasource `schemas`, else public). */
export async function prismaSchemas(): Promise<string[]> {
  for (const file of await readSchemaFiles()) {
    const list = /datasource\s+\w+\s*\{[^}]*?\bschemas\s*=\s*\[([^\]]*)\]/s.exec(file.content)?.[1];
    if (list) return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  }
  return ['public'];
}

/** Encore's schemas that exist in this database: Prisma's and the job queue's. */
export async function encoreSchemas(client: pg.ClientBase): Promise<string[]> {
  const wanted = [...(await prismaSchemas()), JOBS_SCHEMA];
  const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)', [wanted]);
  const present = new Set(rows.map((row) => row.nspname));
  return wanted.filter((schema) => present.has(schema));
}

/** Schemas with tables that are not Encore's (made by hand, or by another tool): a backup leaves them out and says so. */
export async function otherSchemasWithTables(client: pg.ClientBase, schemas: string[]): Promise<string[]> {
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT DISTINCT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT ${isSystemSchema('n.nspname')} AND n.nspname <> ALL($1) ORDER BY 1`,
    [schemas],
  );
  return rows.map((row) => row.nspname);
}

/**
 * Every table of `schemas` with its stored columns, in an order that loads referenced tables
 * first (partitions are left out: their partitioned table holds their rows).
 */
export async function tablesInLoadOrder(client: pg.ClientBase, schemas: string[]): Promise<BackupTable[]> {
  const { rows: tables } = await client.query<{ oid: number; schema: string; name: string; columns: string[] }>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND NOT (n.nspname = 'public' AND c.relname = $2)
     GROUP BY c.oid, n.nspname, c.relname
     ORDER BY n.nspname, c.relname`,
    [schemas, MIGRATIONS_TABLE],
  );
  // Foreign keys between the tables (a partition's counted as its partitioned table's).
  const { rows: references } = await client.query<{ child: number; parent: number }>(
    `SELECT DISTINCT pg_partition_root(conrelid)::oid::int AS child, pg_partition_root(confrelid)::oid::int AS parent
     FROM pg_constraint WHERE contype = 'f'`,
  );
  const byOid = new Map(tables.map((table) => [table.oid, table]));
  const needs = new Map(tables.map((table) => [table.oid, new Set<number>()]));
  for (const { child, parent } of references) {
    if (child !== parent && byOid.has(child) && byOid.has(parent)) needs.get(child)!.add(parent);
  }
  const ordered: typeof tables = [];
  const placed = new Set<number>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table.oid) && [...needs.get(table.oid)!].every((oid) => placed.has(oid)));
    // A cycle of foreign keys: load the rest as they come (a restore turns foreign key checks off when it may).
    const next = ready.length > 0 ? ready : tables.filter((table) => !placed.has(table.oid));
    for (const table of next) {
      ordered.push(table);
      placed.add(table.oid);
    }
  }
  return ordered.map(({ schema, name, columns }) => ({ schema, name, columns }));
}

export async function sequences(client: pg.ClientBase, schemas: string[]): Promise<BackupSequence[]> {
  const { rows } = await client.query<BackupSequence>(
    `SELECT schemaname AS schema, sequencename AS name, last_value::text AS last_value
     FROM pg_sequences WHERE schemaname = ANY($1) ORDER BY 1, 2`,
    [schemas],
  );
  return rows;
}

/** Materialized views of every schema (the reporting views too): migrations make them, a restore refreshes them. */
export async function materializedViews(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT schemaname AS schema, matviewname AS name FROM pg_matviews WHERE NOT ${isSystemSchema('schemaname')} ORDER BY 1, 2`,
  );
  return rows.map((row) => qualified(row.schema, row.name));
}

/** Migrations recorded as applied, in order (none when Prisma's table is missing). */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = $1`, [MIGRATIONS_TABLE]);
  if (exists.length === 0) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM public.${quoteIdent(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

/** Relations (tables, views, sequences, ...) outside the system schemas, other than extensions' own. */
export async function userRelationCount(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT ${isSystemSchema('n.nspname')}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`,
  );
  return rows[0]!.count;
}

/** The server's major version (18 for 18.1). */
export async function serverMajorVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';
import { projectRoot } from '../config/paths.js';

/**
 * Prisma migrations through Prisma's WebAssembly schema engine: the native engine that
 * `prisma migrate` needs is a download we cannot rely on, the wasm one ships on npm.
 * The migrations folder stays in Prisma's own format.
 */
export const schemaDir = join(projectRoot, 'prisma', 'schema');
export const migrationsDir = join(projectRoot, 'prisma', 'migrations');

/** Each migration folder keeps the schema it was made from, to diff the next migration against. */
export const SCHEMA_SNAPSHOT_FILE = 'schema.prisma.snapshot';

const noFilters = { externalTables: [], externalEnums: [] };

/** All *.prisma files of a schema folder (Prisma's multi-file schema). */
export async function readSchemaFiles(dir = schemaDir): Promise<SchemaContainer[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.prisma')).sort();
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), content: await readFile(join(dir, name), 'utf8') })));
}

export async function migrationNames(dir = migrationsDir): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      (await migrationNames(dir)).map(async (name) => {
        const file = join(dir, name, 'migration.sql');
        return {
          path: name,
          migrationFile: { path: relative(dir, file), content: { tag: 'ok' as const, value: await readFile(file, 'utf8') } },
        };
      }),
    ),
  };
}

/** The slice of the WebAssembly global we use (@types/node 20 does not declare it). */
declare const WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }> };
const wasmRuntime = WebAssembly;

type EngineBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let engineReady: Promise<EngineBindings['SchemaEngine']> | undefined;

/**
 * The package targets bundlers (`import x from './x.wasm'`); Node instantiates it by hand. Loaded
 * on first use: the engine and its wasm memory take about 35 MB that a restart without pending
 * migrations does not need.
 */
function loadEngine(): Promise<EngineBindings['SchemaEngine']> {
  engineReady ??= (async () => {
    const engineBindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindingsPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const { instance } = await wasmRuntime.instantiate(await readFile(bindingsPath.replace(/\.js$/, '.wasm')), {
      './schema_engine_bg.js': withUnrefTimers(engineBindings),
    });
    const exports = instance.exports as { __wbindgen_start(): void };
    engineBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return engineBindings.SchemaEngine;
  })();
  return engineReady;
}

/**
 * The engine leaves a 10 s timer pending after its work, which would keep a CLI command
 * alive that long: its timers must not hold the process open.
 */
function withUnrefTimers(bindings: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(bindings).map(([name, value]) =>
      name.startsWith('__wbg_setTimeout_') && typeof value === 'function'
        ? [name, (...args: unknown[]) => (value(...args) as NodeJS.Timeout).unref()]
        : [name, value],
    ),
  );
}

/** pg-pool awaits a promise its onConnect hook returns before handing the client out; @types/pg declares the hook void. */
type PoolConfigWithAwaitedHook = pg.PoolConfig & { onConnect: (client: pg.ClientBase) => Promise<unknown> };

async function withEngine<T>(url: string, run: (engine: SchemaEngine, pool: pg.Pool) => Promise<T>): Promise<T> {
  const schemaFiles = await readSchemaFiles();
  // Our own pool, so every connection is closed afterwards (freeing the engine does not).
  // The engine commits statement by statement, about 640 commits for a new database, each
  // waiting for the disk unless told not to (docs/benchmarks.md). A crash can then lose only the
  // newest commits, as if it had come earlier; applyMigrations flushes them all once at the end.
  const config: PoolConfigWithAwaitedHook = { connectionString: url, max: 2, onConnect: (client) => client.query('SET synchronous_commit = off') };
  const pool = new pg.Pool(config);
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const errors: string[] = [];
  const engine = await (
    await loadEngine()
  ).new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
    (log: string) => {
      if (/"level":"(ERROR|WARN)"/.test(log)) errors.push(log);
    },
    adapter,
  );
  try {
    return await run(engine, pool);
  } catch (error) {
    throw new Error(`Schema engine failed: ${describe(error)}${errors.length ? `\n${errors.join('\n')}` : ''}`, {
      cause: error,
    });
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(url: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  const names = migrationsList.migrationDirectories.map((migration) => migration.path);
  if (await allApplied(url, names)) return [];
  return withEngine(url, async (engine, pool) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    // A transaction with an id commits synchronously, flushing every commit before it to disk.
    await pool.query('SET synchronous_commit = on; SELECT pg_current_xact_id()');
    return appliedMigrationNames;
  });
}

/**
 * Whether `_prisma_migrations` records every one of `names` as applied and no migration as
 * failed: then the engine would apply nothing, and a restart skips loading it. Anything else
 * (no table yet, a pending or failed migration) is the engine's to handle and report.
 */
async function allApplied(url: string, names: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [table],
    } = await client.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`);
    if (!table?.exists) return false;
    const { rows } = await client.query<{ migration_name: string; applied: boolean }>(
      'SELECT migration_name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS applied FROM _prisma_migrations WHERE rolled_back_at IS NULL',
    );
    if (rows.some((row) => !row.applied)) return false;
    const applied = new Set(rows.map((row) => row.migration_name));
    return names.every((name) => applied.has(name));
  } finally {
    await client.end();
  }
}

/** SQL that turns a database described by `from` (or an empty one) into one described by `to`. */
export async function diffSchemas(url: string, from: SchemaContainer[] | 'empty', to: SchemaContainer[]): Promise<string> {
  return withEngine(url, async (engine) => {
    const { stdout } = await engine.diff({
      from: from === 'empty' ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: from },
      to: { tag: 'schemaDatamodel', files: to },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return stdout ?? '';
  });
}

/** The schema the newest migration was made from (its snapshot), or undefined when there is none. */
export async function lastMigratedSchema(dir = migrationsDir): Promise<SchemaContainer[] | undefined> {
  const last = (await migrationNames(dir)).at(-1);
  if (!last) return undefined;
  const path = join(dir, last, SCHEMA_SNAPSHOT_FILE);
  return [{ path, content: await readFile(path, 'utf8') }];
}

/** One file holding every schema file, as stored in a migration's snapshot. */
export function joinSchemaFiles(files: SchemaContainer[]): string {
  return files.map((file) => `// ${relative(projectRoot, file.path)}\n${file.content.trimEnd()}\n`).join('\n');
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) return JSON.stringify(error);
  return String(error);
}

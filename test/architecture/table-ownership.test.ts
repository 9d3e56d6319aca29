import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredTables, tableWrites } from './table-writes.js';

/**
 * Each table belongs to the module whose prisma/schema file declares it, and only that module's
 * code writes it: another module calls the owner's service (docs/architecture.md, "Tables").
 */
const OWNER_OF_SCHEMA_FILE: Record<string, string> = {
  'analytics.prisma': 'features/analytics',
  'auth.prisma': 'features/auth',
  'catalog.prisma': 'features/catalog',
  'chinook.prisma': 'features/genre',
  'leads.prisma': 'features/leads',
  'payments.prisma': 'features/payments',
  'playlists.prisma': 'features/playlists',
  'predictions.prisma': 'features/hit-prediction',
  'songs.prisma': 'features/dataset',
  'subscriptions.prisma': 'features/subscriptions',
  'mail.prisma': 'platform/mail',
  'models.prisma': 'platform/models',
  'request-limits.prisma': 'platform/request-limits',
  'settings.prisma': 'platform/settings',
};

/** Files whose SQL names its table through an expression, and why that is not another module's table. */
const TABLES_CHOSEN_AT_RUN_TIME: Record<string, string> = {
  'platform/backup/logical-backup.ts': 'a restore writes back every table of the backup, whoever owns it',
  'features/genre/chinook/chinook-import.service.ts': "the Chinook import loads CHINOOK_TABLES, genre's own",
};

const root = join(import.meta.dirname, '../..');
const schemaDir = join(root, 'prisma/schema');
const schemaFiles = readdirSync(schemaDir)
  .filter((name) => name.endsWith('.prisma'))
  .map((name) => ({ name, text: readFileSync(join(schemaDir, name), 'utf8') }));
const tables = declaredTables(schemaFiles);
const ownerOfTable = new Map(tables.map((table) => [table.table, OWNER_OF_SCHEMA_FILE[table.schemaFile]]));
const sourceFiles = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((path) => path.endsWith('.ts') && !path.startsWith('generated/'));
const writes = sourceFiles.flatMap((path) => tableWrites(path, readFileSync(join(root, 'src', path), 'utf8'), tables).map((write) => ({ path, ...write })));

/** The module a source file belongs to: features/<name> or platform/<name>; elsewhere (cli, the composition root) none. */
function moduleOf(path: string): string | undefined {
  return /^((?:features|platform)\/[^/]+)\//.exec(path)?.[1];
}

describe('table ownership', () => {
  it('gives every schema file that declares a model an owning module', () => {
    const unowned = schemaFiles.filter((file) => /^model\s/m.test(file.text) && OWNER_OF_SCHEMA_FILE[file.name] === undefined).map((file) => file.name);
    expect(unowned).toEqual([]);
  });

  it('finds the writes of every owning module (the scan sees the code it checks)', () => {
    const writers = new Set(writes.filter((write) => write.table === undefined || ownerOfTable.has(write.table)).map((write) => moduleOf(write.path)));
    expect([...new Set(Object.values(OWNER_OF_SCHEMA_FILE))].filter((owner) => !writers.has(owner))).toEqual([]);
  });

  it("has no module write another module's table", () => {
    const trespasses = writes
      .filter((write) => write.table !== undefined && ownerOfTable.has(write.table) && ownerOfTable.get(write.table) !== moduleOf(write.path))
      .map((write) => `src/${write.path}:${write.line} ${write.how} writes ${write.table}, owned by ${ownerOfTable.get(write.table!)}`);
    expect(trespasses).toEqual([]);
  });

  it('names a table chosen at run time only where the list above says why', () => {
    const dynamic = [...new Set(writes.filter((write) => write.table === undefined).map((write) => write.path))].sort();
    expect(dynamic).toEqual(Object.keys(TABLES_CHOSEN_AT_RUN_TIME).sort());
  });
});

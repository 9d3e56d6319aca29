import type { Command } from 'commander';
import { Option } from 'commander';
import { backupDatabase, restoreDatabase } from '../platform/backup/backup.js';
import { migrationNames } from '../platform/database/migrations.js';
import type { CliContext } from './context.js';

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function registerBackupCommands(program: Command, context: CliContext): void {
  program
    .command('backup')
    .description("back up the app's database: pg_dump when one of the server's version is on PATH, else Encore's built-in format")
    .option('--out <file>', 'where to write it ("-" for stdout); default data/backups/encore-<database>-<time>.backup.gz (or .dump)')
    .addOption(new Option('--tool <tool>', 'auto: pg_dump if it matches the server, else built-in').choices(['auto', 'pg_dump', 'builtin']).default('auto'))
    .action((options: { out?: string; tool: 'auto' | 'pg_dump' | 'builtin' }) =>
      context.withDatabase(async (server) => {
        const toStdout = options.out === '-';
        const result = await backupDatabase(server.url, { out: toStdout ? process.stdout : options.out, tool: options.tool });
        const report = toStdout ? (message: string) => context.log(message) : (message: string) => context.out(message);
        const format = result.tool === 'builtin' ? `Encore's built-in format (${result.reason})` : `pg_dump custom format (${result.reason})`;
        if (result.tables) {
          const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
          report(`Backed up ${result.tables.length} tables (${count(rows)} rows) at migration ${result.migrations?.at(-1) ?? 'none'} in ${format}`);
        } else {
          report(`Backed up with ${format}`);
        }
        if (result.skippedSchemas?.length) context.log(`Not backed up (not Encore's): schemas ${result.skippedSchemas.join(', ')}`);
        if (result.path) report(`Wrote ${result.path} (${megabytes(result.bytes ?? 0)})`);
      }),
    );

  program
    .command('restore')
    .description('restore a backup (either format) into an empty database, applying its migrations first')
    .requiredOption('--from <file>', 'the backup file')
    .option('--database <name>', "the database to restore into, created when missing (default: the app's own)")
    .option('--force', 'replace the database even though it is not empty: everything in it is deleted')
    .action((options: { from: string; database?: string; force?: boolean }) =>
      context.withDatabase(async (server) => {
        const result = await restoreDatabase(server.url, {
          from: options.from,
          database: options.database,
          force: options.force,
          log: (message) => context.log(message),
        });
        if (result.tables) {
          const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
          context.out(
            `Restored ${result.tables.length} tables (${count(rows)} rows) into the database "${result.database}" at migration ${result.migrations?.at(-1) ?? 'none'}`,
          );
          const later = (await migrationNames()).filter((name) => !result.migrations?.includes(name));
          if (later.length > 0)
            context.out(`This Encore has ${later.length} later migrations (${later.join(', ')}): the next start, or npm run db:migrate, applies them.`);
        } else {
          context.out(`Restored with pg_restore into the database "${result.database}"`);
        }
      }),
    );
}

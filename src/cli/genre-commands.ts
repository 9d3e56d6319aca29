import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ChinookImportService } from '../features/genre/chinook/chinook-import.service.js';
import { CHINOOK_TABLES } from '../features/genre/chinook/chinook-tables.js';
import { DEMO_STORE_CUSTOMERS, DemoStoreService } from '../features/genre/demo/demo-store.service.js';
import type { CliContext } from './context.js';
import { positiveInteger } from './options.js';

const genreFeature = async () => [(await import('../features/genre/genre.module.js')).GenreModule];

export function registerGenreCommands(program: Command, context: CliContext): void {
  program
    .command('import-chinook')
    .description('load the standard Chinook PostgreSQL script into schema "chinook", or the demo store (replaces its contents)')
    .argument('[file.sql]', 'e.g. Chinook_PostgreSql.sql from the Chinook project')
    .option('--demo', "fill the schema with Encore's synthetic demo store instead")
    .option('--customers <n>', 'demo store: number of customers', (value) => positiveInteger(value), DEMO_STORE_CUSTOMERS)
    .action(async (path: string | undefined, options: { demo?: boolean; customers: number }) => {
      if (Boolean(path) === Boolean(options.demo)) throw new Error('Give either a Chinook .sql file or --demo.');
      if (path && !existsSync(path)) throw new Error(`File not found: ${path}`);
      const script = path ? await readFile(path, 'utf8') : '';
      await context.withApp(async (app) => {
        const counts = path
          ? await app.get(ChinookImportService).importScript(script, basename(path))
          : await app.get(DemoStoreService).import(options.customers);
        context.out(`Filled schema chinook from ${path ?? 'the demo store generator'}:`);
        for (const table of CHINOOK_TABLES) context.out(`  ${table.padEnd(15)} ${counts[table].toLocaleString('en-US').padStart(9)} rows`);
      }, genreFeature);
    });
}

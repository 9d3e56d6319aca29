import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ChinookImportService } from '../genre/chinook/chinook-import.service.js';
import { CHINOOK_TABLES } from '../genre/chinook/chinook-tables.js';
import type { CliContext } from './context.js';

export function registerGenreCommands(program: Command, context: CliContext): void {
  program
    .command('import-chinook')
    .description('load the standard Chinook PostgreSQL script into schema "chinook" (replaces its contents)')
    .argument('<file.sql>', 'e.g. Chinook_PostgreSql.sql from the Chinook project')
    .action(async (path: string) => {
      if (!existsSync(path)) throw new Error(`File not found: ${path}`);
      const script = await readFile(path, 'utf8');
      await context.withApp(async (app) => {
        const counts = await app.get(ChinookImportService).importScript(script, basename(path));
        context.out(`Imported ${path} into schema chinook:`);
        for (const table of CHINOOK_TABLES) context.out(`  ${table.padEnd(15)} ${counts[table].toLocaleString('en-US').padStart(7)} rows`);
      });
    });
}

import '../heap-growth.js';
import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '../platform/config/app-config.js';
import { registerAccountCommands } from './account-commands.js';
import { registerApiDocumentCommands } from './api-document-commands.js';
import { registerAnalyticsCommands } from './analytics-commands.js';
import { registerBackupCommands } from './backup-commands.js';
import { CliContext } from './context.js';
import { registerDatabaseCommands } from './database-commands.js';
import { registerDemoCommands } from './demo-commands.js';
import { registerGenreCommands } from './genre-commands.js';
import { registerModelCommands } from './model-commands.js';
import { registerReportingCommands } from './reporting-commands.js';
import { registerSongsCommands } from './songs-commands.js';

const program = new Command('encore').description('Operational commands for Encore (npm run cli -- <command> [options])').showHelpAfterError();
const context = new CliContext();
registerDatabaseCommands(program, context);
registerSongsCommands(program, context);
registerModelCommands(program, context);
registerGenreCommands(program, context);
registerAccountCommands(program, context);
registerAnalyticsCommands(program, context);
registerBackupCommands(program, context);
registerReportingCommands(program, context);
registerDemoCommands(program, context);
registerApiDocumentCommands(program, context);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import type { Command } from 'commander';
import { createLogger } from '../platform/logging/create-logger.js';
import type { CliContext } from './context.js';

export function registerApiDocumentCommands(program: Command, context: CliContext): void {
  program
    .command('api-document')
    .description("print the app's OpenAPI document (as /api/docs-json serves it), without a database")
    .action(async () => {
      // Loaded here: the other commands skip reading the HTTP app's modules.
      const { createApiDocumentWithoutDatabase } = await import('../app.js');
      // Logs on stderr: stdout is the document.
      const logger = createLogger('warn', { format: context.config.logFormat, stream: 'stderr' });
      context.out(JSON.stringify(await createApiDocumentWithoutDatabase(context.config, logger)));
    });
}

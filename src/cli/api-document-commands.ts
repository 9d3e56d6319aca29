import type { Command } from 'commander';
import { createLogger } from '../platform/logging/create-logger.js';
import type { CliContext } from './context.js';

/** Never contacted: the app is built for its routes and DTOs, not initialised, so nothing connects. */
const UNUSED_DATABASE_URL = 'postgresql://localhost/encore-unused';

export function registerApiDocumentCommands(program: Command, context: CliContext): void {
  program
    .command('api-document')
    .description("print the app's OpenAPI document (as /api/docs-json serves it), without a database; npm run web:api-types reads it")
    .action(async () => {
      // Loaded here: the other commands skip reading the HTTP app's modules.
      const { createApp } = await import('../app.js');
      const { createOpenApiDocument } = await import('../openapi-document.js');
      // Logs on stderr: stdout is the document.
      const logger = createLogger('warn', { format: context.config.logFormat, stream: 'stderr' });
      const app = await createApp(context.config, UNUSED_DATABASE_URL, undefined, logger);
      try {
        context.out(JSON.stringify(createOpenApiDocument(app)));
      } finally {
        await app.close();
      }
    });
}

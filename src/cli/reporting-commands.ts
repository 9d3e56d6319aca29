import type { Command } from 'commander';
import pg from 'pg';
import { applyMigrations } from '../platform/database/migrations.js';
import { DEFAULT_BI_CONNECTION_LIMIT, ensureBiRole, generateBiPassword, validateBiPassword, validateBiRoleName } from '../features/reporting/bi-role.js';
import { REPORTING_REFRESH_CRON, REPORTING_REFRESH_QUEUE } from '../features/reporting/reporting-refresh.job.js';
import { ReportingService } from '../features/reporting/reporting.service.js';
import type { CliContext } from './context.js';
import { positiveInteger } from './options.js';

const reportingFeature = async () => [(await import('../features/reporting/reporting.module.js')).ReportingModule];

/** Where a BI tool connects: the server and database of the URL the CLI uses. */
function connectionFacts(url: string): { host: string; port: number; database: string } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(parsed.port) || 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}

const LOOPBACK = /^(127\.|localhost$|::1$)/;

export function registerReportingCommands(program: Command, context: CliContext): void {
  program
    .command('refresh-reporting')
    .description(`refresh the materialized views of schema reporting now (the ${REPORTING_REFRESH_QUEUE} job does, "${REPORTING_REFRESH_CRON}" UTC)`)
    .action(() =>
      context.withApp(async (app) => {
        const report = await app.get(ReportingService).refresh();
        const width = Math.max(0, ...report.views.map((entry) => entry.view.length));
        for (const entry of report.views) {
          context.out(
            `${entry.view.padEnd(width)}  ${entry.rows.toLocaleString('en-US').padStart(9)} rows  ${entry.ms.toFixed(1).padStart(8)} ms${entry.concurrently ? '' : '  (first fill, not concurrent)'}`,
          );
        }
        context.out(`Refreshed ${report.views.length} materialized views in ${report.total_ms.toFixed(1)} ms.`);
      }, reportingFeature),
    );

  program
    .command('create-bi-user')
    .description(
      'create a read-only PostgreSQL login for Power BI and other SQL clients that reads schema reporting and nothing else, or give an existing one a new password',
    )
    .requiredOption('--name <name>', 'the login name: lower-case letters, digits and underscores, e.g. powerbi')
    .option('--password <password>', '12 to 128 printable ASCII characters; left out, a strong one is generated and printed once')
    .option('--connection-limit <n>', 'connections the login may hold at once', (value) => positiveInteger(value), DEFAULT_BI_CONNECTION_LIMIT)
    .action(async (options: { name: string; password?: string; connectionLimit: number }) => {
      // Refuse a bad name or password before starting anything.
      validateBiRoleName(options.name);
      if (options.password !== undefined) validateBiPassword(options.password);
      const password = options.password ?? generateBiPassword();
      await context.withDatabase(async (server) => {
        const applied = await applyMigrations(server.url);
        if (applied.length > 0) context.log(`Applied migrations: ${applied.join(', ')}`);
        const client = new pg.Client({ connectionString: server.url, application_name: 'encore-cli' });
        await client.connect();
        try {
          const result = await ensureBiRole(client, { name: options.name, password, connectionLimit: options.connectionLimit });
          const { host, port } = connectionFacts(server.url);
          context.out(`${result.created ? 'Created' : 'Updated'} BI user ${result.name}: reads schema reporting only.`);
          context.out('');
          context.out(`  Host:      ${host}`);
          context.out(`  Port:      ${port}`);
          context.out(`  Database:  ${result.database}`);
          context.out(`  User:      ${result.name}`);
          context.out(
            options.password === undefined
              ? `  Password:  ${password}   (generated: shown only this once, keep it now)`
              : '  Password:  the one given with --password',
          );
          context.out('');
          context.out(
            `Power BI Desktop: Get Data > PostgreSQL database, Server "${host}:${port}", Database "${result.database}", then Database credentials with this user and password.`,
          );
          if (LOOPBACK.test(host))
            context.out(
              `The server at ${host} takes connections from this machine only: run Power BI here, or reach it through an SSH tunnel, or use a server other machines can reach (DATABASE_URL, Docker).`,
            );
          context.out('');
          context.out(`Granted: ${result.grants.join('; ')}.`);
          context.out(`Taken from PUBLIC (every role; the role running this keeps them): ${result.revokedFromPublic.join(', ')}.`);
        } finally {
          await client.end();
        }
      });
    });
}

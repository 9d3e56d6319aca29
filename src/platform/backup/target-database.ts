import pg from 'pg';
import { withDatabase } from '../database/connection-string.js';
import { quoteIdent, userRelationCount } from './database-catalog.js';

/** A restore that would overwrite data without --force. */
export class RestoreRefusedError extends Error {}

const DATABASE_NAME = /^[A-Za-z_][\w-]{0,62}$/;

/** The database named in a connection string (encore in postgresql://.../encore). */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'encore-restore' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection to another database of the server, to create or drop `database` from. */
async function maintenanceClient(serverUrl: string, database: string): Promise<pg.Client> {
  let lastError: unknown;
  for (const name of ['postgres', 'template1'].filter((candidate) => candidate !== database)) {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, name), application_name: 'encore-restore' });
    try {
      await client.connect();
      return client;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
    }
  }
  throw lastError;
}

export interface PreparedDatabase {
  url: string;
  /** True when it did not exist before this restore (it is dropped again if the restore fails). */
  created: boolean;
}

/**
 * An empty database named `database` on the server of `serverUrl`: created when missing, used
 * when empty; one with anything in it is refused unless `force`, which drops and recreates it.
 */
export async function prepareEmptyDatabase(serverUrl: string, database: string, force: boolean, log: (message: string) => void): Promise<PreparedDatabase> {
  if (!DATABASE_NAME.test(database))
    throw new RestoreRefusedError(`"${database}" is not a database name to restore into: letters, digits, _ and -, starting with a letter or _, at most 63`);
  const url = withDatabase(serverUrl, database);
  const admin = await maintenanceClient(serverUrl, database);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE template0`);
      log(`Created the database "${database}"`);
      return { url, created: true };
    }
    const relations = await withClient(url, userRelationCount);
    if (relations === 0) return { url, created: false };
    if (!force) {
      throw new RestoreRefusedError(
        `The database "${database}" is not empty (${relations} tables, views or sequences). Restore into a new database with --database NAME, or add --force to replace "${database}" and everything in it.`,
      );
    }
    log(`Replacing the database "${database}" (--force): its connections are closed and its data deleted`);
    await admin.query(`DROP DATABASE ${quoteIdent(database)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE template0`);
    // Not `created`: after a failure an empty database of that name is better than none.
    return { url, created: false };
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Drops a database this restore created, after a failure. */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = await maintenanceClient(serverUrl, database);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

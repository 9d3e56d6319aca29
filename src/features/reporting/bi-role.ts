import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { REPORTING_SCHEMA, quoteIdentifier } from './reporting.service.js';

/** Lower-case letters, digits and underscores, starting with a letter or underscore: PostgreSQL's unquoted identifiers, as typed in a login box. */
const ROLE_NAME = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL's limit on identifiers (NAMEDATALEN - 1 bytes). */
const MAX_NAME_LENGTH = 63;
/** Names PostgreSQL reserves or that mean something else where a role is expected. */
const RESERVED_NAMES = new Set(['public', 'none', 'current_user', 'current_role', 'session_user', 'user']);
const PASSWORD = /^[\x20-\x7e]+$/;
const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 128;

/** Settings every BI login gets (ALTER ROLE ... SET): the role reads, briefly, in the reporting schema. */
export const BI_ROLE_SETTINGS: Record<string, string> = {
  statement_timeout: '60s',
  default_transaction_read_only: 'on',
  idle_in_transaction_session_timeout: '300s',
  search_path: REPORTING_SCHEMA,
};
export const DEFAULT_BI_CONNECTION_LIMIT = 10;
/** Marks roles this command made (COMMENT ON ROLE), so another run may update them. */
const ROLE_COMMENT = `Encore BI user: reads schema ${REPORTING_SCHEMA} only (npm run cli -- create-bi-user)`;

/** A refused name, password or role, with a message meant for the person at the command line. */
export class BiRoleError extends Error {}

export function validateBiRoleName(name: string): void {
  if (!ROLE_NAME.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new BiRoleError(
      `Invalid BI user name "${name}": use 1 to ${MAX_NAME_LENGTH} lower-case letters, digits and underscores, starting with a letter or an underscore (e.g. powerbi).`,
    );
  }
  if (name.startsWith('pg_')) throw new BiRoleError(`Invalid BI user name "${name}": names starting with pg_ are reserved by PostgreSQL.`);
  if (RESERVED_NAMES.has(name)) throw new BiRoleError(`Invalid BI user name "${name}": PostgreSQL reserves it; choose another name (e.g. powerbi).`);
}

export function validateBiPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH || !PASSWORD.test(password)) {
    throw new BiRoleError(
      `Invalid BI password: use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} printable ASCII characters (letters, digits, punctuation, spaces), or leave --password out to have one generated.`,
    );
  }
}

/** 32 URL-safe characters from 24 random bytes (192 bits). */
export function generateBiPassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677, PostgreSQL's
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`). Sending the verifier instead of
 * the password keeps the password out of the server's statement logs. ASCII passwords only:
 * SASLprep leaves them as they are.
 */
export function scramSha256Verifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export interface BiRoleOptions {
  name: string;
  password: string;
  connectionLimit?: number;
}

export interface BiRoleResult {
  created: boolean;
  name: string;
  database: string;
  connectionLimit: number;
  /** What the role may do, in words. */
  grants: string[];
  /** Privileges taken from PUBLIC (every role) on this database, kept for the role running the command. */
  revokedFromPublic: string[];
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

interface ExistingRole {
  rolsuper: boolean;
  rolcreatedb: boolean;
  rolcreaterole: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  /** The roles it is a member of. */
  member_of: string[];
  owns_objects: boolean;
  comment: string | null;
}

/** Why an existing role must not be turned into a BI user, or undefined when it may. */
function unsuitable(role: ExistingRole, name: string, me: string): string | undefined {
  if (name === me) return `it is the role this command runs as`;
  if (role.owns_objects) return 'it owns databases or objects';
  // One of ours: its attributes and memberships are set right again below.
  if (role.comment === ROLE_COMMENT) return undefined;
  if (role.rolsuper) return 'it is a superuser';
  if (role.rolcreatedb || role.rolcreaterole || role.rolreplication || role.rolbypassrls)
    return 'it may create databases or roles, replicate or bypass row security';
  if (role.member_of.length > 0) return 'it is a member of other roles';
  return undefined;
}

/**
 * Creates the LOGIN role `name` (or updates its password and settings) so that it can read the
 * reporting schema and nothing else: NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT, CONNECT on this
 * database, USAGE on schema reporting, SELECT on its views and materialized views (and on those
 * created later, through default privileges of the schema's owner), no privileges anywhere else,
 * read-only transactions and a 60 s statement timeout. TEMPORARY on the database and CREATE on
 * schema public are taken from PUBLIC, which every role inherits, and kept for the role running
 * this. One transaction: a failure changes nothing.
 */
export async function ensureBiRole(client: pg.ClientBase, options: BiRoleOptions): Promise<BiRoleResult> {
  const { name, password } = options;
  const connectionLimit = options.connectionLimit ?? DEFAULT_BI_CONNECTION_LIMIT;
  validateBiRoleName(name);
  validateBiPassword(password);
  if (!Number.isInteger(connectionLimit) || connectionLimit < 1)
    throw new BiRoleError(`Invalid connection limit ${connectionLimit}: use a whole number of at least 1.`);

  const role = quoteIdentifier(name);
  await client.query('BEGIN');
  try {
    const {
      rows: [context],
    } = await client.query<{ database: string; me: string; reporting_owner: string | null }>(
      `
      SELECT current_database() AS database, current_user AS me,
             (SELECT r.rolname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = $1) AS reporting_owner`,
      [REPORTING_SCHEMA],
    );
    const { database, me, reporting_owner: owner } = context!;
    if (!owner) throw new BiRoleError(`Schema ${REPORTING_SCHEMA} does not exist in database ${database}: apply the migrations first (npm run db:migrate).`);

    const {
      rows: [existing],
    } = await client.query<ExistingRole>(
      `
      SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls,
             ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) AS member_of,
             EXISTS (SELECT 1 FROM pg_shdepend d WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid AND d.deptype = 'o') AS owns_objects,
             shobj_description(r.oid, 'pg_authid') AS comment
      FROM pg_roles r WHERE r.rolname = $1`,
      [name],
    );
    if (existing) {
      const why = unsuitable(existing, name, me);
      if (why) throw new BiRoleError(`Role "${name}" already exists and is not a BI user (${why}): choose another name.`);
    }

    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT ${connectionLimit} PASSWORD ${literal(scramSha256Verifier(password))}`;
    await client.query(`${existing ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes}`);
    for (const [setting, value] of Object.entries(BI_ROLE_SETTINGS)) await client.query(`ALTER ROLE ${role} SET ${setting} = ${literal(value)}`);
    await client.query(`COMMENT ON ROLE ${role} IS ${literal(ROLE_COMMENT)}`);
    // A BI user of ours that was since made a member of other roles could SET ROLE to them: no longer.
    for (const group of existing?.member_of ?? []) await client.query(`REVOKE ${quoteIdentifier(group)} FROM ${role}`);

    const db = quoteIdentifier(database);
    const reporting = quoteIdentifier(REPORTING_SCHEMA);
    // Nothing from before: privileges on every other schema and its objects, and on the database.
    const { rows: schemas } = await client.query<{ name: string }>(
      `
      SELECT nspname AS name FROM pg_namespace
      WHERE nspname <> $1 AND nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
      ORDER BY 1`,
      [REPORTING_SCHEMA],
    );
    for (const schema of schemas.map((row) => quoteIdentifier(row.name))) {
      await client.query(`REVOKE ALL ON SCHEMA ${schema} FROM ${role}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`);
      await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`);
      await client.query(`REVOKE ALL ON ALL ROUTINES IN SCHEMA ${schema} FROM ${role}`);
    }
    await client.query(`REVOKE ALL ON DATABASE ${db} FROM ${role}`);

    // PUBLIC's defaults would let any role create temporary tables (and, before PostgreSQL 15,
    // tables in schema public): the role running this keeps them by name, every other role loses them.
    const runner = quoteIdentifier(me);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${runner}`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${runner}`);
    await client.query(`REVOKE TEMPORARY ON DATABASE ${db} FROM PUBLIC`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);

    await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${role}`);
    await client.query(`REVOKE ALL ON SCHEMA ${reporting} FROM ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA ${reporting} TO ${role}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${reporting} FROM ${role}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${reporting} TO ${role}`);
    // Views and materialized views a later migration creates (as the schema's owner) are readable at once.
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdentifier(owner)} IN SCHEMA ${reporting} GRANT SELECT ON TABLES TO ${role}`);
    await client.query('COMMIT');
    return {
      created: !existing,
      name,
      database,
      connectionLimit,
      grants: [
        `CONNECT on database ${database}`,
        `USAGE on schema ${REPORTING_SCHEMA}`,
        `SELECT on every view and materialized view of ${REPORTING_SCHEMA} (also future ones created by ${owner})`,
        `settings: ${Object.entries(BI_ROLE_SETTINGS)
          .map(([setting, value]) => `${setting}=${value}`)
          .join(', ')}, connection limit ${connectionLimit}`,
      ],
      revokedFromPublic: [`TEMPORARY on database ${database}`, 'CREATE on schema public'],
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '42501') {
      throw new BiRoleError(
        `The database role running this command lacks a privilege it needs (${(error as Error).message}): run it with a DATABASE_URL of a superuser, or of the database owner with CREATEROLE.`,
      );
    }
    throw error;
  }
}

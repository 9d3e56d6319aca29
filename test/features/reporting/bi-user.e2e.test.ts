import { createHash, createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoLeadsService } from '../../../src/features/leads/demo/demo-leads.service.js';
import { ensureBiRole, scramSha256Verifier, validateBiPassword, validateBiRoleName } from '../../../src/features/reporting/bi-role.js';
import { ReportingService } from '../../../src/features/reporting/reporting.service.js';
import { normalizeSearchText } from '../../../src/vocabulary/search-text.js';
import { createDatasetSong, createPrediction } from '../../support/dataset-rows.js';
import { runCli } from '../../support/cli-process.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** PostgreSQL's SQLSTATE for "permission denied" (insufficient_privilege). */
const PERMISSION_DENIED = '42501';

/** The errors a statement fails with, or null when it ran. */
async function failure(client: pg.Client, sql: string): Promise<{ code: string; message: string } | null> {
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
}

/** `npm run cli -- create-bi-user`: a login that reads schema reporting and nothing else. */
describe('create-bi-user', () => {
  let t: TestApp;
  /** Roles are shared by every database of the test server: names of our own, dropped after. */
  const suffix = randomBytes(4).toString('hex');
  const name = `bi_${suffix}`;
  const madeRoles: string[] = [name];
  let password: string;
  let bi: pg.Client;

  const cli = (...args: string[]) =>
    runCli(args, { NODE_ENV: 'test', LOG_LEVEL: 'warn', MODELS_DIR: t.modelsDir, MEDIA_DIR: t.mediaDir, DATABASE_URL: t.database.url });
  const urlAs = (user: string, secret: string) => {
    const url = new URL(t.database.url);
    url.username = user;
    url.password = secret;
    return url.toString();
  };
  const connectAs = async (user: string, secret: string) => {
    const client = new pg.Client({ connectionString: urlAs(user, secret) });
    await client.connect();
    return client;
  };
  const admin = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await t.prisma.pool.query(sql, values)).rows as T[];
  /** The row of a query that answers exactly one (a count, a privilege check). */
  const adminRow = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => {
    const [row, ...more] = await admin<T>(sql, values);
    if (row === undefined || more.length > 0) throw new Error(`expected exactly one row from: ${sql}`);
    return row;
  };
  /** Every view and materialized view of schema reporting, so views added later are covered too. */
  const reportingViews = async () =>
    (
      await admin<{ name: string }>(`
      SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'reporting'
      UNION SELECT matviewname FROM pg_matviews WHERE schemaname = 'reporting' ORDER BY 1`)
    ).map((row) => row.name);

  beforeAll(async () => {
    t = await createTestApp();
    // A row in each kind of view, so the views' functions run for the BI user too.
    const song = await createDatasetSong(t, 'Harbour Song', 'The Tides', {
      trackId: 'bi0000000000000000001',
      dataset: 'demo',
      popularity: 71,
      isHit: true,
      decade: 1980,
    });
    await createPrediction(t, song.id, { inDataset: true, adjustedByDataset: true, datasetLabel: true, datasetPopularity: 71 });
    await t.app.get(DemoLeadsService).importIfEmpty();
    const artist = await t.prisma.artist.create({ data: { name: 'The Tides', searchText: normalizeSearchText('The Tides') } });
    await t.prisma.artistMetricDaily.create({
      data: { artistId: artist.id, platform: 'spotify', date: new Date('2026-11-20'), followers: 120, streams: 40, likes: 3, source: 'api' },
    });
    await t.prisma.artistScore.create({
      data: { artistId: artist.id, date: new Date('2026-11-20'), fanValueScore: 42.5, momentum: 1.2, momentumStatus: 'growing' },
    });
    await t.app.get(ReportingService).refresh();

    const created = cli('create-bi-user', '--name', name);
    expect(created.stderr).not.toMatch(/error/i);
    expect(created.code).toBe(0);
    password = /Password: +(\S+) +\(generated/.exec(created.stdout)![1]!;
    bi = await connectAs(name, password);
  }, 120_000);
  afterAll(async () => {
    await bi?.end();
    for (const role of madeRoles) {
      await admin(`DROP OWNED BY ${role}`).catch(() => undefined);
      await admin(`DROP ROLE IF EXISTS ${role}`);
    }
    await t?.close();
  });

  it('prints where to connect (host, port, database, user) and the generated password, once', () => {
    const url = new URL(t.database.url);
    const created = cli('create-bi-user', '--name', `bi_print_${suffix}`);
    madeRoles.push(`bi_print_${suffix}`);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`^Created BI user bi_print_${suffix}: reads schema reporting only\\.$`, 'm'));
    expect(created.stdout).toMatch(new RegExp(`^  Host: +${url.hostname.replaceAll('.', '\\.')}$`, 'm'));
    expect(created.stdout).toMatch(new RegExp(`^  Port: +${url.port}$`, 'm'));
    expect(created.stdout).toMatch(new RegExp(`^  Database: +${url.pathname.slice(1)}$`, 'm'));
    expect(created.stdout).toMatch(new RegExp(`^  User: +bi_print_${suffix}$`, 'm'));
    const generated = /Password: +([A-Za-z0-9_-]{32}) +\(generated: shown only this once/.exec(created.stdout)?.[1];
    expect(generated).toBeDefined();
    expect(created.stdout.split(generated!)).toHaveLength(2);
    expect(created.stderr).not.toContain(generated);
    expect(created.stdout).toContain(`Server "${url.hostname}:${url.port}"`);
  }, 90_000);

  it('makes a LOGIN role without powers, not inheriting, read-only with a statement timeout and a connection limit', async () => {
    const [role] = await admin(
      `SELECT rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolconfig FROM pg_roles WHERE rolname = $1`,
      [name],
    );
    expect(role).toEqual({
      rolsuper: false,
      rolinherit: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolcanlogin: true,
      rolreplication: false,
      rolbypassrls: false,
      rolconnlimit: 10,
      rolconfig: expect.arrayContaining(['statement_timeout=60s', 'default_transaction_read_only=on', 'search_path=reporting']),
    });
    expect((await bi.query('SHOW default_transaction_read_only')).rows[0].default_transaction_read_only).toBe('on');
    expect((await bi.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('1min');
    expect(await failure(bi, 'SELECT pg_sleep(0.2)')).toBeNull();
    // The password is stored as a SCRAM verifier, never in clear.
    const { verifier } = await adminRow<{ verifier: string }>(`SELECT rolpassword AS verifier FROM pg_authid WHERE rolname = $1`, [name]);
    expect(verifier).toMatch(/^SCRAM-SHA-256\$4096:/);
  });

  it('can SELECT from every view and materialized view of schema reporting', async () => {
    const views = await reportingViews();
    expect(views).toEqual(
      expect.arrayContaining([
        'songs',
        'predictions',
        'prediction_daily',
        'model_versions',
        'genre_predictions',
        'catalog_plays',
        'artist_metrics_daily',
        'artist_scores',
        'leads',
      ]),
    );
    for (const view of views) {
      const { rows } = await bi.query(`SELECT * FROM reporting.${view}`);
      const { count } = await adminRow<{ count: number }>(`SELECT count(*)::int AS count FROM reporting.${view}`);
      expect(rows.length, view).toBe(count);
    }
    expect((await bi.query('SELECT track_name, prediction FROM reporting.predictions')).rows).toEqual([{ track_name: 'Harbour Song', prediction: 'HIT' }]);
    expect((await bi.query('SELECT count(*)::int AS n FROM leads')).rows[0].n).toBeGreaterThan(0); // search_path is reporting
  });

  it('is refused every INSERT, UPDATE and DELETE on them, also in a read-write transaction', async () => {
    let denied = 0;
    for (const view of await reportingViews()) {
      const { column } = await adminRow<{ column: string }>(
        `SELECT attname AS column FROM pg_attribute WHERE attrelid = ('reporting.' || $1)::regclass AND attnum = 1`,
        [view],
      );
      for (const privilege of ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) {
        const { granted } = await adminRow<{ granted: boolean }>(`SELECT has_table_privilege($1, ('reporting.' || $2)::regclass, $3) AS granted`, [
          name,
          view,
          privilege,
        ]);
        expect(granted, `${privilege} on ${view}`).toBe(privilege === 'SELECT');
      }
      const writes = [
        `INSERT INTO reporting.${view} (${column}) SELECT ${column} FROM reporting.${view} LIMIT 1`,
        `UPDATE reporting.${view} SET ${column} = ${column}`,
        `DELETE FROM reporting.${view}`,
      ];
      for (const sql of writes) {
        // By default every transaction of the role is read-only.
        expect(await failure(bi, sql), sql).not.toBeNull();
        // Asking for a read-write transaction does not help: the role may not write. Views over joins,
        // aggregates or window functions are refused before privileges are checked: nobody may write them.
        await bi.query('BEGIN READ WRITE');
        const refused = await failure(bi, sql);
        await bi.query('ROLLBACK');
        if (refused?.code === '55000') {
          expect(refused.message, sql).toMatch(new RegExp(`^cannot (insert into|update|delete from) view "${view}"$`));
        } else {
          expect(refused, sql).toMatchObject({
            code: PERMISSION_DENIED,
            message: expect.stringMatching(new RegExp(`^permission denied for (view|materialized view) ${view}$`)),
          });
          denied++;
        }
      }
      await bi.query('BEGIN READ WRITE');
      expect(await failure(bi, `REFRESH MATERIALIZED VIEW reporting.${view}`)).toMatchObject({
        message: expect.stringMatching(/^permission denied for materialized view|is not a table or materialized view$/),
      });
      await bi.query('ROLLBACK');
    }
    // Every write on the materialized views and on the one simple view (songs) met the missing privilege.
    expect(denied).toBeGreaterThanOrEqual(3 * 3 + 2);
    expect(await failure(bi, `INSERT INTO reporting.prediction_daily (prediction_date) VALUES (current_date)`)).toMatchObject({
      code: '25006',
      message: 'cannot execute INSERT in a read-only transaction',
    });
  });

  it('is refused any read of a table outside reporting (users, songs, ...), and its sequences', async () => {
    const tables = await admin<{ name: string }>(`
      SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname NOT IN ('reporting', 'pg_catalog', 'information_schema') ORDER BY 1`);
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['public.users', 'public.songs', 'public.predictions', 'public.refresh_tokens', 'chinook.customer']),
    );
    for (const { name: table } of tables) {
      expect(await failure(bi, `SELECT * FROM ${table} LIMIT 1`), table).toMatchObject({
        code: PERMISSION_DENIED,
        message: expect.stringMatching(/^permission denied for (table|schema) /),
      });
    }
    expect(await failure(bi, 'SELECT email, password_hash FROM public.users')).toMatchObject({
      code: PERMISSION_DENIED,
      message: 'permission denied for table users',
    });
    for (const { name: sequence } of await admin<{ name: string }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname <> 'reporting'`,
    )) {
      expect(await failure(bi, `SELECT last_value FROM ${sequence}`), sequence).toMatchObject({ code: PERMISSION_DENIED });
      expect(await failure(bi, `SELECT nextval('${sequence}')`), sequence).toMatchObject({ code: PERMISSION_DENIED });
    }
    // Nothing of it in the catalog views BI tools browse: only reporting.
    const listed = await bi.query(`SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
    expect(listed.rows).toEqual([{ table_schema: 'reporting' }]);
    const { privileges } = await adminRow<{ privileges: number }>(
      `
      SELECT count(*)::int AS privileges FROM information_schema.role_table_grants WHERE grantee = $1 AND table_schema <> 'reporting'`,
      [name],
    );
    expect(privileges).toBe(0);
  });

  it('cannot CREATE anything in any schema, nor schemas, nor temporary tables', async () => {
    const schemas = (
      await admin<{ name: string }>(`
      SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`)
    ).map((row) => row.name);
    expect(schemas).toEqual(expect.arrayContaining(['public', 'reporting', 'chinook']));
    const { database } = await adminRow<{ database: string }>('SELECT current_database() AS database');
    for (const [privilege, granted] of [
      ['CONNECT', true],
      ['CREATE', false],
      ['TEMPORARY', false],
    ] as const) {
      expect((await adminRow(`SELECT has_database_privilege($1, $2, $3) AS granted`, [name, database, privilege])).granted, privilege).toBe(granted);
    }
    await bi.query('BEGIN READ WRITE');
    try {
      for (const schema of schemas) {
        const { create } = await adminRow<{ create: boolean }>(`SELECT has_schema_privilege($1, $2, 'CREATE') AS create`, [name, schema]);
        expect(create, schema).toBe(false);
        for (const sql of [
          `CREATE TABLE ${schema}.bi_note (line text)`,
          `CREATE VIEW ${schema}.bi_view AS SELECT 1 AS one`,
          `CREATE FUNCTION ${schema}.bi_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
        ]) {
          await bi.query('SAVEPOINT attempt');
          expect(await failure(bi, sql), sql).toMatchObject({ code: PERMISSION_DENIED });
          await bi.query('ROLLBACK TO SAVEPOINT attempt');
        }
      }
      for (const sql of ['CREATE SCHEMA bi_own', 'CREATE TEMPORARY TABLE bi_scratch (line text)']) {
        await bi.query('SAVEPOINT attempt');
        expect(await failure(bi, sql), sql).toMatchObject({ code: PERMISSION_DENIED });
        await bi.query('ROLLBACK TO SAVEPOINT attempt');
      }
    } finally {
      await bi.query('ROLLBACK');
    }
    // Neither by becoming another role.
    expect(await failure(bi, 'SET ROLE postgres')).toMatchObject({ code: PERMISSION_DENIED });
  });

  it('the role running the command keeps creating temporary tables (the app imports through them)', async () => {
    const me = await t.prisma.pool.connect();
    try {
      await me.query('CREATE TEMPORARY TABLE still_mine (line text)');
      await me.query('DROP TABLE still_mine');
    } finally {
      me.release();
    }
  });

  it('can read a materialized view a later migration adds, without running the command again', async () => {
    await admin(`CREATE MATERIALIZED VIEW reporting.zz_later AS SELECT 1 AS one`);
    try {
      expect((await bi.query('SELECT one FROM reporting.zz_later')).rows).toEqual([{ one: 1 }]);
    } finally {
      await admin('DROP MATERIALIZED VIEW reporting.zz_later');
    }
  });

  it('gives an existing BI user a new password: the old one stops working', async () => {
    const newPassword = `Stage-Lights ${suffix}!`;
    const updated = cli('create-bi-user', '--name', name, '--password', newPassword, '--connection-limit', '3');
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(new RegExp(`^Updated BI user ${name}: reads schema reporting only\\.$`, 'm'));
    expect(updated.stdout).toContain('Password:  the one given with --password');
    expect(updated.stdout + updated.stderr).not.toContain(newPassword);
    await expect(connectAs(name, password)).rejects.toMatchObject({ code: '28P01' });
    const again = await connectAs(name, newPassword);
    try {
      expect((await again.query('SELECT count(*)::int AS n FROM reporting.songs')).rows[0].n).toBe(1);
    } finally {
      await again.end();
    }
    expect((await adminRow(`SELECT rolconnlimit FROM pg_roles WHERE rolname = $1`, [name])).rolconnlimit).toBe(3);
  }, 90_000);

  it('refuses a bad name or password with a clear message, before touching the database', () => {
    // Every naming rule is checked in the unit tests below; here, what the command line shows.
    const refused = cli('create-bi-user', '--name', 'Power-BI');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'Invalid BI user name "Power-BI": use 1 to 63 lower-case letters, digits and underscores, starting with a letter or an underscore (e.g. powerbi).',
    );
    const weak = cli('create-bi-user', '--name', 'bi_weak', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr.trim()).toBe(
      'Invalid BI password: use 12 to 128 printable ASCII characters (letters, digits, punctuation, spaces), or leave --password out to have one generated.',
    );
    expect(cli('create-bi-user', '--name', 'bi_weak', '--connection-limit', '0').stderr).toContain('expected a whole number of at least 1');
  }, 90_000);

  it('refuses to turn an existing role that is not a BI user into one', async () => {
    const other = `app_${suffix}`;
    madeRoles.push(other);
    await admin(`CREATE ROLE ${other} LOGIN CREATEDB PASSWORD 'Other-pass-1234'`);
    const refused = cli('create-bi-user', '--name', other);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Role "${other}" already exists and is not a BI user (it may create databases or roles, replicate or bypass row security): choose another name.`,
    );
    expect((await admin(`SELECT rolcreatedb FROM pg_roles WHERE rolname = $1`, [other]))[0]!.rolcreatedb).toBe(true);
    const runner = new URL(t.database.url).username;
    expect(cli('create-bi-user', '--name', runner).stderr).toContain(
      `Role "${runner}" already exists and is not a BI user (it is the role this command runs as)`,
    );
  }, 90_000);

  it('explains when the database role running it may not create roles', async () => {
    const plain = `plain_${suffix}`;
    madeRoles.push(plain);
    await admin(`CREATE ROLE ${plain} LOGIN PASSWORD 'Plain-pass-1234'`);
    const client = await connectAs(plain, 'Plain-pass-1234');
    try {
      await expect(ensureBiRole(client, { name: `bi_nope_${suffix}`, password: 'Long-enough-pass-1' })).rejects.toThrow(
        'The database role running this command lacks a privilege it needs (permission denied to create role): run it with a DATABASE_URL of a superuser, or of the database owner with CREATEROLE.',
      );
    } finally {
      await client.end();
    }
    expect(await admin(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [`bi_nope_${suffix}`])).toEqual([]);
  });
});

describe('bi-role helpers', () => {
  it('accepts lower-case identifiers only, and no name PostgreSQL reserves', () => {
    for (const good of ['powerbi', 'power_bi', '_bi', 'bi2', 'a'.repeat(63)]) expect(() => validateBiRoleName(good), good).not.toThrow();
    for (const bad of ['PowerBI', 'power-bi', '2bi', 'bi user', '', 'a'.repeat(64), 'bi;drop', 'bi"x']) {
      expect(() => validateBiRoleName(bad), bad).toThrow(`Invalid BI user name "${bad}": use 1 to 63 lower-case letters, digits and underscores`);
    }
    expect(() => validateBiRoleName('pg_bi')).toThrow('Invalid BI user name "pg_bi": names starting with pg_ are reserved by PostgreSQL.');
    for (const reserved of ['public', 'none', 'current_user', 'session_user'])
      expect(() => validateBiRoleName(reserved), reserved).toThrow(/PostgreSQL reserves it/);
    expect(() => validateBiPassword('twelve chars')).not.toThrow();
    for (const bad of ['eleven char', 'tab\tin-password', 'x'.repeat(129), 'ÜberLongPassword1'])
      expect(() => validateBiPassword(bad), bad).toThrow(/Invalid BI password/);
  });

  it("computes PostgreSQL's SCRAM-SHA-256 verifier: it proves RFC 7677's example exchange (user, pencil)", () => {
    const salt = 'W22ZaJ0SNY7soEsUEjb6gQ==';
    const verifier = scramSha256Verifier('pencil', Buffer.from(salt, 'base64'), 4096);
    const [, iterations, storedKey, serverKey] = /^SCRAM-SHA-256\$(\d+):[^$]+\$([^:]+):(.+)$/.exec(verifier)!;
    expect(verifier.startsWith(`SCRAM-SHA-256$4096:${salt}$`)).toBe(true);
    expect(iterations).toBe('4096');
    const nonce = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
    const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=${salt},i=4096,c=biws,r=${nonce}`;
    // The server's signature of the exchange (RFC 7677: v=...) comes from ServerKey.
    expect(createHmac('sha256', Buffer.from(serverKey!, 'base64')).update(authMessage).digest('base64')).toBe('6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
    // The client's proof (p=...) checks against StoredKey: H(proof XOR HMAC(StoredKey, AuthMessage)) = StoredKey.
    const signature = createHmac('sha256', Buffer.from(storedKey!, 'base64')).update(authMessage).digest();
    const clientKey = Buffer.from(Buffer.from('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=', 'base64').map((byte, i) => byte ^ signature[i]!));
    expect(createHash('sha256').update(clientKey).digest('base64')).toBe(storedKey);
  });
});

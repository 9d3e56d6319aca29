import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, type OlderDatabase } from '../../support/older-database.js';

const LOGIN_SESSIONS_MIGRATION = '20261206090000_login_sessions';
const LIVE_FAMILY = '00000000-0000-4000-8000-0000000000a1';
const ENDED_FAMILY = '00000000-0000-4000-8000-0000000000b2';

/** An install from before login sessions, with signed-in accounts and recent login attempts, then migrated. */
describe('migrating an install from before login sessions', () => {
  let database: OlderDatabase;
  let userId: string;
  const query = <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) => database.query<T>(sql, values);

  beforeAll(async () => {
    database = await databaseBefore(LOGIN_SESSIONS_MIGRATION);

    [{ id: userId }] = (await query<{ id: string }>(
      `INSERT INTO users (email, username, password_hash, display_name) VALUES ('ada@example.com', 'ada', 'x', 'Ada') RETURNING id`,
    )) as [{ id: string }];
    const token = (hash: string, family: string, expires: string, revoked: string | null, replaced: string | null) =>
      query(`INSERT INTO refresh_tokens (user_id, token_hash, family_id, expires_at, revoked_at, replaced_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        userId,
        hash,
        family,
        expires,
        revoked,
        replaced,
      ]);
    await token('spent', LIVE_FAMILY, '2099-01-01T00:00:00Z', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z');
    await token('current', LIVE_FAMILY, '2099-01-31T00:00:00Z', null, null);
    await token('logged-out', ENDED_FAMILY, '2099-01-01T00:00:00Z', '2026-12-02T00:00:00Z', null);
    for (const account of ['ada', 'ada@example.com', 'nobody'])
      await query(`INSERT INTO login_attempts (ip, account, succeeded) VALUES ('192.0.2.1', $1, false)`, [account]);

    await database.migrate();
  }, 120_000);
  afterAll(() => database?.drop());

  it('makes each refresh-token family a login session with its id, live until its newest token expires, or revoked when all its tokens are', async () => {
    const sessions = await query(`SELECT id, user_id, expires_at, revoked_at FROM login_sessions ORDER BY id`);
    expect(sessions).toEqual([
      { id: LIVE_FAMILY, user_id: userId, expires_at: new Date('2099-01-31T00:00:00Z'), revoked_at: null },
      { id: ENDED_FAMILY, user_id: userId, expires_at: new Date('2099-01-01T00:00:00Z'), revoked_at: new Date('2026-12-02T00:00:00Z') },
    ]);
    expect(await query(`SELECT token_hash, session_id FROM refresh_tokens ORDER BY token_hash`)).toEqual([
      { token_hash: 'current', session_id: LIVE_FAMILY },
      { token_hash: 'logged-out', session_id: ENDED_FAMILY },
      { token_hash: 'spent', session_id: LIVE_FAMILY },
    ]);
  });

  it("counts the recent attempts by username and by email against the account, and an unknown name's against none", async () => {
    expect(await query(`SELECT account, user_id FROM login_attempts ORDER BY account`)).toEqual([
      { account: 'ada', user_id: userId },
      { account: 'ada@example.com', user_id: userId },
      { account: 'nobody', user_id: null },
    ]);
  });
});

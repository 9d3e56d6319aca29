import pg from 'pg';
import type { Page } from 'playwright-core';
import type { BrowserApp } from './browser-app.js';

/** What POST /api/users and POST /api/login answer. */
export interface SessionAnswer {
  token: string;
  refresh_token: string;
  expires_in: number;
  user: { id: string; username: string; display_name: string; role: string; artist_id: string | null };
}

export interface Credentials {
  email: string;
  username: string;
  password: string;
}

/** An account registered through the API, with the session registering gave it. */
export interface RegisteredAccount extends Credentials {
  id: string;
  session: SessionAnswer;
}

let counter = 0;

/** Credentials no other account of this test run has. */
export function newAccount(prefix: string): Credentials {
  const username = `${prefix}${++counter}x${process.pid}`;
  return { email: `${username}@example.com`, username, password: `Melody-${counter}-tune7` };
}

/** A test file's API, database and sign-in helpers, on its app and its current page (both made later, in its hooks). */
export function browserSession(app: () => BrowserApp, page: () => Page) {
  /** Calls the app's JSON API (as `token`'s account when given); anything but 2xx throws with the answer. */
  const call = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${app().app.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  /** Runs one statement on the app's database. */
  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: app().database.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  /** A new listener or artist, registered through the API. */
  const register = async (role: 'user' | 'artist', prefix: string = role): Promise<RegisteredAccount> => {
    const account = newAccount(prefix);
    const session = await call<SessionAnswer>('POST', '/api/users', { ...account, role });
    return { ...account, id: session.user.id, session };
  };

  /** A new account made an admin in the database (the API makes none); the role counts from its next sign-in. */
  const registerAdmin = async (prefix: string): Promise<RegisteredAccount> => {
    const account = await register('user', prefix);
    await sql(`UPDATE users SET role = 'admin' WHERE id = $1`, [account.id]);
    return account;
  };

  /** Signs the page in as the account: its tokens in localStorage, as the sign-in form leaves them. */
  const signInAs = async (account: Pick<Credentials, 'username' | 'password'>): Promise<SessionAnswer> => {
    const answer = await call<SessionAnswer>('POST', '/api/login', { login: account.username, password: account.password });
    await page().goto(`${app().app.baseUrl}/favicon.svg`);
    const session = { token: answer.token, refreshToken: answer.refresh_token, expiresAt: Date.now() + answer.expires_in * 1000, user: answer.user };
    await page().evaluate(`localStorage.setItem('encore.session', ${JSON.stringify(JSON.stringify(session))})`);
    return answer;
  };

  return { call, sql, register, registerAdmin, signInAs };
}

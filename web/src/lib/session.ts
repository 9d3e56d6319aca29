/**
 * The signed-in session: tokens kept in storage (localStorage in the browser) and refreshed
 * single-flight: however many requests fail with 401 at once, the refresh token (good once) is
 * spent by one refresh, and every caller gets its result.
 */
import type { Schema } from '../api/schema.js';

/** GET /api/auth/me, and `user` of a session answer. */
export type Account = Schema<'UserDto'>;

export type Role = Account['role'];

/** POST /api/users, /api/login and /api/auth/refresh (the fields the app keeps; access_token repeats token for OAuth clients). */
export type SessionAnswer = Pick<Schema<'SessionDto'>, 'token' | 'refresh_token' | 'expires_in' | 'user'>;

export interface Session {
  token: string;
  refreshToken: string;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
  user: Account;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'encore.session';
/** Refresh this long before the access token expires, so a request never carries a dying token. */
export const REFRESH_MARGIN_MS = 30_000;

export function toSession(answer: SessionAnswer, now = Date.now()): Session {
  return { token: answer.token, refreshToken: answer.refresh_token, expiresAt: now + answer.expires_in * 1000, user: answer.user };
}

export function isExpiring(session: Session, now = Date.now(), marginMs = REFRESH_MARGIN_MS): boolean {
  return session.expiresAt - marginMs <= now;
}

/** The stored session, or null when there is none or it is not one (an old format, a hand edit). */
export function readSession(store: KeyValueStore, key = SESSION_KEY): Session | null {
  let value: unknown;
  try {
    value = JSON.parse(store.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  const session = value as Session | null;
  const valid =
    typeof session?.token === 'string' &&
    typeof session.refreshToken === 'string' &&
    typeof session.expiresAt === 'number' &&
    typeof session.user?.id === 'string' &&
    typeof session.user.role === 'string';
  return valid ? session : null;
}

/** A refresh the server refused (spent, revoked or unknown token): the session is over. Network errors, 429 and 5xx are not. */
export function isRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

type Exchange = (refreshToken: string) => Promise<SessionAnswer>;

export class SessionKeeper {
  private session: Session | null;
  private refreshing: Promise<Session | null> | null = null;
  private readonly listeners = new Set<(session: Session | null) => void>();

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly now: () => number = () => Date.now(),
    private readonly key = SESSION_KEY,
  ) {
    this.session = store ? readSession(store, key) : null;
  }

  get current(): Session | null {
    return this.session;
  }

  /** Signs in (a session answer) or out (null), for this tab and the storage other tabs read. */
  set(session: Session | null): void {
    if (this.store) {
      try {
        if (session) this.store.setItem(this.key, JSON.stringify(session));
        else this.store.removeItem(this.key);
      } catch {
        // Storage full or disabled (private mode): the session lives in this tab only.
      }
    }
    this.adopt(session);
  }

  /** Takes what storage holds now: another tab signed in, out, or refreshed the tokens. */
  reload(): void {
    if (this.store) this.adopt(readSession(this.store, this.key));
  }

  subscribe(listener: (session: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An access token good for a while yet, refreshing first when it is about to expire; null when signed out. */
  async validToken(exchange: Exchange): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (!isExpiring(session, this.now())) return session.token;
    try {
      return (await this.refresh(exchange))?.token ?? null;
    } catch {
      // Offline or the server is down: try the old token; a 401 comes back to refresh again.
      return session.token;
    }
  }

  /**
   * New tokens for the session whose access token `rejected` was refused. When the session has
   * moved on already (another caller refreshed), its token is answered without spending anything.
   */
  async renew(rejected: string, exchange: Exchange): Promise<string | null> {
    if (this.session && this.session.token !== rejected && !isExpiring(this.session, this.now())) return this.session.token;
    return (await this.refresh(exchange))?.token ?? null;
  }

  /** Exchanges the refresh token once, however many callers ask at the same time. Signs out when it is refused. */
  refresh(exchange: Exchange): Promise<Session | null> {
    if (this.refreshing) return this.refreshing;
    const stale = this.session;
    if (!stale) return Promise.resolve(null);
    this.refreshing = (async () => {
      // Another tab may have refreshed: its tokens are in storage, and ours is spent.
      const stored = this.store ? readSession(this.store, this.key) : null;
      if (stored && stored.refreshToken !== stale.refreshToken) {
        this.adopt(stored);
        if (!isExpiring(stored, this.now())) return stored;
      }
      const current = this.session ?? stale;
      try {
        const next = toSession(await exchange(current.refreshToken), this.now());
        this.set(next);
        return next;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        this.set(null);
        return null;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private adopt(session: Session | null): void {
    const same = JSON.stringify(session) === JSON.stringify(this.session);
    this.session = session;
    if (!same) this.listeners.forEach((listener) => listener(session));
  }
}

/** "Artist", "Listener" or "Admin", as the header shows the role. */
export function roleLabel(role: Role): string {
  return role === 'user' ? 'Listener' : role === 'artist' ? 'Artist' : 'Admin';
}

import { useEffect, useState } from 'preact/hooks';
import { catalogApi } from './api/catalog.js';
import { api } from './api/client.js';
import { SessionKeeper, toSession, type KeyValueStore, type Session, type SessionAnswer } from './lib/session.js';

/** This browser's localStorage, or null where storage is disabled. */
export function browserStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the session lasts as long as the tab
  }
}

/** The signed-in account of this browser (kept in localStorage, shared by its tabs). */
export const session = new SessionKeeper(browserStorage());

const exchange = (refreshToken: string) => catalogApi.refresh(refreshToken);

api.setAuth({
  token: () => session.validToken(exchange),
  renew: (rejected) => session.renew(rejected, exchange),
});

// Another tab signed in, out, or refreshed the tokens.
window.addEventListener('storage', (event) => {
  if (event.key === null || event.key === 'encore.session') session.reload();
});

export function signIn(answer: SessionAnswer): void {
  session.set(toSession(answer));
}

/** Ends this login on the server (its refresh token) and here, even when the server cannot be reached. */
export async function signOut(): Promise<void> {
  const current = session.current;
  if (!current) return;
  try {
    await catalogApi.logout(current.refreshToken);
  } catch {
    // The access token lapses within minutes anyway.
  }
  session.set(null);
}

/** A fresh access token for URLs that cannot carry a header (the <audio> stream); null signed out. */
export function freshToken(): Promise<string | null> {
  return session.validToken(exchange);
}

export function useSession(): Session | null {
  const [current, setCurrent] = useState(session.current);
  useEffect(() => {
    setCurrent(session.current);
    return session.subscribe(setCurrent);
  }, []);
  return current;
}

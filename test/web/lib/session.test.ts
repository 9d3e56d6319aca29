import { describe, expect, it } from 'vitest';
import {
  isExpiring,
  isRefusal,
  readSession,
  roleLabel,
  SessionKeeper,
  toSession,
  type KeyValueStore,
  type SessionAnswer,
} from '../../../web/src/lib/session.js';

const user = {
  id: 'u1',
  email: 'a@example.com',
  username: 'ana',
  role: 'user' as const,
  display_name: 'Ana',
  picture_url: null,
  audio_quality: 'normal' as const,
  offline_mode: false,
  artist_id: null,
  created_at: '2026-11-23T00:00:00Z',
};
const answer = (n: number, expiresIn = 900): SessionAnswer => ({ token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: expiresIn, user });

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

describe('the session and its token refresh', () => {
  it('turns a session answer into tokens that expire expires_in seconds from now', () => {
    expect(toSession(answer(1), 1_000)).toEqual({ token: 'access-1', refreshToken: 'refresh-1', expiresAt: 901_000, user });
  });

  it('counts a token as expiring 30 seconds before it does', () => {
    const session = toSession(answer(1), 0);
    expect([isExpiring(session, 869_000), isExpiring(session, 870_000)]).toEqual([false, true]);
  });

  it('keeps the session in storage and reads it back; anything else in storage is no session', () => {
    const store = memoryStore();
    new SessionKeeper(store, () => 0).set(toSession(answer(1), 0));
    expect(new SessionKeeper(store).current?.token).toBe('access-1');
    store.setItem('encore.session', '{"token": 42}');
    expect(readSession(store)).toBeNull();
    store.setItem('encore.session', 'not json');
    expect(readSession(store)).toBeNull();
  });

  it('refreshes once however many callers ask at the same time', async () => {
    const keeper = new SessionKeeper(memoryStore(), () => 0);
    keeper.set(toSession(answer(1), 0));
    const exchanged: string[] = [];
    const exchange = async (refreshToken: string) => {
      exchanged.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return answer(2);
    };
    const tokens = await Promise.all([keeper.renew('access-1', exchange), keeper.renew('access-1', exchange), keeper.renew('access-1', exchange)]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(exchanged).toEqual(['refresh-1']);
  });

  it('answers the newer token without refreshing when the rejected one was already replaced', async () => {
    const keeper = new SessionKeeper(null, () => 0);
    keeper.set(toSession(answer(2), 0));
    let calls = 0;
    expect(await keeper.renew('access-1', async () => (calls++, answer(3)))).toBe('access-2');
    expect(calls).toBe(0);
  });

  it('signs out when the refresh token is refused, and tells its listeners', async () => {
    const store = memoryStore();
    const keeper = new SessionKeeper(store, () => 0);
    keeper.set(toSession(answer(1), 0));
    const seen: unknown[] = [];
    keeper.subscribe((session) => seen.push(session));
    const refused = Object.assign(new Error('spent'), { status: 401 });
    expect(await keeper.renew('access-1', async () => Promise.reject(refused))).toBeNull();
    expect(keeper.current).toBeNull();
    expect(store.data.size).toBe(0);
    expect(seen).toEqual([null]);
  });

  it('keeps the session when the refresh fails for another reason (offline, 5xx, 429)', async () => {
    const keeper = new SessionKeeper(null, () => 0);
    keeper.set(toSession(answer(1), 0));
    await expect(keeper.renew('access-1', async () => Promise.reject(Object.assign(new Error('down'), { status: 503 })))).rejects.toThrow('down');
    expect(keeper.current?.token).toBe('access-1');
    expect([isRefusal({ status: 400 }), isRefusal({ status: 401 }), isRefusal({ status: 429 }), isRefusal({ status: 0 }), isRefusal(new Error())]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('takes the tokens another tab refreshed instead of spending its own, already spent, refresh token', async () => {
    const store = memoryStore();
    const thisTab = new SessionKeeper(store, () => 0);
    thisTab.set(toSession(answer(1), 0));
    new SessionKeeper(store, () => 0).set(toSession(answer(2), 0));
    let calls = 0;
    expect(await thisTab.renew('access-1', async () => (calls++, answer(3)))).toBe('access-2');
    expect(calls).toBe(0);
  });

  it('refreshes before a request when the token is about to expire', async () => {
    let now = 0;
    const keeper = new SessionKeeper(null, () => now);
    keeper.set(toSession(answer(1), 0));
    expect(await keeper.validToken(async () => answer(2))).toBe('access-1');
    now = 880_000;
    expect(await keeper.validToken(async () => answer(2))).toBe('access-2');
  });

  it('names the roles as the header shows them', () => {
    expect([roleLabel('user'), roleLabel('artist'), roleLabel('admin')]).toEqual(['Listener', 'Artist', 'Admin']);
  });
});

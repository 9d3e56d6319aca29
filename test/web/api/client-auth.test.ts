import { describe, expect, it } from 'vitest';
import { ApiError, EncoreApi, type AuthProvider } from '../../../web/src/api/client.js';

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
  type: string | null;
  body: unknown;
}

/** A fetch that records each request and answers from `reply`. */
function fakeFetch(reply: (seen: Seen, index: number) => Response) {
  const seen: Seen[] = [];
  const impl = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const request = { method: init?.method ?? 'GET', url: String(url), authorization: headers.get('authorization'), type: headers.get('content-type'), body: init?.body };
    seen.push(request);
    return reply(request, seen.length - 1);
  };
  return { seen, impl: impl as typeof fetch };
}

const json = (status: number, body: unknown) => new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function auth(token: string | null, renewed: string | null): AuthProvider & { renewals: string[] } {
  const renewals: string[] = [];
  return {
    renewals,
    token: async () => token,
    renew: async (rejected) => (renewals.push(rejected), renewed),
  };
}

describe('the SPA’s API client, signed in', () => {
  it('sends the session’s access token as a bearer token', async () => {
    const { seen, impl } = fakeFetch(() => json(200, { ok: true }));
    const api = new EncoreApi('', impl);
    api.setAuth(auth('t1', null));
    await api.send('GET', '/api/auth/me');
    expect(seen[0]!.authorization).toBe('Bearer t1');
  });

  it('renews the token after a 401 and tries once more with the new one', async () => {
    const { seen, impl } = fakeFetch((request) => (request.authorization === 'Bearer t2' ? json(200, { ok: true }) : json(401, { message: 'jwt expired' })));
    const api = new EncoreApi('', impl);
    const provider = auth('t1', 't2');
    api.setAuth(provider);
    expect(await api.send('GET', '/api/songs/favorites')).toEqual({ ok: true });
    expect(provider.renewals).toEqual(['t1']);
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('tries a public call again without a token once the session is over', async () => {
    const { seen, impl } = fakeFetch((request) => (request.authorization ? json(401, { message: 'invalid token' }) : json(200, { results: [] })));
    const api = new EncoreApi('', impl);
    api.setAuth(auth('stale', null));
    expect(await api.send('GET', '/api/songs')).toEqual({ results: [] });
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer stale', null]);
  });

  it('gives up after one renewal: a second 401 is the caller’s error', async () => {
    const { seen, impl } = fakeFetch(() => json(401, { statusCode: 401, message: 'Sign in first: send Authorization: Bearer <token> from POST /api/login.' }));
    const api = new EncoreApi('', impl);
    api.setAuth(auth('t1', 't2'));
    await expect(api.send('GET', '/api/songs/favorites')).rejects.toEqual(new ApiError(401, 'Sign in first.'));
    expect(seen).toHaveLength(2);
  });

  it('sends no token on calls marked anonymous (signing in, refreshing)', async () => {
    const { seen, impl } = fakeFetch(() => json(200, {}));
    const api = new EncoreApi('', impl);
    api.setAuth(auth('t1', null));
    await api.send('POST', '/api/auth/refresh', { refresh_token: 'r' }, { anonymous: true });
    expect(seen[0]!.authorization).toBeNull();
  });

  it('sends a FormData body as multipart (the browser sets its boundary) and reads 204 as no answer', async () => {
    const { seen, impl } = fakeFetch(() => json(204, null));
    const api = new EncoreApi('', impl);
    const form = new FormData();
    form.set('title', 'Song');
    expect(await api.send('POST', '/api/songs', form)).toBeUndefined();
    expect(seen[0]!.type).toBeNull();
    expect(seen[0]!.body).toBe(form);
  });

  it('keeps the details of an error answer, such as retry_after', async () => {
    const { impl } = fakeFetch(() => json(429, { statusCode: 429, error: 'Too Many Requests', message: 'Free listeners can skip 6 songs an hour', retry_after: 1200 }));
    const error = await new EncoreApi('', impl).send('POST', '/api/player/skip', {}).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ status: 429, message: 'Free listeners can skip 6 songs an hour', details: { retry_after: 1200 } });
  });
});

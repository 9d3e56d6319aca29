import { describe, expect, it } from 'vitest';
import { ApiError, EncoreApi, filenameFromDisposition, type AuthProvider } from '../../../web/src/api/client.js';

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
    const request = {
      method: init?.method ?? 'GET',
      url: String(url),
      authorization: headers.get('authorization'),
      type: headers.get('content-type'),
      body: init?.body,
    };
    seen.push(request);
    return reply(request, seen.length - 1);
  };
  return { seen, impl: impl as typeof fetch };
}

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

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
    const { impl } = fakeFetch(() =>
      json(429, { statusCode: 429, error: 'Too Many Requests', message: 'Free listeners can skip 6 songs an hour', retry_after: 1200 }),
    );
    const error = await new EncoreApi('', impl).send('POST', '/api/player/skip', {}).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ status: 429, message: 'Free listeners can skip 6 songs an hour', details: { retry_after: 1200 } });
  });

  it('downloads a file with the token (renewed after a 401), named as its Content-Disposition offers', async () => {
    const csv = (request: Seen) =>
      request.authorization === 'Bearer t2'
        ? new Response('Rank,Artist\r\n1,Tui Harbour\r\n', {
            status: 200,
            headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="encore-leads-2026-11-23.csv"' },
          })
        : json(401, { message: 'jwt expired' });
    const { seen, impl } = fakeFetch(csv);
    const api = new EncoreApi('', impl);
    api.setAuth(auth('t1', 't2'));
    const file = await api.download('POST', '/api/leads/export', { format: 'csv' }, 'encore-leads.csv');
    expect(file.filename).toBe('encore-leads-2026-11-23.csv');
    expect(await file.blob.text()).toBe('Rank,Artist\r\n1,Tui Harbour\r\n');
    expect(seen.map((request) => [request.method, request.authorization, request.body])).toEqual([
      ['POST', 'Bearer t1', '{"format":"csv"}'],
      ['POST', 'Bearer t2', '{"format":"csv"}'],
    ]);
  });

  it('names a download without Content-Disposition by the fallback, and throws the API’s message for a refused one', async () => {
    const { impl } = fakeFetch((_, index) =>
      index === 0 ? new Response('{}', { status: 200 }) : json(400, { statusCode: 400, message: 'format must be one of csv, excel, json, pdf' }),
    );
    const api = new EncoreApi('', impl);
    expect((await api.download('POST', '/api/leads/export', {}, 'encore-leads.csv')).filename).toBe('encore-leads.csv');
    await expect(api.download('POST', '/api/leads/export', {}, 'encore-leads.csv')).rejects.toEqual(
      new ApiError(400, 'format must be one of csv, excel, json, pdf'),
    );
  });
});

describe('the file name of a Content-Disposition header', () => {
  it('reads a quoted or bare filename, preferring an encoded filename*', () => {
    expect(filenameFromDisposition('attachment; filename="encore-leads-2026-11-23.xlsx"')).toBe('encore-leads-2026-11-23.xlsx');
    expect(filenameFromDisposition('attachment; filename=report.pdf')).toBe('report.pdf');
    expect(filenameFromDisposition(`attachment; filename="leads.csv"; filename*=UTF-8''K%C5%8Dwhai%20leads.csv`)).toBe('Kōwhai leads.csv');
  });

  it('keeps only the last path segment, and has no name for none or a malformed one', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename="C:\\temp\\leads.json"')).toBe('leads.json');
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`)).toBeNull();
    expect([filenameFromDisposition(null), filenameFromDisposition('inline'), filenameFromDisposition('attachment; filename=""')]).toEqual([null, null, null]);
  });
});

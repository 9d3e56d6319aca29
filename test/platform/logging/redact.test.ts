import { describe, expect, it } from 'vitest';
import { mayHoldRedactedField, redactText } from '../../../src/platform/logging/redact.js';

describe('redactText', () => {
  it('censors bearer and basic credentials, passwords in URLs and tokens in query strings', () => {
    expect(redactText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('Basic dXNlcjpwYXNzd29yZA==')).toBe('Basic [redacted]');
    expect(redactText('smtp://mailer:p%40ss@mail.example.com:587 and postgresql://u:secret@db/encore')).toBe(
      'smtp://mailer:[redacted]@mail.example.com:587 and postgresql://u:[redacted]@db/encore',
    );
    expect(redactText('GET /api/songs/1/stream?access_token=abc.def&x=1')).toBe('GET /api/songs/1/stream?access_token=[redacted]&x=1');
    expect(redactText('/reset?token=abc&password=hunter2')).toBe('/reset?token=[redacted]&password=[redacted]');
    expect(redactText('GET /api/analytics/spotify/callback?code=AQBx-1&state=eyJ.a.b 400')).toBe(
      'GET /api/analytics/spotify/callback?code=[redacted]&state=[redacted] 400',
    );
    expect(redactText('/x?API_KEY=k1&client_secret=s2&id_token=t3&key=k4&refresh_token=r5#top')).toBe(
      '/x?API_KEY=[redacted]&client_secret=[redacted]&id_token=[redacted]&key=[redacted]&refresh_token=[redacted]#top',
    );
  });

  it('leaves ordinary text and already masked passwords alone', () => {
    for (const text of [
      'Basic plan activated for 3 users',
      'GET /api/songs?keyword=blue&country_code=BR&page=2',
      'Using PostgreSQL at postgresql://postgres:****@127.0.0.1:5433/encore',
      'Send Authorization: Bearer <token> from POST /api/login.',
      'http://localhost:3000/api/health/',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });
});

describe('mayHoldRedactedField', () => {
  it('says no for fields where no redacted path can reach a secret', () => {
    expect(mayHoldRedactedField({ req_id: 'a', method: 'GET', url: '/api/songs', status: 200, duration_ms: 1.5 })).toBe(false);
    expect(mayHoldRedactedField({ job: { queue: 'q', data: { song: { id: 1, title: 'x' } } } })).toBe(false);
    // four levels down: deeper than any of REDACTED_PATHS
    expect(mayHoldRedactedField({ a: { b: { c: { password: 'x' } } } })).toBe(false);
  });

  it('says yes for a secret named by a path, at its depth, in an array, or in an object it does not walk', () => {
    expect(mayHoldRedactedField({ password: 'x' })).toBe(true);
    expect(mayHoldRedactedField({ res: { headers: { 'set-cookie': 'x' } } })).toBe(true);
    expect(mayHoldRedactedField({ user: { profile: { token: 'x' } } })).toBe(true);
    expect(mayHoldRedactedField({ users: [{ secret: 'x' }] })).toBe(true);
    expect(mayHoldRedactedField({ err: new Error('boom') })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/logging/redact.js';

describe('redactText', () => {
  it('censors bearer and basic credentials, passwords in URLs and tokens in query strings', () => {
    expect(redactText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('Basic dXNlcjpwYXNzd29yZA==')).toBe('Basic [redacted]');
    expect(redactText('smtp://mailer:p%40ss@mail.example.com:587 and postgresql://u:secret@db/encore')).toBe('smtp://mailer:[redacted]@mail.example.com:587 and postgresql://u:[redacted]@db/encore');
    expect(redactText('GET /api/songs/1/stream?access_token=abc.def&x=1')).toBe('GET /api/songs/1/stream?access_token=[redacted]&x=1');
    expect(redactText('/reset?token=abc&password=hunter2')).toBe('/reset?token=[redacted]&password=[redacted]');
  });

  it('leaves ordinary text and already masked passwords alone', () => {
    for (const text of ['Basic plan activated for 3 users', 'Using PostgreSQL at postgresql://postgres:****@127.0.0.1:5433/encore', 'Send Authorization: Bearer <token> from POST /api/login.', 'http://localhost:3000/api/health/']) {
      expect(redactText(text)).toBe(text);
    }
  });
});

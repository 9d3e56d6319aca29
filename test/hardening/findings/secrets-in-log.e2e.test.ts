import request from 'supertest';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { captureLines, loggingApps } from '../../support/logging-apps.js';

/** What Spotify sends back to the callback: a one-time authorization code and the signed state. */
const CODE = 'AQBspotify-one-time-authorization-code-7f3a9c';
const STATE = 'eyJhbGciOiJIUzI1NiJ9.c3BvdGlmeS1zdGF0ZQ.state-signature-41d2';
const CALLBACK = `/api/analytics/spotify/callback?code=${CODE}&state=${STATE}`;

/**
 * Finding 6 of issue 20: the Spotify OAuth callback's code and state were written to the log
 * verbatim in the request line. Whoever reads the log must learn neither, whatever its format.
 */
describe('the log of a Spotify OAuth callback', () => {
  const apps = loggingApps();
  afterAll(() => apps.close());

  it('in JSON holds the request without its code and state', async () => {
    const output = captureLines();
    const http = await apps.start('json', output.destination);
    await request(http).get(CALLBACK).set('x-request-id', 'oauth-callback-json');
    const entry = output
      .lines()
      .map((line) => JSON.parse(line))
      .find((line) => line.req_id === 'oauth-callback-json');
    expect(entry).toMatchObject({ route: '/api/analytics/spotify/callback', url: '/api/analytics/spotify/callback?code=[redacted]&state=[redacted]' });
    expect(output.lines().join('\n')).not.toContain(CODE);
    expect(output.lines().join('\n')).not.toContain(STATE);
  });

  it('in the pretty format holds the request without its code and state', async () => {
    const written: string[] = [];
    const http = await apps.start('pretty');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      await request(http).get(CALLBACK).set('x-request-id', 'oauth-callback-pretty');
    } finally {
      spy.mockRestore();
    }
    expect(written.find((line) => line.includes('oauth-callback-pretty'))).toContain('/api/analytics/spotify/callback?code=[redacted]&state=[redacted]');
    expect(written.join('')).not.toContain(CODE);
    expect(written.join('')).not.toContain(STATE);
  });
});

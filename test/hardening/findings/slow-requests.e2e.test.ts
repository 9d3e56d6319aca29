import type { AddressInfo, Server } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** What a client that writes `opening` and then nothing more receives before the server closes it. */
function sendAndStall(port: number, opening: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(opening));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

/**
 * Finding 9 of issue 20 (in part): a slow request body held a connection for Node's 300 s
 * default. The limits are now set (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS); here
 * they are short so the test sees them act.
 */
describe('a client that stops sending mid-request', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000' });
    await t.app.listen(0, '127.0.0.1');
    port = ((t.app.getHttpServer() as Server).address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('gets 408 and is disconnected when its body stops short of Content-Length', async () => {
    const answer = await sendAndStall(
      port,
      'POST /api/predict/manual/ HTTP/1.1\r\nHost: encore\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ener',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('gets 408 and is disconnected when its headers never end', async () => {
    const answer = await sendAndStall(port, 'GET /api/health/ HTTP/1.1\r\nHost: encore\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('still gets its answer when it sends the whole request in time', async () => {
    const answer = await sendAndStall(port, 'GET /api/health/ HTTP/1.1\r\nHost: encore\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});

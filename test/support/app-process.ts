import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { projectRoot } from '../../src/platform/config/paths.js';

export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
}

/** The built app as `npm start` runs it: its entry in the bundle (scripts/build.mjs). */
export const APP_ENTRY = join(projectRoot, 'dist/bundle/main.js');

/** Runs the built app in a child process. */
export function spawnApp(env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, [APP_ENTRY], {
    cwd: projectRoot,
    // Request limits off, as in every test but theirs.
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'log', RATE_LIMIT_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, baseUrl: `http://127.0.0.1:${env.PORT}`, output: () => output };
}

/** Polls GET /api/health until it answers (any status) or the process dies or time runs out. */
export async function waitForHealth(app: AppProcess, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`The app exited (${app.child.exitCode}):\n${app.output()}`);
    try {
      return await fetch(`${app.baseUrl}/api/health/`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`The app did not answer within ${timeoutMs} ms:\n${app.output()}`);
}

export async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return { code: child.exitCode, signal: child.signalCode };
}

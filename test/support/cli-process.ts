import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/platform/config/paths.js';
import { exitOf } from './app-process.js';

export interface CliProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves when the command exits. */
  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The built CLI as `npm run cli` runs it: its entry in the bundle (scripts/build.mjs). */
export const CLI_ENTRY = join(projectRoot, 'dist/bundle/cli.js');

/** Runs a command of the built CLI in a child process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exit: () => exitOf(child) };
}

/** Runs a command of the built CLI to its end: its exit code, stdout and stderr. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_ENTRY, ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

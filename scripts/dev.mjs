#!/usr/bin/env node
// Watch mode: tsc recompiles src/ into dist/ on every change, and node restarts the app
// when dist/ changes (the embedded PostgreSQL is stopped and started again with it).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const children = [
  spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=dist', '--enable-source-maps', 'dist/main.js'], { cwd: root, stdio: 'inherit' }),
];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));

#!/usr/bin/env node
// Runs the Prisma CLI offline. Its native schema engine is a download from a host we cannot
// reach; the commands we use (generate, format, validate) never run it, but the CLI refuses
// to start without one, so we name this file as a stand-in. Migrations run through the
// WebAssembly engine instead (npm run db:migrate, npm run db:migration).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url), PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const { status } = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(status ?? 1);

// What CommonJS code reads from its module scope, given to the server's ES module bundle by
// rolldown's `inject` (scripts/build.mjs) wherever a module leaves the name free: a module that
// declares its own (some ES modules make their own `require`) keeps it. Every chunk lies in
// dist/bundle/, so one folder serves them all.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const require = createRequire(import.meta.url);
export const __filename = fileURLToPath(import.meta.url);
export const __dirname = dirname(__filename);

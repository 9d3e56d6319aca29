// What CommonJS code reads from its module scope besides require() (rolldown's own polyfill),
// given to the ES module bundle by rolldown's `inject` (scripts/build.mjs) wherever a module
// leaves the name free: a module that declares its own keeps it. Every chunk lies in
// dist/bundle/, so one folder serves them all.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const __filename = fileURLToPath(import.meta.url);
export const __dirname = dirname(__filename);

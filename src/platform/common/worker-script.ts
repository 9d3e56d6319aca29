import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../config/paths.js';

/**
 * The compiled script of a worker thread, by its path in dist/ (such as `ml/forest-worker.js`):
 * the tests run TypeScript and the server runs a bundle, while a thread needs the JavaScript that
 * `node scripts/build.mjs` writes to dist/.
 */
export function compiledWorkerScript(pathInDist: string): URL {
  const path = join(projectRoot, 'dist', pathInDist);
  if (!existsSync(path)) throw new Error(`worker script ${path} is missing: run \`node scripts/build.mjs\``);
  return pathToFileURL(path);
}

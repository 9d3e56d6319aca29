import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled script of a worker thread, `relative` to the calling module's URL: beside it in
 * dist/, or in dist/ when the caller runs from src/ (the tests run TypeScript; a thread needs
 * the JavaScript that `node scripts/build.mjs` writes).
 */
export function compiledWorkerScript(callerUrl: string, relative: string): URL {
  const fromSource = callerUrl.endsWith('.ts');
  const at = callerUrl.lastIndexOf('/src/');
  const base = fromSource && at >= 0 ? `${callerUrl.slice(0, at)}/dist/${callerUrl.slice(at + '/src/'.length)}` : callerUrl;
  const url = new URL(relative, base);
  if (!existsSync(fileURLToPath(url))) throw new Error(`worker script ${fileURLToPath(url)} is missing: run \`node scripts/build.mjs\``);
  return url;
}

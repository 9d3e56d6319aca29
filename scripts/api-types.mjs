#!/usr/bin/env node
// The web app's API types (web/src/api/openapi.d.ts), generated from the app's OpenAPI document.
// `npm run web:api-types` writes them; `npm run lint` runs this with --check, which fails when the
// committed file differs. The document comes from the sources, loaded through Vite as vitest loads
// them (decorator metadata included), with no build and no database: a few seconds.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES_FILE = 'web/src/api/openapi.d.ts';

/** The document /api/docs-json serves. A fixed configuration: the routes and DTOs do not depend on it, nor then on a local .env. */
async function apiDocument() {
  const vite = await createServer({
    root,
    configFile: false,
    appType: 'custom',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    // One server, so both modules share the app's module instances.
    const { createApiDocumentWithoutDatabase } = await vite.ssrLoadModule('/src/app.ts');
    const { loadConfig } = await vite.ssrLoadModule('/src/platform/config/app-config.ts');
    const { createLogger } = await vite.ssrLoadModule('/src/platform/logging/create-logger.ts');
    return await createApiDocumentWithoutDatabase(loadConfig({ LOG_LEVEL: 'warn' }), createLogger('warn', { stream: 'stderr' }));
  } finally {
    await vite.close();
  }
}

/** What openapi-typescript's CLI writes. defaultNonNullable off: a request field's default does not make it required. */
async function typesOf(document) {
  return `${COMMENT_HEADER}${astToString(await openapiTS(document, { defaultNonNullable: false }))}`;
}

const check = process.argv.includes('--check');
const types = await typesOf(await apiDocument());
const path = join(root, TYPES_FILE);
if (!check) {
  await writeFile(path, types);
} else if ((await readFile(path, 'utf8')) !== types) {
  process.stderr.write(`${TYPES_FILE} is out of date with the API's OpenAPI document: run npm run web:api-types\n`);
  process.exit(1);
}

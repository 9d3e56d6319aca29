import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/config/paths.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const GENERATED_TYPES = join(projectRoot, 'web/src/api/openapi.d.ts');
const OPENAPI_TYPESCRIPT = join(projectRoot, 'node_modules/openapi-typescript/bin/cli.js');

/** The options `npm run web:api-types` gives openapi-typescript, read from package.json (its output file left out). */
async function scriptOptions(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const command = /openapi-typescript (.*)$/.exec(scripts['web:api-types'] ?? '')?.[1] ?? '';
  return command
    .replace(/(^|\s)-o \S+/, '')
    .split(/\s+/)
    .filter(Boolean);
}

/** What `npm run web:api-types` writes for `document`: the same CLI and options, reading the document on stdin. */
async function typesOf(document: string): Promise<string> {
  const run = promisify(execFile)(process.execPath, [OPENAPI_TYPESCRIPT, ...(await scriptOptions())], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  run.child.stdin?.end(document);
  return (await run).stdout;
}

describe("the web app's generated API types", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('match what the OpenAPI document served at /api/docs-json generates', async () => {
    const { text: document } = await request(t.http).get('/api/docs-json').expect(200);
    const expected = await typesOf(document);
    const committed = await readFile(GENERATED_TYPES, 'utf8');
    expect(committed, 'web/src/api/openapi.d.ts is out of date with the API: run npm run web:api-types').toBe(expected);
  });
});

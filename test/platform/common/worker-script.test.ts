import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledWorkerScript } from '../../../src/platform/common/worker-script.js';

describe('finding the compiled script of a worker thread', () => {
  it('takes the script from dist/ by its path there, whatever module asks', () => {
    const url = compiledWorkerScript('ml/forest-worker.js');
    expect(fileURLToPath(url)).toBe(fileURLToPath(new URL('../../../dist/ml/forest-worker.js', import.meta.url)));
    expect(existsSync(url)).toBe(true);
  });

  it('says to build when the script is missing', () => {
    expect(() => compiledWorkerScript('ml/no-such-worker.js')).toThrow(/no-such-worker\.js is missing: run `node scripts\/build\.mjs`/);
  });
});

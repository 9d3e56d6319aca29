import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledWorkerScript } from '../../../src/platform/common/worker-script.js';

describe('finding the compiled script of a worker thread', () => {
  it('takes the script from dist/ when the caller runs from src/', () => {
    const url = compiledWorkerScript(new URL('../../../src/ml/random-forest.ts', import.meta.url).href, './forest-worker.js');
    expect(fileURLToPath(url)).toBe(fileURLToPath(new URL('../../../dist/ml/forest-worker.js', import.meta.url)));
    expect(existsSync(url)).toBe(true);
  });

  it('takes the script beside a compiled caller', () => {
    const caller = new URL('../../../dist/features/hit-prediction/batch/batch-prediction-threads.js', import.meta.url).href;
    expect(compiledWorkerScript(caller, './batch-prediction-worker.js').href).toBe(new URL('./batch-prediction-worker.js', caller).href);
  });

  it('says to build when the script is missing', () => {
    expect(() => compiledWorkerScript(new URL('../../../src/ml/random-forest.ts', import.meta.url).href, './no-such-worker.js')).toThrow(
      /no-such-worker\.js is missing: run `node scripts\/build\.mjs`/,
    );
  });
});

import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/config/paths.js';

// scripts/build.mjs runs before every `npm start`, `npm run cli` and `npm test`.
describe('scripts/build.mjs', { timeout: 180_000 }, () => {
  const buildInfo = join(projectRoot, 'dist/.tsbuildinfo');
  const build = () => spawnSync(process.execPath, [join(projectRoot, 'scripts/build.mjs')], { cwd: projectRoot, encoding: 'utf8' });

  it('leaves the TypeScript compiler out when no source changed since its last build', () => {
    expect(build().status).toBe(0);
    const builtAt = statSync(buildInfo).mtimeMs;
    const again = build();
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('Compiling the server');
    expect(statSync(buildInfo).mtimeMs).toBe(builtAt);
  });

  it('compiles when the last build is older than the sources, and marks the build done', () => {
    utimesSync(buildInfo, 0, 0);
    const rebuilt = build();
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toContain('Compiling the server (TypeScript)...');
    expect(statSync(buildInfo).mtimeMs).toBeGreaterThan(Date.now() - 180_000);
  });
});

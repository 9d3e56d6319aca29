import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderWithPackageJson, projectRoot } from '../../../src/platform/config/paths.js';

describe('the project root', () => {
  it('is the folder of package.json, from any depth below it (src/, dist/, dist/bundle/)', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
    expect(projectRoot).toBe(root);
    expect(folderWithPackageJson(join(root, 'dist', 'bundle'))).toBe(root);
  });

  it('is not found above a folder that no package.json encloses', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'encore-no-package-'));
    try {
      expect(() => folderWithPackageJson(folder)).toThrow(/no package\.json at or above/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

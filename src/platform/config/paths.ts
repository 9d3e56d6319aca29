import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `from` that holds a package.json. */
export function folderWithPackageJson(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json at or above ${from}`);
  }
}

/** The project root, whether this module runs from src/ (tests), dist/ (build) or the server's bundle (dist/bundle/). */
export const projectRoot = folderWithPackageJson(dirname(fileURLToPath(import.meta.url)));

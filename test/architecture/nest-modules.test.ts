import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, nestModules } from './nest-modules.js';

const root = join(import.meta.dirname, '../..');
const modules = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((path) => path.endsWith('.ts') && !path.startsWith('generated/'))
  .flatMap((path) => nestModules(path, readFileSync(join(root, 'src', path), 'utf8')));

describe('Nest modules of src', () => {
  it('are found, with what they import (the scan sees the code it checks)', () => {
    expect(modules.find((module) => module.name === 'AdminModule')?.imports).toContain('SongsModule');
  });

  it('import one another without a cycle', () => {
    expect(importCycles(modules)).toEqual([]);
  });

  it('need no forwardRef (one would hide a cycle)', () => {
    expect(modules.filter((module) => module.forwardRefs.length > 0).map((module) => module.name)).toEqual([]);
  });
});

describe('the module scan', () => {
  const source = `
    @Module({ imports: [BModule, ConfigModule.forRoot({}), forwardRef(() => CModule)] })
    export class AModule {}
    @Module({ imports: [CModule], providers: [X] })
    export class BModule {}
    @Module({ imports: [AModule] })
    export class CModule {}
    @Injectable()
    export class NotAModule {}
  `;

  it('reads imports, calls on a module and forwardRef', () => {
    expect(nestModules('a.ts', source)).toEqual([
      { name: 'AModule', imports: ['BModule', 'ConfigModule', 'CModule'], forwardRefs: ['CModule'] },
      { name: 'BModule', imports: ['CModule'], forwardRefs: [] },
      { name: 'CModule', imports: ['AModule'], forwardRefs: [] },
    ]);
  });

  it('finds each cycle once', () => {
    expect(importCycles(nestModules('a.ts', source))).toEqual([
      ['AModule', 'BModule', 'CModule', 'AModule'],
      ['AModule', 'CModule', 'AModule'],
    ]);
  });
});

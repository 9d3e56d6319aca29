import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importCycles } from './nest-modules.js';

/** The features each feature imports at run time (type-only imports left out: they vanish from the build). */
function featureGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1];
  for (const path of readdirSync(join(root, 'features'), { recursive: true }).map((file) => `features/${String(file)}`)) {
    const from = featureOf(path);
    if (!from || !path.endsWith('.ts')) continue;
    const source = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      if (ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const to = featureOf(normalize(join(dirname(path), specifier.text)));
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

describe('features', () => {
  const graph = featureGraph(join(import.meta.dirname, '../../src'));

  it('are found with the features they use (the scan sees the code it checks)', () => {
    expect([...(graph.get('admin') ?? [])]).toContain('dataset');
  });

  it('use one another without a cycle (docs/architecture.md draws the graph)', () => {
    expect(importCycles([...graph].map(([name, uses]) => ({ name, imports: [...uses], forwardRefs: [] })))).toEqual([]);
  });
});

import ts from 'typescript';

/** A Nest module class and the modules its @Module({ imports }) names; forwardRef marks an import that papers over a cycle. */
export interface NestModule {
  name: string;
  imports: string[];
  forwardRefs: string[];
}

/** The modules an identifier, a call on it (X.forRoot(...)) or forwardRef(() => X) names. */
function importedName(node: ts.Expression): { name: string; forwardRef: boolean } | undefined {
  if (ts.isIdentifier(node)) return { name: node.text, forwardRef: false };
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text === 'forwardRef') {
      const factory = node.arguments[0];
      if (factory && ts.isArrowFunction(factory) && ts.isIdentifier(factory.body)) return { name: factory.body.text, forwardRef: true };
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) return { name: callee.expression.text, forwardRef: false };
  }
  return undefined;
}

/** The @Module classes of one source file. */
export function nestModules(fileName: string, sourceText: string): NestModule[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const modules: NestModule[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    for (const decorator of ts.getDecorators(statement) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Module') continue;
      const metadata = call.arguments[0];
      const module: NestModule = { name: statement.name.text, imports: [], forwardRefs: [] };
      const importsProperty =
        metadata && ts.isObjectLiteralExpression(metadata)
          ? metadata.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText(source) === 'imports')
          : undefined;
      if (importsProperty && ts.isPropertyAssignment(importsProperty) && ts.isArrayLiteralExpression(importsProperty.initializer)) {
        for (const element of importsProperty.initializer.elements) {
          const imported = importedName(element);
          if (!imported) continue;
          module.imports.push(imported.name);
          if (imported.forwardRef) module.forwardRefs.push(imported.name);
        }
      }
      modules.push(module);
    }
  }
  return modules;
}

/** Each cycle of module imports once, as the path that closes it (A → B → A). */
export function importCycles(modules: readonly NestModule[]): string[][] {
  const importsOf = new Map(modules.map((module) => [module.name, module.imports]));
  const cycles = new Map<string, string[]>();
  const visit = (name: string, path: string[]): void => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const cycle = path.slice(at);
      // One key per cycle, whichever module it was entered from.
      const key = [...cycle].sort().join(' ');
      if (!cycles.has(key)) cycles.set(key, [...cycle, name]);
      return;
    }
    for (const imported of importsOf.get(name) ?? []) visit(imported, [...path, name]);
  };
  for (const module of modules) visit(module.name, []);
  return [...cycles.values()];
}

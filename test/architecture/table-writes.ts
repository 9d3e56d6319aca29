import ts from 'typescript';

/**
 * Finds where source code writes database tables, without running it: Prisma delegate writes
 * (`<client>.<model>.create(...)`, inside transactions too) and raw SQL that inserts, updates,
 * deletes, copies into, truncates or locks rows of a table. Row locks count: a lock is taken to
 * write, and whoever writes a table decides how its rows are locked.
 */

/** A table as Prisma declares it: its model's delegate name on the client and its SQL name. */
export interface DeclaredTable {
  model: string;
  delegate: string;
  table: string;
  schemaFile: string;
  /** Relation fields: field name → the related model's name. */
  relations: Map<string, string>;
}

export interface TableWrite {
  /** The SQL table name, or undefined when the SQL names its table through an expression. */
  table: string | undefined;
  how: string;
  line: number;
}

export const PRISMA_WRITE_METHODS = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);

/** The models of Prisma schema files: delegate (model name, first letter lowered), table (@@map or the model name), relation fields. */
export function declaredTables(schemaFiles: readonly { name: string; text: string }[]): DeclaredTable[] {
  const models = schemaFiles.flatMap(({ name, text }) =>
    [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map((match) => ({ name, model: match[1]!, body: match[2]! })),
  );
  const modelNames = new Set(models.map(({ model }) => model));
  return models.map(({ name, model, body }) => {
    const fields = [...body.matchAll(/^\s*(\w+)\s+(\w+)(?:\[\]|\?)?(?:\s|$)/gm)];
    return {
      model,
      delegate: model.charAt(0).toLowerCase() + model.slice(1),
      table: /@@map\(\s*"([^"]+)"\s*\)/.exec(body)?.[1] ?? model,
      schemaFile: name,
      relations: new Map(fields.filter((field) => modelNames.has(field[2]!)).map((field) => [field[1]!, field[2]!])),
    };
  });
}

/** A table name as SQL may write it: bare, quoted, or qualified by a schema. */
const NAME = String.raw`(?:(?:"?\w+"?)\.)?"?(\w+)"?`;
const SUBSTITUTION = '\u0000';
/** Statements that write the table they name; a substitution where the name stands is a table chosen at run time. */
const WRITING_STATEMENTS: { how: string; pattern: RegExp }[] = [
  { how: 'INSERT', pattern: new RegExp(String.raw`\bINSERT\s+INTO\s+(?:${NAME}|(${SUBSTITUTION}))`, 'gi') },
  { how: 'UPDATE', pattern: new RegExp(String.raw`(?<!\bDO\s+|\bFOR\s+(?:NO\s+KEY\s+)?)\bUPDATE\s+(?:ONLY\s+)?(?:${NAME}|(${SUBSTITUTION}))`, 'gi') },
  { how: 'DELETE', pattern: new RegExp(String.raw`\bDELETE\s+FROM\s+(?:ONLY\s+)?(?:${NAME}|(${SUBSTITUTION}))`, 'gi') },
  { how: 'MERGE', pattern: new RegExp(String.raw`\bMERGE\s+INTO\s+(?:${NAME}|(${SUBSTITUTION}))`, 'gi') },
  { how: 'COPY FROM', pattern: new RegExp(String.raw`\bCOPY\s+(?:${NAME}|(${SUBSTITUTION}))(?:\s*\([^)]*\))?\s+FROM\b`, 'gi') },
];
const TRUNCATE = /\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?([^;]+)/gi;
const ROW_LOCK = new RegExp(String.raw`\bFROM\s+(?:ONLY\s+)?(?:${NAME}|(${SUBSTITUTION}))[^;]*?\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE|KEY\s+SHARE)\b`, 'gi');
/** Words that can follow UPDATE or INSERT INTO in SQL without being a table. */
const NOT_A_TABLE = new Set(['set', 'of', 'skip', 'nowait']);

/** The tables a piece of SQL writes; a substitution (${...} in a template) is written as \u0000. */
export function sqlWrites(sql: string): { table: string | undefined; how: string }[] {
  const writes: { table: string | undefined; how: string }[] = [];
  for (const { how, pattern } of WRITING_STATEMENTS) {
    for (const match of sql.matchAll(pattern)) {
      const table = match[1]?.toLowerCase();
      if (table !== undefined && NOT_A_TABLE.has(table)) continue;
      writes.push({ table, how });
    }
  }
  for (const match of sql.matchAll(TRUNCATE)) {
    const list = match[1]!.replace(/\b(RESTART|CONTINUE)\s+IDENTITY\b|\b(CASCADE|RESTRICT)\b/gi, '');
    for (const item of list.split(',')) {
      const name = new RegExp(`^\\s*${NAME}\\s*$`).exec(item)?.[1];
      writes.push({ table: name?.toLowerCase(), how: 'TRUNCATE' });
    }
  }
  for (const match of sql.matchAll(ROW_LOCK)) writes.push({ table: match[1]?.toLowerCase(), how: 'row lock' });
  return writes;
}

/** The text of a string or template literal, each substitution as \u0000. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => SUBSTITUTION + span.literal.text).join('');
  return undefined;
}

/** Keys of a relation field's value that write the related table (a nested write). */
const NESTED_WRITES = new Set(['create', 'createMany', 'connectOrCreate', 'upsert', 'update', 'updateMany', 'delete', 'deleteMany', 'set']);
/** Keys of a write's arguments that hold the written model's own fields. */
const DATA_KEYS = new Set(['data', 'create', 'update']);

/** Every table write in one source file. */
export function tableWrites(fileName: string, sourceText: string, tables: readonly DeclaredTable[]): TableWrite[] {
  const byDelegate = new Map(tables.map((table) => [table.delegate, table]));
  const byModel = new Map(tables.map((table) => [table.model, table]));
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const writes: TableWrite[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  /** The object literals an expression may evaluate to: itself, or inside `cond && {...}`, `a ? {...} : {...}`, arrays, parentheses. */
  const objectsOf = (node: ts.Node): ts.ObjectLiteralExpression[] => {
    if (ts.isObjectLiteralExpression(node)) return [node];
    if (ts.isParenthesizedExpression(node) || ts.isBinaryExpression(node) || ts.isConditionalExpression(node) || ts.isArrayLiteralExpression(node)) {
      return node.getChildren(source).flatMap(objectsOf);
    }
    if (node.kind === ts.SyntaxKind.SyntaxList) return node.getChildren(source).flatMap(objectsOf);
    return [];
  };
  /** Nested writes in a write's data for this model: `{ relation: { create: ... } }`, spreads included. */
  const nestedWrites = (node: ts.Node, model: DeclaredTable): void => {
    for (const object of objectsOf(node)) {
      for (const property of object.properties) {
        if (ts.isSpreadAssignment(property)) nestedWrites(property.expression, model);
        if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
        const key = property.name.text;
        const related = byModel.get(model.relations.get(key) ?? '');
        if (DATA_KEYS.has(key)) nestedWrites(property.initializer, model);
        else if (related) relationWrites(property.initializer, related);
      }
    }
  };
  const relationWrites = (node: ts.Node, related: DeclaredTable): void => {
    for (const object of objectsOf(node)) {
      for (const property of object.properties) {
        if (ts.isSpreadAssignment(property)) relationWrites(property.expression, related);
        if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !NESTED_WRITES.has(property.name.text)) continue;
        writes.push({ table: related.table, how: `nested ${related.delegate}.${property.name.text}`, line: lineOf(property) });
        nestedWrites(property.initializer, related);
      }
    }
  };

  const visit = (node: ts.Node): void => {
    // <client>.<delegate>.<write>(...), whatever the client expression is (this.prisma, tx, a parameter).
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && PRISMA_WRITE_METHODS.has(callee.name.text) && ts.isPropertyAccessExpression(callee.expression)) {
        const model = byDelegate.get(callee.expression.name.text);
        if (model !== undefined) {
          writes.push({ table: model.table, how: `${model.delegate}.${callee.name.text}`, line: lineOf(node) });
          for (const argument of node.arguments) nestedWrites(argument, model);
        }
      }
    }
    // SQL in strings and templates (tagged ones too: $executeRaw`...`, Prisma.sql`...`).
    const text = literalText(node);
    if (text !== undefined) {
      for (const write of sqlWrites(text)) writes.push({ ...write, line: lineOf(node) });
      // A template's text parts are read above; its substitutions may hold SQL of their own.
      if (ts.isTemplateExpression(node)) for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return writes;
}

import type pg from 'pg';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Distinct statements given a name. The texts come from our own query builders (a few filter
 * combinations each), so this is never reached in practice; past it, statements run unnamed
 * rather than growing every connection's prepared statements without end.
 */
export const MAX_NAMED_STATEMENTS = 1000;
const names = new Map<string, string>();

/** The name a statement text runs under: the same on every call, or none past the cap. */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `encore_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one statement of a hot read or write straight through pg, as a named prepared statement:
 * each pooled connection parses and plans it once, then only binds and executes it. Prisma's
 * client costs more JavaScript per query than the query itself on these paths (docs/benchmarks.md,
 * "Where the time goes"). pg's default type parsers apply: timestamps become Dates, json is
 * parsed, int8 stays a string (cast counts to int), and a `date` column should be selected as
 * text (`to_char(…, 'YYYY-MM-DD')`), since pg would read it as local midnight.
 */
export async function queryPrepared<Row extends pg.QueryResultRow>(pool: pg.Pool, sql: Prisma.Sql): Promise<Row[]> {
  const { text, values } = sql;
  const { rows } = await pool.query<Row>({ name: statementName(text), text, values });
  return rows;
}

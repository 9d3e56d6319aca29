/** Every `ordering` value of a listing: each field, ascending or with "-" for descending. */
export function orderingValues(fields: readonly string[]): string[] {
  return fields.flatMap((field) => [field, `-${field}`]);
}

/**
 * Prisma `orderBy` for an `ordering` value such as "-popularity": the field (a column name of
 * `columns`), then the id the same way so pages never overlap. Fields in `nullable` put rows
 * without a value last in both directions.
 */
export function orderByFor(ordering: string, columns: Record<string, string>, nullable: readonly string[] = []): Array<Record<string, unknown>> {
  const sort = ordering.startsWith('-') ? 'desc' : 'asc';
  const field = ordering.replace(/^-/, '');
  const column = columns[field];
  if (!column) throw new Error(`Unknown ordering field ${field}`);
  return [{ [column]: nullable.includes(field) ? { sort, nulls: 'last' } : sort }, { id: sort }];
}

/** A `created_at` range: from `after` (inclusive) up to `before` (exclusive); undefined for neither. */
export function createdBetween(after?: Date, before?: Date): { gte?: Date; lt?: Date } | undefined {
  if (!after && !before) return undefined;
  return { ...(after && { gte: after }), ...(before && { lt: before }) };
}

/** The admin pages' filters, sorting and edits, as plain functions over form values. */

/** A yes/no filter: "" means either. */
export type TriState = '' | 'true' | 'false';

export interface AdminFilterValues {
  search: string;
  /** yyyy-mm-dd, from the date inputs; "" when unset. */
  from: string;
  to: string;
  /** The yes/no filters by their API name (is_hit, explicit, ...). */
  flags: Record<string, TriState>;
  ordering: string;
  page: number;
  pageSize: number;
}

/**
 * The query of an admin listing: set filters only; the "to" day counts whole (the API's
 * created_before is exclusive, so it gets the next day).
 */
export function adminQuery(values: AdminFilterValues): Record<string, string | number> {
  const query: Record<string, string | number> = { page: values.page, page_size: values.pageSize, ordering: values.ordering };
  const search = values.search.trim();
  if (search) query['search'] = search;
  for (const [name, value] of Object.entries(values.flags)) if (value) query[name] = value;
  if (values.from) query['created_after'] = values.from;
  if (values.to) query['created_before'] = nextDay(values.to);
  return query;
}

/** "2026-11-30" → "2026-12-01" (calendar days, no time zone). */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Sorting by a column: a new column starts descending for dates and numbers, ascending for text; the same column flips. */
export function nextOrdering(current: string, field: string, descendingFirst: boolean): string {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return field;
  return descendingFirst ? `-${field}` : field;
}

/** How a column is sorted now, for aria-sort. */
export function sortState(ordering: string, field: string): 'ascending' | 'descending' | 'none' {
  if (ordering === field) return 'ascending';
  if (ordering === `-${field}`) return 'descending';
  return 'none';
}

/** The fields of `edited` that differ from `original`: a PATCH sends only these. */
export function changedFields<T extends object>(original: T, edited: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(edited) as Array<keyof T>) {
    if (edited[key] !== original[key]) changes[key] = edited[key];
  }
  return changes;
}

/**
 * A number field of an edit form: "" is null (no value), a whole number in range is itself,
 * anything else is left as typed for the API to name (it says what is wrong).
 */
export function optionalInteger(text: string): number | null | string {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A required number field of an edit form: a number is itself, anything else is left as typed for the API to name. */
export function requiredNumber(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

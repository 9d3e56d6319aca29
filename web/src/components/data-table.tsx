import { isValidElement, type ComponentChildren, type VNode } from 'preact';
import type { Loadable } from '../hooks.js';
import { LoadedListing, type ListingProps } from './loaded.js';

/**
 * A column heading: its text, `{ label, numeric, srOnly }` (numbers are right-aligned; an
 * `srOnly` label is for screen readers alone), a heading made elsewhere (a sortable one), or
 * `false` for a column not shown.
 */
export type Column = string | { label: ComponentChildren; numeric?: boolean; srOnly?: boolean } | VNode | false;

/** The row actions' column: named for screen readers only. */
export const ACTIONS_COLUMN: Column = { label: 'Actions', srOnly: true };

function Heading({ column }: { column: Exclude<Column, false> }) {
  if (isValidElement(column)) return column;
  if (typeof column === 'string') return <th scope="col">{column}</th>;
  return (
    <th scope="col" class={column.numeric ? 'numeric' : undefined}>
      {column.srOnly ? <span class="sr-only">{column.label}</span> : column.label}
    </th>
  );
}

export interface DataTableProps<T> {
  testId: string;
  /** Read by screen readers only. */
  caption: string;
  columns: Column[];
  rows: readonly T[];
  /** A class beside `data-table`. */
  class?: string;
  /** The `<tr>` of a row (with its key). */
  children: (row: T) => VNode;
}

/** A scrollable table: a caption for screen readers, a row of column headings, and a row made for each item. */
export function DataTable<T>({ testId, caption, columns, rows, class: extraClass, children }: DataTableProps<T>) {
  return (
    <div class="table-scroll">
      <table class={extraClass ? `data-table ${extraClass}` : 'data-table'} data-testid={testId}>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>{columns.map((column, index) => column !== false && <Heading key={index} column={column} />)}</tr>
        </thead>
        <tbody>{rows.map((row) => children(row))}</tbody>
      </table>
    </div>
  );
}

/** A loaded listing as a table: "Loading…", its error, its `empty` sentence, or its results' rows and its pager. */
export function ListingTable<T>({
  value,
  empty,
  emptyTestId,
  pager,
  ...table
}: ListingProps & Omit<DataTableProps<T>, 'rows'> & { value: Loadable<{ results: readonly T[]; count?: number }> }) {
  return (
    <LoadedListing value={value} empty={empty} emptyTestId={emptyTestId} pager={pager}>
      {({ results }) => <DataTable {...table} rows={results} />}
    </LoadedListing>
  );
}

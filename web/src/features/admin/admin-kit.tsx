import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { adminApi, type AdminStats } from './admin-api.js';
import type { Listing } from '../../api/catalog-types.js';
import { useDebounced, useLoad, type Loadable } from '../../hooks.js';
import { adminQuery, nextOrdering, sortState, type AdminFilterValues, type TriState } from './admin.js';
import { plural } from '../../lib/format.js';
import { usePath } from '../../router.js';
import { SubNav } from '../../components/sub-nav.js';

const SECTIONS: Array<{ path: string; label: string; count?: (stats: AdminStats) => number }> = [
  { path: '/admin/songs', label: 'Songs', count: (stats) => stats.songs },
  { path: '/admin/predictions', label: 'Predictions', count: (stats) => stats.predictions },
  { path: '/admin/users', label: 'Users', count: (stats) => stats.users.total },
  { path: '/admin/jobs', label: 'Jobs' },
];

/** The admin pages' menu, each with its count. */
export function AdminNav({ refreshKey }: { refreshKey: number }) {
  const path = usePath();
  const stats = useLoad((signal) => adminApi.stats(signal), [refreshKey]);
  const links = SECTIONS.map((section) => ({
    path: section.path,
    label: section.label,
    current: path === section.path,
    count: stats.state === 'ready' && section.count ? section.count(stats.data) : undefined,
  }));
  return <SubNav label="Admin" links={links} />;
}

export interface FlagFilter {
  name: string;
  label: string;
  yes: string;
  no: string;
}

/** The filters of an admin listing and the query they make (search settles before it is sent). */
export function useAdminFilters(flags: FlagFilter[], defaultOrdering: string, pageSize = 25) {
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [flagValues, setFlagValues] = useState<Record<string, TriState>>(Object.fromEntries(flags.map((flag) => [flag.name, ''])));
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [ordering, setOrdering] = useState(defaultOrdering);
  const [page, setPage] = useState(1);
  const settled = useDebounced(search, 250);
  const values: AdminFilterValues = { search: settled, from, to, flags: flagValues, ordering, page, pageSize };
  const query = { ...adminQuery(values), ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value)) };
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => (set(value), setPage(1));
  return {
    query,
    search,
    from,
    to,
    flagValues,
    extra,
    ordering,
    page,
    pageSize,
    setPage,
    /** The pager's page, size and turn, for LoadedListing and ListingTable. */
    paging: { page, pageSize, onPage: setPage },
    setSearch: reset(setSearch),
    setFrom: reset(setFrom),
    setTo: reset(setTo),
    setFlag: (name: string, value: TriState) => (setFlagValues({ ...flagValues, [name]: value }), setPage(1)),
    setExtra: (name: string, value: string) => (setExtra({ ...extra, [name]: value }), setPage(1)),
    sortBy: (field: string, descendingFirst: boolean) => (setOrdering(nextOrdering(ordering, field, descendingFirst)), setPage(1)),
    clear: () => {
      setSearch('');
      setFrom('');
      setTo('');
      setFlagValues(Object.fromEntries(flags.map((flag) => [flag.name, ''])));
      setExtra({});
      setPage(1);
    },
  };
}

export type AdminFilters = ReturnType<typeof useAdminFilters>;

/** An admin listing, newest first: its filters, the page they select, and `changed` to load it (and the menu's counts) again after an edit. */
export function useAdminListing<T>(flags: FlagFilter[], load: (query: AdminFilters['query'], signal: AbortSignal) => Promise<Listing<T>>) {
  const filters = useAdminFilters(flags, '-created_at');
  const [version, setVersion] = useState(0);
  const listing = useLoad((signal) => load(filters.query, signal), [JSON.stringify(filters.query), version]);
  return { filters, listing, version, changed: () => setVersion((value) => value + 1) };
}

/** An admin listing's card: its heading with how many rows match, then the filters, table and pager. */
export function ListingCard({
  id,
  title,
  level = 1,
  listing,
  noun,
  children,
}: {
  id: string;
  title: string;
  level?: 1 | 2;
  listing: Loadable<{ count: number }>;
  noun: string;
  children: ComponentChildren;
}) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <Heading id={id}>{title}</Heading>
        {listing.state === 'ready' && <span class="muted small">{plural(listing.data.count, noun)} match</span>}
      </div>
      {children}
    </section>
  );
}

/** Search, yes/no filters, a created-at range and what else a page adds. */
export function FilterBar({
  filters,
  flags,
  searchLabel,
  children,
}: {
  filters: AdminFilters;
  flags: FlagFilter[];
  searchLabel: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="filters admin-filters" role="group" aria-label="Filters">
      <Filter label={searchLabel} wide>
        {(id) => (
          <input
            id={id}
            type="search"
            value={filters.search}
            onInput={(event) => filters.setSearch((event.target as HTMLInputElement).value)}
            maxLength={200}
            autoComplete="off"
          />
        )}
      </Filter>
      {flags.map((flag) => (
        <Filter label={flag.label} key={flag.name}>
          {(id) => (
            <select
              id={id}
              value={filters.flagValues[flag.name]}
              onChange={(event) => filters.setFlag(flag.name, (event.target as HTMLSelectElement).value as TriState)}
            >
              <option value="">All</option>
              <option value="true">{flag.yes}</option>
              <option value="false">{flag.no}</option>
            </select>
          )}
        </Filter>
      ))}
      {children}
      <Filter label="Created from">
        {(id) => <input id={id} type="date" value={filters.from} onChange={(event) => filters.setFrom((event.target as HTMLInputElement).value)} />}
      </Filter>
      <Filter label="Created to">
        {(id) => <input id={id} type="date" value={filters.to} onChange={(event) => filters.setTo((event.target as HTMLInputElement).value)} />}
      </Filter>
      <div class="filter-actions">
        <button type="button" class="button ghost small-button" onClick={filters.clear}>
          Clear filters
        </button>
      </div>
    </div>
  );
}

/** One filter: its label names the control alone (a wrapping label would add the control's value to its name). */
export function Filter({ label, wide = false, children }: { label: string; wide?: boolean; children: (id: string) => ComponentChildren }) {
  const id = useId();
  return (
    <div class={`field compact${wide ? ' wide-filter' : ''}`}>
      <label for={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** How a listing is sorted and how to sort it by a column: an admin listing's filters, or a page's own (the lead list's, kept in the address). */
export type Sorting = Pick<AdminFilters, 'ordering' | 'sortBy'>;

/** A column heading that sorts the listing (aria-sort says how it is sorted now). */
export function SortHeader({
  filters,
  field,
  label,
  descendingFirst = false,
  numeric = false,
}: {
  filters: Sorting;
  field: string;
  label: string;
  descendingFirst?: boolean;
  numeric?: boolean;
}) {
  const state = sortState(filters.ordering, field);
  return (
    <th scope="col" aria-sort={state} class={numeric ? 'numeric' : undefined}>
      <button type="button" class="sort-button" onClick={() => filters.sortBy(field, descendingFirst)}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}

export function YesNo({ value, yes = 'Yes', no = 'No' }: { value: boolean; yes?: string; no?: string }) {
  return <span class={`yes-no ${value ? 'yes' : 'no'}`}>{value ? yes : no}</span>;
}

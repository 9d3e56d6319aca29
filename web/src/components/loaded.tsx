import type { ComponentChildren } from 'preact';
import type { Loadable } from '../hooks.js';
import { Pager, type PagerProps } from './pager.js';

/** What a load shows: "Loading…", its error, or the content made from its data. */
export function Loaded<T>({ value, children }: { value: Loadable<T>; children: (data: T) => ComponentChildren }) {
  if (value.state === 'loading') return <p class="muted">Loading…</p>;
  if (value.state === 'failed') return <p class="form-error">{value.message}</p>;
  return <>{children(value.data)}</>;
}

export interface ListingProps {
  /** Said instead when there are no results. */
  empty: ComponentChildren;
  emptyTestId?: string;
  /** Previous / Next under the results, when the listing has pages. */
  pager?: Omit<PagerProps, 'count'>;
}

/**
 * A loaded listing: "Loading…" or its error, the `empty` sentence when it has no results, or
 * what `children` make of it followed by its pager.
 */
export function LoadedListing<L extends { results: readonly unknown[]; count?: number }>({
  value,
  empty,
  emptyTestId,
  pager,
  children,
}: ListingProps & { value: Loadable<L>; children: (listing: L) => ComponentChildren }) {
  return (
    <Loaded value={value}>
      {(listing) =>
        listing.results.length === 0 ? (
          <p class="muted" data-testid={emptyTestId}>
            {empty}
          </p>
        ) : (
          <>
            {children(listing)}
            {pager && <Pager {...pager} count={listing.count ?? listing.results.length} />}
          </>
        )
      }
    </Loaded>
  );
}

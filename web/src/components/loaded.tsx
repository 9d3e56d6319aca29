import type { ComponentChildren } from 'preact';
import type { Loadable } from '../hooks.js';

/** What a load shows: "Loading…", its error, or the content made from its data. */
export function Loaded<T>({ value, children }: { value: Loadable<T>; children: (data: T) => ComponentChildren }) {
  if (value.state === 'loading') return <p class="muted">Loading…</p>;
  if (value.state === 'failed') return <p class="form-error">{value.message}</p>;
  return <>{children(value.data)}</>;
}

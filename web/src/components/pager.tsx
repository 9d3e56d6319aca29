import { formatCount } from '../lib/format.js';

export interface PagerProps {
  label: string;
  page: number;
  pageSize: number;
  count: number;
  onPage(page: number): void;
}

/** Previous / Next for a paginated listing. */
export function Pager({ label, page, pageSize, count, onPage }: PagerProps) {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="button ghost" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span class="muted small">
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      <button type="button" class="button ghost" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

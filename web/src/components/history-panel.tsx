import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { PredictionFilters } from '../api/types.js';
import { useLoad } from '../hooks.js';
import { formatArtists, formatCount, formatDateTime, formatPercent } from '../lib/format.js';
import { VerdictBadge } from './verdict.js';

const PAGE_SIZE = 8;
type TriState = '' | 'true' | 'false';

/** Recent predictions with filters and pages; choosing one shows it again. */
export function HistoryPanel({ refreshKey, onOpen }: { refreshKey: number; onOpen(id: number): void }) {
  const [isHit, setIsHit] = useState<TriState>('');
  const [adjusted, setAdjusted] = useState<TriState>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const filters: PredictionFilters = {
    page,
    page_size: PAGE_SIZE,
    ...(isHit && { is_hit: isHit === 'true' }),
    ...(adjusted && { adjusted_by_dataset: adjusted === 'true' }),
    ...(from && { from }),
    // "to" is exclusive in the API; people mean the whole day.
    ...(to && { to: nextDay(to) }),
  };
  const history = useLoad((signal) => api.predictions(filters, signal), [JSON.stringify(filters), refreshKey]);
  const filter = (set: (value: never) => void) => (event: Event) => {
    set((event.target as HTMLInputElement).value as never);
    setPage(1);
  };
  const pages = history.state === 'ready' ? Math.max(1, Math.ceil(history.data.count / PAGE_SIZE)) : 1;
  return (
    <section class="card history" aria-labelledby="history-title">
      <div class="card-head">
        <h2 id="history-title">History</h2>
        {history.state === 'ready' && <span class="muted small">{formatCount(history.data.count)} predictions</span>}
      </div>
      <div class="filters">
        <TriStateSelect label="Result" value={isHit} onChange={filter(setIsHit)} yes="HIT" no="FLOP" />
        <TriStateSelect label="Adjusted by dataset" value={adjusted} onChange={filter(setAdjusted)} yes="Yes" no="No" />
        <label class="field compact">
          <span>From</span>
          <input type="date" value={from} onChange={filter(setFrom)} />
        </label>
        <label class="field compact">
          <span>To</span>
          <input type="date" value={to} onChange={filter(setTo)} />
        </label>
      </div>
      {history.state === 'failed' && <p class="form-error">{history.message}</p>}
      {history.state === 'loading' && <p class="muted">Loading…</p>}
      {history.state === 'ready' && history.data.results.length === 0 && (
        <p class="muted">No predictions {isHit || adjusted || from || to ? 'match these filters' : 'yet: predict a song above'}.</p>
      )}
      {history.state === 'ready' && history.data.results.length > 0 && (
        <ul class="history-list" data-testid="history">
          {history.data.results.map((entry) => (
            <li key={entry.id}>
              <button type="button" class="history-item" onClick={() => onOpen(entry.id)}>
                <VerdictBadge verdict={entry.prediction} size="small" />
                <span class="history-song">
                  <strong>{entry.song.title}</strong>
                  <span class="muted">
                    {formatArtists(entry.song.artist)} · {formatDateTime(entry.created_at)}
                  </span>
                </span>
                <span class="history-confidence">{formatPercent(entry.confidence)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="History pages">
        <button type="button" class="button ghost" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span class="muted small">
          Page {page} of {pages}
        </span>
        <button type="button" class="button ghost" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </nav>
    </section>
  );
}

interface TriStateSelectProps {
  label: string;
  value: TriState;
  onChange(event: Event): void;
  yes: string;
  no: string;
}

/** All, yes or no: a filter on a boolean field. */
function TriStateSelect({ label, value, onChange, yes, no }: TriStateSelectProps) {
  return (
    <label class="field compact">
      <span>{label}</span>
      <select value={value} onChange={onChange}>
        <option value="">All</option>
        <option value="true">{yes}</option>
        <option value="false">{no}</option>
      </select>
    </label>
  );
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

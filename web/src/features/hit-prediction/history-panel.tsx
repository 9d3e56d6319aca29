import { useState } from 'preact/hooks';
import { api } from '../../api/client.js';
import type { PredictionFilters, Verdict } from '../../api/types.js';
import { useLoad } from '../../hooks.js';
import { formatArtists, formatCount, formatDateTime, formatPercent } from '../../lib/format.js';
import { filterManualHistory, type HistoryFilters, type ManualHistoryEntry } from './manual-history.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { VerdictBadge } from './verdict.js';

const PAGE_SIZE = 8;
type TriState = '' | 'true' | 'false';

interface HistoryPanelProps {
  refreshKey: number;
  onOpen(id: number): void;
  /** Manual predictions saved in this browser (the API stores only songs' predictions). */
  manual: ManualHistoryEntry[];
  onOpenManual(entry: ManualHistoryEntry): void;
}

/** Recent predictions with filters and pages, this browser's manual ones first; choosing one shows it again. */
export function HistoryPanel({ refreshKey, onOpen, manual, onOpenManual }: HistoryPanelProps) {
  const [isHit, setIsHit] = useState<TriState>('');
  const [adjusted, setAdjusted] = useState<TriState>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const criteria: HistoryFilters = {
    ...(isHit && { is_hit: isHit === 'true' }),
    ...(adjusted && { adjusted_by_dataset: adjusted === 'true' }),
    ...(from && { from }),
    // "to" is exclusive in the API; people mean the whole day.
    ...(to && { to: nextDay(to) }),
  };
  const filters: PredictionFilters = { page, page_size: PAGE_SIZE, ...criteria };
  const manualShown = filterManualHistory(manual, criteria);
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
      {manualShown.length > 0 && (
        <>
          <h3 class="section-title">Manual, saved in this browser</h3>
          <ul class="history-list" data-testid="manual-history">
            {manualShown.map((entry) => (
              <HistoryItem
                key={entry.id}
                verdict={entry.prediction}
                title="Your features"
                detail={`Manual · ${formatDateTime(entry.created_at)}`}
                confidence={entry.confidence}
                onClick={() => onOpenManual(entry)}
              />
            ))}
          </ul>
          <h3 class="section-title">Songs</h3>
        </>
      )}
      {history.state === 'failed' && <p class="form-error">{history.message}</p>}
      {history.state === 'loading' && <p class="muted">Loading…</p>}
      {history.state === 'ready' && history.data.results.length === 0 && (
        <p class="muted">No predictions {isHit || adjusted || from || to ? 'match these filters' : 'yet: predict a song above'}.</p>
      )}
      {history.state === 'ready' && history.data.results.length > 0 && (
        <ul class="history-list" data-testid="history">
          {history.data.results.map((entry) => (
            <HistoryItem
              key={entry.id}
              verdict={entry.prediction}
              title={entry.song.title}
              detail={`${formatArtists(entry.song.artist)} · ${formatDateTime(entry.created_at)}`}
              demo={entry.song.demo}
              confidence={entry.confidence}
              onClick={() => onOpen(entry.id)}
            />
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

interface HistoryItemProps {
  verdict: Verdict;
  title: string;
  detail: string;
  confidence: number;
  /** A demo song's prediction. */
  demo?: boolean;
  onClick(): void;
}

function HistoryItem({ verdict, title, detail, confidence, demo = false, onClick }: HistoryItemProps) {
  return (
    <li>
      <button type="button" class="history-item" onClick={onClick}>
        <VerdictBadge verdict={verdict} size="small" />
        <span class="history-song">
          <strong>{title}</strong>
          <span class="muted">
            {detail}
            <DemoBadge demo={demo} />
          </span>
        </span>
        <span class="history-confidence">{formatPercent(confidence)}</span>
      </button>
    </li>
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

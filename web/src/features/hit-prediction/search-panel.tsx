import { useState } from 'preact/hooks';
import { api } from '../../api/client.js';
import type { SearchHit } from '../../api/types.js';
import { useDebounced, useLoad } from '../../hooks.js';
import { formatArtists } from '../../lib/format.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { VerdictBadge } from './verdict.js';

const RESULTS = 12;

/** Dataset search as you type; choosing a song predicts it. */
export function SearchPanel({ onPick, busy }: { onPick(hit: SearchHit): void; busy: boolean }) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 200);
  const results = useLoad((signal) => (settled ? api.searchDataset(settled, RESULTS, signal).then((answer) => answer.songs) : Promise.resolve([])), [settled]);
  return (
    <div class="search-panel">
      <label class="field">
        <span>Search the dataset</span>
        <input
          type="search"
          value={query}
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          placeholder="Title or artist; typos are fine"
          autoComplete="off"
          maxLength={200}
          aria-controls="search-results"
        />
      </label>
      <div id="search-results" aria-live="polite">
        {results.state === 'failed' && <p class="form-error">{results.message}</p>}
        {results.state === 'ready' && settled && results.data.length === 0 && <p class="muted">No song matches “{settled}”.</p>}
        {results.state === 'ready' && results.data.length > 0 && (
          <ul class="search-results" data-testid="search-results">
            {results.data.map((hit) => (
              <li key={hit.id}>
                <button type="button" class="search-result" onClick={() => onPick(hit)} disabled={busy}>
                  <span class="search-text">
                    <strong>{hit.track_name}</strong>
                    <span class="muted">
                      {formatArtists(hit.artists)}
                      {hit.decade ? ` · ${hit.decade}s` : ''}
                      {hit.popularity !== null ? ` · popularity ${hit.popularity}` : ''}
                      <DemoBadge demo={hit.demo} />
                    </span>
                  </span>
                  <VerdictBadge verdict={hit.is_hit ? 'HIT' : 'FLOP'} size="small" />
                </button>
              </li>
            ))}
          </ul>
        )}
        {!settled && <p class="muted small">Results appear as you type. Choose one to predict it.</p>}
      </div>
    </div>
  );
}

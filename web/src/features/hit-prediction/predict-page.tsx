import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type SongQuery } from '../../api/client.js';
import type { SearchHit } from '../../api/types.js';
import { HistoryPanel } from './history-panel.js';
import { ManualForm } from './manual-form.js';
import { ResultCard } from './result-card.js';
import { SearchPanel } from './search-panel.js';
import { SongForm } from './song-form.js';
import { VerdictBadge } from './verdict.js';
import { messageOf, useDebounced, useLoad } from '../../hooks.js';
import { DEFAULT_FEATURES, invalidFeatures, type Features } from '../../lib/features.js';
import { formatPercent } from '../../lib/format.js';
import { MANUAL_HISTORY_KEY, addManualEntry, readManualHistory, type ManualHistoryEntry } from './manual-history.js';
import { browserStorage } from '../../session.js';
import { EMPTY_SONG_FORM, type SongFormValues } from './song-query.js';
import { fromManualPrediction, fromSongPrediction, fromStoredPrediction, type ResultView } from './result-view.js';

type Mode = 'song' | 'manual' | 'search';
const MODES: Array<{ id: Mode; label: string }> = [
  { id: 'song', label: 'Song' },
  { id: 'manual', label: 'Manual' },
  { id: 'search', label: 'Search' },
];

/** Two hits and two flops of the database, the most popular first: songs that are really there. */
async function loadExamples() {
  const [hits, flops] = await Promise.all([
    api.songs({ is_hit: true, ordering: '-popularity', page_size: 2 }),
    api.songs({ is_hit: false, ordering: '-popularity', page_size: 2 }),
  ]);
  return [...hits.results, ...flops.results];
}

export function PredictPage() {
  const [mode, setMode] = useState<Mode>('song');
  const [form, setForm] = useState<SongFormValues>(EMPTY_SONG_FORM);
  const [features, setFeatures] = useState<Features>(DEFAULT_FEATURES);
  const [result, setResult] = useState<ResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [manualHistory, setManualHistory] = useState<ManualHistoryEntry[]>(() => readManualHistory(browserStorage()));
  const resultRef = useRef<HTMLDivElement>(null);
  const examples = useLoad(() => loadExamples(), []);
  const averages = useLoad(() => api.featureAverages(), []);

  const show = (view: ResultView) => {
    setResult(view);
    setError(null);
    requestAnimationFrame(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));
  };

  const predictSong = async (query: SongQuery) => {
    setBusy(true);
    setError(null);
    try {
      show(fromSongPrediction(await api.predictSong(query)));
      setHistoryKey((key) => key + 1);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const openStored = async (id: number) => {
    try {
      show(fromStoredPrediction(await api.prediction(id)));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const pickSearchHit = (hit: SearchHit) => predictSong(hit.track_id ? { track_id: hit.track_id } : { title: hit.track_name, artist: hit.artists });

  // Manual mode predicts as the features change, once they rest for a moment and are all valid.
  // A prediction for features that are no longer valid would answer a question nobody asks now: it goes at once.
  const settledFeatures = useDebounced(features, 300);
  const featuresInvalid = mode === 'manual' && invalidFeatures(features).length > 0;
  useEffect(() => {
    if (featuresInvalid) {
      setResult(null);
      setBusy(false);
      return;
    }
    if (mode !== 'manual' || invalidFeatures(settledFeatures).length > 0) return;
    const controller = new AbortController();
    setBusy(true);
    api.predictManual(settledFeatures, controller.signal).then(
      (answer) => {
        setResult(fromManualPrediction(answer, settledFeatures));
        setError(null);
        setBusy(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(messageOf(failure));
        setBusy(false);
      },
    );
    return () => controller.abort();
  }, [mode, settledFeatures, featuresInvalid]);

  // The result shown is for the features on screen: it may be kept in History.
  const manualAnswer = mode === 'manual' && !busy && result?.probabilities && result.features === features ? result : null;
  const saveManual = () => {
    if (!manualAnswer?.probabilities) return;
    const answer = {
      prediction: manualAnswer.prediction,
      confidence: manualAnswer.confidence,
      probabilities: manualAnswer.probabilities,
      model_version: manualAnswer.modelVersion,
    };
    const entries = addManualEntry(manualHistory, answer, features);
    setManualHistory(entries);
    browserStorage()?.setItem(MANUAL_HISTORY_KEY, JSON.stringify(entries));
  };
  const openManual = (entry: ManualHistoryEntry) => {
    setMode('manual');
    setFeatures(entry.features);
    show({ ...fromManualPrediction(entry, entry.features), predictedAt: entry.created_at });
  };

  const reset = () => {
    setForm(EMPTY_SONG_FORM);
    setFeatures(DEFAULT_FEATURES);
    setResult(null);
    setError(null);
  };

  return (
    <div class="predict-layout">
      <div class="predict-main">
        <section class="card input-card" aria-labelledby="predict-title">
          <h1 id="predict-title">Will it be a hit?</h1>
          <p class="muted">Name a song, paste its Spotify link, or set its audio features by hand.</p>
          <div class="tabs" role="tablist" aria-label="How to choose the song">
            {MODES.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={mode === id}
                aria-controls={`panel-${id}`}
                tabIndex={mode === id ? 0 : -1}
                class="tab"
                onClick={() => (setMode(id), setError(null))}
                onKeyDown={(event) => {
                  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                  if (!step) return;
                  const next = MODES[(MODES.findIndex((entry) => entry.id === mode) + step + MODES.length) % MODES.length]!;
                  setMode(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${mode}`} aria-labelledby={`tab-${mode}`}>
            {mode === 'song' && (
              <SongForm
                values={form}
                onChange={setForm}
                onSubmit={predictSong}
                onReset={reset}
                busy={busy}
                error={error}
                examples={examples.state === 'ready' ? examples.data : []}
              />
            )}
            {mode === 'manual' && (
              <ManualForm features={features} onChange={setFeatures} onReset={reset} onSave={manualAnswer ? saveManual : undefined} busy={busy} error={error} />
            )}
            {mode === 'manual' && (result || featuresInvalid) && (
              // On a phone the result card sits below the ten features: this summary stays in sight at the bottom.
              <button
                type="button"
                class="result-summary"
                data-testid="result-summary"
                onClick={() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
              >
                {result ? (
                  <>
                    <VerdictBadge verdict={result.prediction} size="small" />
                    <span>{formatPercent(result.confidence)} sure</span>
                    <span class="muted small">Details ↓</span>
                  </>
                ) : (
                  <span>Fix the marked feature to predict.</span>
                )}
              </button>
            )}
            {mode === 'search' && (
              <>
                <SearchPanel onPick={pickSearchHit} busy={busy} />
                {error && (
                  <p class="form-error" role="alert" data-testid="form-error">
                    {error}
                  </p>
                )}
              </>
            )}
          </div>
        </section>

        <div class="result-slot" ref={resultRef} aria-live="polite">
          {result ? (
            <ResultCard view={result} averages={averages.state === 'ready' ? averages.data : null} />
          ) : (
            <section class="card empty-result">
              <svg viewBox="0 0 64 64" aria-hidden="true">
                <circle cx="32" cy="32" r="26" />
                <circle cx="32" cy="32" r="8" />
                <path d="M32 6a26 26 0 0 1 26 26" />
              </svg>
              <h2>Your prediction appears here</h2>
              <p class="muted">HIT or FLOP, how sure the model is, and how the song compares with the hits and flops in the database.</p>
            </section>
          )}
        </div>
      </div>

      <div class="history-slot">
        <HistoryPanel refreshKey={historyKey} onOpen={openStored} manual={manualHistory} onOpenManual={openManual} />
      </div>
    </div>
  );
}

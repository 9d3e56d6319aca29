import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.js';
import type { CustomerGenreAnswer, GenreAnswer, GenreModelCard, GenreProfile } from '../../api/types.js';
import { BarChart } from '../../components/bar-chart.js';
import { messageOf, useDebounced, useLoad } from '../../hooks.js';
import { formatCount, formatPercent } from '../../lib/format.js';
import { titleCase, topProbabilities } from './genre.js';

const START: GenreProfile = {
  total_spent: 40,
  total_tracks_bought: 40,
  genre_spending_ratio: 0.5,
  invoice_count: 8,
  average_invoice: 5,
  days_since_last_purchase: 30,
  country: 'Brazil',
  state: '',
  city: '',
};

const NUMBERS: Array<{ name: keyof GenreProfile; label: string; min: number; max?: number; step: number; hint: string }> = [
  { name: 'total_spent', label: 'Total spent', min: 0, step: 0.01, hint: 'In the store’s currency' },
  { name: 'total_tracks_bought', label: 'Tracks bought', min: 0, step: 1, hint: 'All purchases' },
  { name: 'genre_spending_ratio', label: 'Top-genre share', min: 0, max: 1, step: 0.01, hint: 'Share of spending on their top genre, 0–1' },
  { name: 'invoice_count', label: 'Invoices', min: 0, step: 1, hint: 'Number of purchases' },
  { name: 'average_invoice', label: 'Average invoice', min: 0, step: 0.01, hint: 'Spent per purchase' },
  { name: 'days_since_last_purchase', label: 'Days since last purchase', min: 0, step: 1, hint: 'Up to the store’s latest sale' },
];

const PLACES = ['country', 'state', 'city'] as const;

const isInvalid = (profile: GenreProfile) =>
  NUMBERS.some(({ name, min, max }) => {
    const value = profile[name] as number;
    return !Number.isFinite(value) || value < min || (max !== undefined && value > max);
  });

export function GenrePage() {
  const [profile, setProfile] = useState<GenreProfile>(START);
  const model = useLoad(() => api.genreModel(), []);
  const settled = useDebounced(profile, 300);
  const [answer, setAnswer] = useState<GenreAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<AbortController | null>(null);
  const invalid = isInvalid(profile);

  // An answer for a profile that is no longer valid would describe nobody on screen.
  useEffect(() => {
    if (!invalid) return;
    pending.current?.abort();
    setAnswer(null);
    setError(null);
  }, [invalid]);

  /** Asks for `wanted`'s genre; a newer question cancels an older one still on its way. */
  const predict = (wanted: GenreProfile) => {
    pending.current?.abort();
    if (isInvalid(wanted)) return;
    const controller = (pending.current = new AbortController());
    const body = Object.fromEntries(Object.entries(wanted).filter(([, value]) => value !== ''));
    api.predictGenre(body, controller.signal).then(
      (result) => (setAnswer(result), setError(null)),
      (failure: unknown) => !controller.signal.aborted && setError(messageOf(failure)),
    );
  };
  useEffect(() => {
    predict(settled);
    return () => pending.current?.abort();
  }, [settled]);

  const set = (name: keyof GenreProfile, value: string | number) => setProfile({ ...profile, [name]: value });
  // The typing need not settle first when the person asks.
  const predictNow = (event: Event) => {
    event.preventDefault();
    predict(profile);
  };
  const places = model.state === 'ready' ? model.data.location_encoding : null;

  return (
    <div class="genre-layout">
      <section class="card" aria-labelledby="genre-title">
        <p class="eyebrow">Genre preference</p>
        <h1 id="genre-title">Which genre will this customer love?</h1>
        <p class="muted">Describe a store customer: the prediction follows as you type.</p>
        <form class="genre-form" onSubmit={predictNow} noValidate>
          <div class="genre-grid">
            {NUMBERS.map(({ name, label, min, max, step, hint }) => {
              const value = profile[name] as number;
              const invalid = !Number.isFinite(value) || value < min || (max !== undefined && value > max);
              return (
                <label class="field" key={name}>
                  <span>{label}</span>
                  <input
                    type="number"
                    name={name}
                    min={min}
                    max={max}
                    step={step}
                    value={Number.isFinite(value) ? value : ''}
                    aria-invalid={invalid}
                    onInput={(event) =>
                      set(name, (event.target as HTMLInputElement).value === '' ? Number.NaN : Number((event.target as HTMLInputElement).value))
                    }
                  />
                  <span class={invalid ? 'field-error small' : 'muted small'}>
                    {invalid ? `${label} must be ${max === undefined ? `${min} or more` : `between ${min} and ${max}`}.` : hint}
                  </span>
                </label>
              );
            })}
            {PLACES.map((field) => (
              <label class="field" key={field}>
                <span>{titleCase(field)}</span>
                <input
                  name={field}
                  value={profile[field]}
                  list={`${field}-options`}
                  autoComplete="off"
                  maxLength={100}
                  onInput={(event) => set(field, (event.target as HTMLInputElement).value)}
                />
                {places && (
                  <datalist id={`${field}-options`}>
                    {places[field].values.slice(0, 200).map((place) => (
                      <option key={place} value={titleCase(place)} />
                    ))}
                  </datalist>
                )}
              </label>
            ))}
          </div>
          <div class="actions">
            <button type="submit" class="button" disabled={invalid}>
              Predict genre
            </button>
          </div>
        </form>
        <CustomerLookup />
      </section>

      <section class="card" aria-labelledby="genre-result-title" aria-live="polite" data-testid="genre-result">
        <h2 id="genre-result-title">Prediction</h2>
        {error && <p class="form-error">{error}</p>}
        {!error && !answer && <p class="muted">{invalid ? 'Fix the marked field to predict.' : 'Predicting…'}</p>}
        {!error && answer && (
          <>
            <p class="genre-answer">
              <strong data-testid="genre">{answer.prediction.genre}</strong>
              <span class="muted">{formatPercent(answer.prediction.confidence * 100)} sure</span>
            </p>
            {answer.unknown_places.length > 0 && (
              <p class="notice small">The model has not seen this {answer.unknown_places.join(' or ')}: it reads it as “unknown”.</p>
            )}
            <BarChart label="Probability of each genre" entries={topProbabilities(answer.prediction.all_probabilities, 8)} keepOrder />
          </>
        )}
      </section>

      <div class="genre-report">
        {model.state === 'ready' ? <GenreReport card={model.data} /> : model.state === 'failed' ? <p class="card form-error">{model.message}</p> : null}
      </div>
    </div>
  );
}

function CustomerLookup() {
  const [id, setId] = useState('');
  const [result, setResult] = useState<CustomerGenreAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The answer shown is for the number typed: a new number clears it until it is looked up.
  const changeId = (value: string) => (setId(value), setResult(null), setError(null));
  const lookUp = async (event: Event) => {
    event.preventDefault();
    const number = Number(id);
    if (!Number.isInteger(number) || number < 1) return setError('Enter a customer number (1 or more).');
    try {
      setResult(await api.customerGenre(number));
      setError(null);
    } catch (failure) {
      setResult(null);
      setError(messageOf(failure));
    }
  };
  return (
    <form class="customer-lookup" onSubmit={lookUp} noValidate>
      <h2 class="section-title">Or try a store customer</h2>
      <div class="lookup-row">
        <label class="field">
          <span>Customer number</span>
          <input name="customer" inputMode="numeric" value={id} onInput={(event) => changeId((event.target as HTMLInputElement).value)} placeholder="e.g. 7" />
        </label>
        <button type="submit" class="button">
          Look up
        </button>
      </div>
      {error && <p class="form-error">{error}</p>}
      {result && (
        <p class="lookup-result" data-testid="customer-result">
          {result.customer.name}
          {result.customer.country ? ` (${result.customer.country})` : ''}: predicted <strong>{result.prediction.genre}</strong>, actually spent most on{' '}
          <strong>{result.actual_top_genre ?? 'nothing yet'}</strong>
          {result.correct === null ? '' : result.correct ? ' ✓' : ' ✗'}
        </p>
      )}
    </form>
  );
}

function GenreReport({ card }: { card: GenreModelCard }) {
  const { metrics } = card;
  const lift = (metrics.accuracy - metrics.majority_baseline.accuracy) * 100;
  return (
    <section class="card" aria-labelledby="genre-report-title">
      <div class="card-head">
        <h2 id="genre-report-title">The model’s report</h2>
        <span class="muted small">Version {card.version}</span>
      </div>
      {card.synthetic_data && (
        <p class="notice">
          <strong>Trained on the demo store.</strong> Its customers are synthetic. Import a real store with <code>npm run cli -- import-chinook file.sql</code>{' '}
          and retrain.
        </p>
      )}
      {card.customers.labelled < 200 && (
        <p class="notice">
          <strong>Small store.</strong> Only {card.customers.labelled} customers have purchases: the figures below are rough.
        </p>
      )}
      <ul class="stat-grid">
        <li class="stat">
          <span class="stat-value">{formatPercent(metrics.accuracy * 100)}</span>
          <span class="stat-label">Accuracy</span>
          <span class="muted small">
            {metrics.evaluation.method === 'holdout' ? 'on a stratified hold-out' : `${metrics.evaluation.folds}-fold cross-validation`}
          </span>
        </li>
        <li class="stat">
          <span class="stat-value">{formatPercent(metrics.majority_baseline.accuracy * 100)}</span>
          <span class="stat-label">Majority baseline</span>
          <span class="muted small">always “{metrics.majority_baseline.class}”</span>
        </li>
        <li class="stat">
          <span class="stat-value">
            {lift >= 0 ? '+' : '−'}
            {Math.abs(lift).toFixed(1)}
          </span>
          <span class="stat-label">Points over the baseline</span>
          <span class="muted small">{lift >= 0 ? 'what the model adds' : 'the model does worse than guessing the commonest genre'}</span>
        </li>
        <li class="stat">
          <span class="stat-value">{metrics.f1.toFixed(2)}</span>
          <span class="stat-label">Macro F1</span>
          <span class="muted small">every genre counts the same</span>
        </li>
      </ul>
      <p class="muted small">
        {card.data_source}; {card.classes.length} classes
        {card.other_genre.grouped.length > 0 ? `; genres fewer than ${card.other_genre.min_customers} customers prefer are grouped as “Other”` : ''}.
      </p>
      <div class="table-scroll">
        <table class="report-table" data-testid="genre-report">
          <caption>Per genre, on customers the model did not train on</caption>
          <thead>
            <tr>
              <th scope="col">Genre</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">F1</th>
              <th scope="col">Customers</th>
            </tr>
          </thead>
          <tbody>
            {card.classes.map((genre) => {
              const row = metrics.per_class[genre]!;
              return (
                <tr key={genre}>
                  <th scope="row">{genre}</th>
                  <td>{row.precision.toFixed(2)}</td>
                  <td>{row.recall.toFixed(2)}</td>
                  <td>{row.f1.toFixed(2)}</td>
                  <td>{formatCount(row.support)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 class="section-title">What the model reads</h3>
      <BarChart
        label="Feature importances of the genre model"
        entries={Object.entries(metrics.feature_importances).map(([name, value]) => ({ label: titleCase(name.replaceAll('_', ' ')), value }))}
      />
    </section>
  );
}

import { api } from '../../api/client.js';
import type { ModelCard } from '../../api/types.js';
import { BarChart } from '../../components/bar-chart.js';
import { ReliabilityChart } from './reliability-chart.js';
import { useLoad } from '../../hooks.js';
import { featureLabel, importanceEntries } from './explanation.js';
import { formatCount, formatDateTime } from '../../lib/format.js';

const METRICS: Array<{ key: 'roc_auc' | 'accuracy' | 'precision' | 'recall' | 'f1'; label: string; hint: string }> = [
  { key: 'roc_auc', label: 'ROC AUC', hint: 'How well it ranks hits above flops (0.5 = chance)' },
  { key: 'accuracy', label: 'Accuracy', hint: 'Share of test songs it labels right' },
  { key: 'precision', label: 'Precision', hint: 'Of the songs it calls hits, how many are' },
  { key: 'recall', label: 'Recall', hint: 'Of the real hits, how many it finds' },
  { key: 'f1', label: 'F1', hint: 'Balance of precision and recall' },
];

/** A mean absolute contribution (0–1 of probability) in percentage points. */
const asPoints = (value: number) => `${(value * 100).toFixed(1)} pt`;

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen'];

/** "three Spotify audio features (Danceability, Energy and Tempo)": what the active model reads, from its card. */
function featuresRead(card: ModelCard | null): string {
  if (!card) return 'Spotify audio features';
  const labels = card.features.map((feature) => featureLabel(feature.name));
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels.join('');
  const count = COUNT_WORDS[labels.length] ?? String(labels.length);
  return `${count} Spotify audio feature${labels.length === 1 ? '' : 's'} (${list})`;
}

export function ModelPage() {
  const model = useLoad(() => api.activeModel(), []);
  return (
    <div class="model-page">
      <section class="card">
        <p class="eyebrow">About the model</p>
        <h1>How Encore predicts hits</h1>
        <p class="muted">
          A random forest, trained in Encore’s own TypeScript on the data its card names below and run with onnxruntime, reads{' '}
          <span data-testid="model-features">{featuresRead(model.state === 'ready' ? model.data : null)}</span> of a song and gives the probability that it
          charts. Songs that are in an imported dataset get the dataset’s label, with a confidence that rises when the model agrees and falls when it does not.
        </p>
      </section>
      {model.state === 'loading' && <p class="muted">Loading the model card…</p>}
      {model.state === 'failed' && (
        <section class="card">
          <p class="form-error">{model.message}</p>
        </section>
      )}
      {model.state === 'ready' && <ModelCardView card={model.data} />}
    </div>
  );
}

function ModelCardView({ card }: { card: ModelCard }) {
  const [[trueFlop = 0, falseHit = 0] = [], [falseFlop = 0, trueHit = 0] = []] = card.metrics.confusion_matrix;
  return (
    <>
      {card.synthetic_data && (
        <div class="notice" role="note" data-testid="synthetic-notice">
          <strong>Trained on demo data.</strong> The songs this model learned from are synthetic (Encore’s generator), not real charts. Import a real dataset
          and retrain (<code>npm run train</code>) for real predictions.
        </div>
      )}
      <section class="card">
        <div class="card-head">
          <h2>Active model</h2>
          <span class="muted small">Version {card.version}</span>
        </div>
        <dl class="meta">
          <div>
            <dt>Trained</dt>
            <dd>{formatDateTime(card.created_at)}</dd>
          </div>
          <div>
            <dt>Training songs</dt>
            <dd>{formatCount(card.training_rows)}</dd>
          </div>
          <div>
            <dt>Test songs</dt>
            <dd>{formatCount(card.test_rows)}</dd>
          </div>
          <div>
            <dt>Data</dt>
            <dd data-testid="model-data">{card.data_source}</dd>
          </div>

          <div>
            <dt>Fit time</dt>
            <dd>{card.training_seconds.toFixed(2)} s</dd>
          </div>
        </dl>
        {card.training_command && (
          <p class="muted small">
            The same files and this command train the same model again: <code>{card.training_command}</code>
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="metrics-title">
        <h2 id="metrics-title">How well it does on songs it has not seen</h2>
        <ul class="stat-grid">
          {METRICS.map(({ key, label, hint }) => (
            <li class="stat" key={key} title={hint}>
              <span class="stat-value">{card.metrics[key].toFixed(3)}</span>
              <span class="stat-label">{label}</span>
              <span class="muted small">{hint}</span>
            </li>
          ))}
        </ul>
        <table class="confusion">
          <caption>Test songs by real and predicted label</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">Predicted FLOP</th>
              <th scope="col">Predicted HIT</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Real FLOP</th>
              <td>{formatCount(trueFlop)}</td>
              <td>{formatCount(falseHit)}</td>
            </tr>
            <tr>
              <th scope="row">Real HIT</th>
              <td>{formatCount(falseFlop)}</td>
              <td>{formatCount(trueHit)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      {card.calibration && (
        <section class="card" aria-labelledby="calibration-title">
          <h2 id="calibration-title">How far its chances can be trusted</h2>
          <p class="muted small">
            Songs grouped by the chance the model gave them: a point on the dashed diagonal means that of the songs given, say, a 70% chance, 70 in 100 really
            were hits.
          </p>
          <ReliabilityChart calibration={card.calibration} />
        </section>
      )}
      <section class="card" aria-labelledby="importance-title">
        <h2 id="importance-title">What the model listens to</h2>
        {card.importance && card.importance.length > 0 && (
          <>
            <h3 class="section-title">Mean effect on a prediction</h3>
            <p class="muted small">
              How far each feature moves a prediction’s hit score, on average over the test songs (mean absolute contribution, in percentage points).
            </p>
            <BarChart label="Mean effect on a prediction" testId="importance" entries={importanceEntries(card.importance)} format={asPoints} />
          </>
        )}
        {card.importance && card.importance.length > 0 && <h3 class="section-title">Split importance</h3>}
        <p class="muted small">Feature importance: how much each feature’s splits reduce impurity across the forest.</p>
        <BarChart
          label="Feature importances"
          entries={Object.entries(card.metrics.feature_importances).map(([name, value]) => ({ label: featureLabel(name), value }))}
        />
      </section>
      <section class="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <dl class="meta">
          {Object.entries(card.hyperparameters).map(([name, value]) => (
            <div key={name}>
              <dt>{name.replaceAll('_', ' ')}</dt>
              <dd>{value === null ? 'none' : String(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

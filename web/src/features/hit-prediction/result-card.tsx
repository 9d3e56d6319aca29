import type { FeatureAverages } from '../../api/types.js';
import { formatArtists, formatDateTime, formatPercent } from '../../lib/format.js';
import { calibratedHitProbability, explainResult, type ResultView } from './result-view.js';
import { AlbumArt } from '../../components/album-art.js';
import { ComparisonChart } from './comparison-chart.js';
import { ContributionChart } from './contribution-chart.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { FeatureGrid } from './feature-grid.js';
import { ConfidenceBar, VerdictBadge } from './verdict.js';

interface ResultCardProps {
  view: ResultView;
  averages: FeatureAverages | null;
}

export function ResultCard({ view, averages }: ResultCardProps) {
  const { song } = view;
  const title = song?.title ?? 'Your features';
  return (
    <article class="card result" aria-labelledby="result-title" data-testid="result">
      <div class="result-head">
        {song && <AlbumArt src={song.album_image} title={song.title} />}
        <div class="result-identity">
          <p class="eyebrow">
            {song ? 'Prediction' : 'Manual prediction'}
            {song && <DemoBadge demo={song.demo} />}
          </p>
          <h2 id="result-title" data-testid="result-title">
            {title}
          </h2>
          {song && <p class="result-artist">{formatArtists(song.artist)}</p>}
          <div class="verdict-row">
            <VerdictBadge verdict={view.prediction} />
            <ConfidenceBar confidence={view.confidence} verdict={view.prediction} />
          </div>
        </div>
      </div>

      <p class="explanation">{explainResult(view)}</p>
      <ul class="marks" aria-label="How the answer came about">
        {view.inDataset !== undefined && <li class={`mark ${view.inDataset ? 'on' : ''}`}>{view.inDataset ? 'In dataset' : 'Not in dataset'}</li>}
        {view.adjustedByDataset && <li class="mark on">Adjusted by dataset</li>}
        {view.modelPrediction && (
          <li class="mark">
            Model: {view.modelPrediction} · {formatPercent(view.modelConfidence ?? 0)}
          </li>
        )}
        {view.probabilities && (
          <li class="mark">
            HIT {formatPercent(view.probabilities.HIT * 100)} · FLOP {formatPercent(view.probabilities.FLOP * 100)}
          </li>
        )}
      </ul>
      {view.explanation && (
        <ContributionChart explanation={view.explanation} rawProbability={view.rawProbability} calibratedProbability={calibratedHitProbability(view)} />
      )}

      {song && (
        <dl class="meta">
          <div>
            <dt>Album</dt>
            <dd>{song.album ?? 'Unknown'}</dd>
          </div>
          <div>
            <dt>Popularity</dt>
            <dd>{song.popularity === null ? 'Unknown' : `${song.popularity} / 100`}</dd>
          </div>
          <div>
            <dt>Spotify</dt>
            <dd>
              {/* A demo song's track id is invented: no link to a page that does not exist. */}
              {song.spotify_url && !song.demo ? (
                <a href={song.spotify_url} target="_blank" rel="noopener noreferrer">
                  Open in Spotify
                </a>
              ) : song.demo ? (
                'None (demo song)'
              ) : (
                'No link'
              )}
            </dd>
          </div>
          {view.predictedAt && (
            <div>
              <dt>Predicted</dt>
              <dd>{formatDateTime(view.predictedAt)}</dd>
            </div>
          )}
        </dl>
      )}
      {song?.preview_url && <audio class="preview" controls preload="none" src={song.preview_url} aria-label={`30-second preview of ${song.title}`} />}

      <h3 class="section-title">Audio features</h3>
      <FeatureGrid features={view.features} />
      {averages && <ComparisonChart features={view.features} averages={averages} />}
      <p class="fine-print">Model version {view.modelVersion}</p>
    </article>
  );
}

import type { FeatureAverages } from '../../api/types.js';
import { FEATURES, scalePosition, type Features } from '../../lib/features.js';
import { formatAverage, formatCount, formatFeature } from '../../lib/format.js';
import { ChartLegend } from '../../components/chart-legend.js';

/**
 * This song's features beside the average hit and the average flop of the songs table, each
 * on its feature's scale (so tempo and loudness sit beside the 0–1 ratios). Every bar carries
 * its value as text for screen readers and on hover.
 */
export function ComparisonChart({ features, averages }: { features: Features; averages: FeatureAverages }) {
  const hit = averages.hit.features;
  const flop = averages.flop.features;
  if (!hit || !flop) return null;
  const series = [
    { key: 'song', label: 'This song', values: features, format: formatFeature },
    { key: 'hit', label: `Average hit (${formatCount(averages.hit.songs)} songs)`, values: hit, format: formatAverage },
    { key: 'flop', label: `Average flop (${formatCount(averages.flop.songs)} songs)`, values: flop, format: formatAverage },
  ] as const;
  return (
    <figure class="comparison" data-testid="comparison">
      <figcaption>
        <span>Against the database</span>
        <ChartLegend series={series} />
      </figcaption>
      <ul class="comparison-rows">
        {FEATURES.map(({ name, label }) => (
          <li key={name} class="comparison-row">
            <span class="comparison-label">{label}</span>
            <span class="comparison-bars">
              {series.map((entry) => {
                const text = `${entry.label}: ${entry.format(name, entry.values[name])}`;
                return (
                  <span key={entry.key} class={`comparison-bar series-${entry.key}`} title={text}>
                    <i style={{ width: `${Math.max(1, scalePosition(name, entry.values[name]) * 100)}%` }} />
                    <span class="sr-only">{text}</span>
                  </span>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

import { FEATURES, scalePosition, type Features } from '../../lib/features.js';
import { formatFeature } from '../../lib/format.js';

/** The ten features as cards: value in its unit and a small bar on the feature's scale. */
export function FeatureGrid({ features }: { features: Features }) {
  return (
    <ul class="feature-grid" aria-label="Audio features">
      {FEATURES.map(({ name, label, hint }) => (
        <li class="feature-card" key={name} title={hint}>
          <span class="feature-name">{label}</span>
          <span class="feature-value">{formatFeature(name, features[name])}</span>
          <span class="mini-bar" aria-hidden="true">
            <span style={{ width: `${scalePosition(name, features[name]) * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

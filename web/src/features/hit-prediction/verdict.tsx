import type { Verdict } from '../../api/types.js';
import { formatPercent } from '../../lib/format.js';

export function VerdictBadge({ verdict, size = 'large' }: { verdict: Verdict; size?: 'large' | 'small' }) {
  return (
    <span class={`badge badge-${verdict.toLowerCase()} badge-${size}`} data-testid={size === 'large' ? 'verdict' : undefined}>
      {verdict}
    </span>
  );
}

export function ConfidenceBar({ confidence, verdict }: { confidence: number; verdict: Verdict }) {
  return (
    <div class="confidence">
      <div class="confidence-label">
        <span>Confidence</span>
        <strong data-testid="confidence">{formatPercent(confidence)}</strong>
      </div>
      <div class={`meter meter-${verdict.toLowerCase()}`} role="meter" aria-label="Confidence" aria-valuemin={0} aria-valuemax={100} aria-valuenow={confidence}>
        <span style={{ width: `${Math.min(100, Math.max(0, confidence))}%` }} />
      </div>
    </div>
  );
}

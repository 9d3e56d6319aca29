import { contributionBars, describeExplanation, type Explanation } from './explanation.js';
import './explanation.css';

interface ContributionChartProps {
  explanation: Explanation;
  /** The forest's HIT score (0–1) the contributions add up to. */
  rawProbability?: number;
  /** The calibrated HIT chance (0–1) the answer gives. */
  calibratedProbability?: number;
}

/**
 * What moved the model's score, as bars from a centre line: right toward HIT, left toward FLOP,
 * largest first. A table, so a screen reader reads each feature, its value and its points; the
 * sentence above says the same in words.
 */
export function ContributionChart({ explanation, rawProbability, calibratedProbability }: ContributionChartProps) {
  const bars = contributionBars(explanation.contributions);
  if (bars.length === 0) return null;
  return (
    <figure class="contributions" data-testid="contributions">
      <figcaption class="chart-caption">
        <span>Why the model says so</span>
      </figcaption>
      <p class="contribution-sentence" data-testid="contribution-sentence">
        {describeExplanation(explanation, rawProbability, calibratedProbability)}
      </p>
      <table class="contribution-table">
        <caption class="sr-only">What each feature did to the chance of a hit, in percentage points, largest effect first</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">
              <span class="contribution-axis" aria-hidden="true">
                <span class="toward-flop">← FLOP</span>
                <span class="toward-hit">HIT →</span>
              </span>
              <span class="sr-only">Direction</span>
            </th>
            <th scope="col" class="numeric">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.feature} data-feature={bar.feature} data-side={bar.side}>
              <th scope="row">
                <span class="contribution-label">{bar.label}</span> <span class="contribution-value">{bar.value}</span>
              </th>
              <td class="contribution-cell">
                <span class="contribution-track" aria-hidden="true">
                  <i class={`contribution-bar side-${bar.side}`} style={{ width: `${bar.share * 50}%` }} />
                </span>
                <span class="sr-only">{bar.side === 'hit' ? 'toward HIT' : bar.side === 'flop' ? 'toward FLOP' : 'no effect'}</span>
              </td>
              <td class="numeric contribution-points">{bar.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">
        Points are percentage points of the model’s hit score, before calibration: the average song’s score plus every feature’s points gives this song’s.
      </p>
    </figure>
  );
}

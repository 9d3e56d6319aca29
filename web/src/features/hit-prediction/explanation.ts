import { AUDIO_FEATURES, type AudioFeatureName } from '../../../../src/vocabulary/audio-features.js';
import type { Schema } from '../../api/schema.js';
import { FEATURE_BY_NAME, type FeatureName } from '../../lib/features.js';
import { formatCount, formatFeature } from '../../lib/format.js';

/** One feature's part in a prediction: its value and how far it moved the HIT probability (0–1 units). */
export type Contribution = Schema<'FeatureContributionDto'>;

/** Why the forest scored a song as it did: base_value + Σ contribution = the raw HIT probability. */
export type Explanation = Schema<'ExplanationDto'>;

/** One bin of a reliability table: the songs whose predicted HIT probability fell in [from, to). */
export type ReliabilityBin = Schema<'ReliabilityBinDto'>;

/** How the forest's scores were turned into probabilities, and how well each matches what happened. */
export type Calibration = Schema<'ModelCalibrationDto'>;

/** A feature's global importance: its mean absolute contribution over the held-out songs. */
export type FeatureImportance = Schema<'FeatureImportanceDto'>;

const PITCH_CLASSES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'];

const isFormFeature = (name: string): name is FeatureName => Object.hasOwn(FEATURE_BY_NAME, name);
const isAudioFeature = (name: string): name is AudioFeatureName => Object.hasOwn(AUDIO_FEATURES, name);

/** A feature's name as people read it (the vocabulary's label); an unknown name as it came. */
export function featureLabel(name: string): string {
  return isAudioFeature(name) ? AUDIO_FEATURES[name].label : name;
}

/** A feature's value in its unit: "0.82", "3:34", "-5.2 dB", "Major", "C♯", "4 beats". */
export function featureValue(name: string, value: number): string {
  if (isFormFeature(name)) return formatFeature(name, value);
  if (name === 'key') return PITCH_CLASSES[Math.round(value)] ?? 'None';
  if (name === 'time_signature') return `${Math.round(value)} beats`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The feature and its value inside a sentence: "danceability 0.82", "a major key", "explicit lyrics". */
export function featurePhrase(name: string, value: number): string {
  if (name === 'mode') return value >= 0.5 ? 'the major key' : 'the minor key';
  if (name === 'explicit') return value >= 0.5 ? 'explicit lyrics' : 'clean lyrics';
  if (name === 'key' && !PITCH_CLASSES[Math.round(value)]) return 'no detected key';
  return `${featureLabel(name).toLowerCase()} ${featureValue(name, value)}`;
}

const MINUS = '\u2212';

/** A probability (0–1) as whole percent: 0.493 → "49%". */
export function wholePercent(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}

/** A change of probability (0–1 units) in percentage points, signed: 0.092 → "+9.2", -0.004 → "−0.4", 0 → "0.0". */
export function signedPoints(contribution: number, digits = 1): string {
  const points = contribution * 100;
  const text = Math.abs(points).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${points > 0 ? '+' : MINUS}${text}`;
}

/** Points for a sentence: whole from one point up ("+9 points"), one decimal below ("−0.4 points"). */
function pointsInWords(contribution: number): string {
  const digits = Math.abs(contribution * 100) >= 0.95 ? 0 : 1;
  const text = signedPoints(contribution, digits);
  return `${text} point${Math.abs(Number(text.replace(MINUS, '-'))) === 1 ? '' : 's'}`;
}

/** Largest effect first, whichever way it goes. */
export function byEffect(contributions: readonly Contribution[]): Contribution[] {
  return [...contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

export interface ContributionBar {
  feature: string;
  label: string;
  value: string;
  points: string;
  /** Which way it pushed: toward HIT (right of the centre line), toward FLOP (left), or neither. */
  side: 'hit' | 'flop' | 'none';
  /** The bar's length as a share of its half of the chart (0–1): the largest effect fills it. */
  share: number;
}

/** The bars of a diverging chart, largest effect first, each scaled to the largest. */
export function contributionBars(contributions: readonly Contribution[]): ContributionBar[] {
  const sorted = byEffect(contributions);
  const largest = Math.max(...sorted.map((entry) => Math.abs(entry.contribution)), 0);
  return sorted.map(({ feature, value, contribution }) => ({
    feature,
    label: featureLabel(feature),
    value: featureValue(feature, value),
    points: signedPoints(contribution),
    side: contribution > 0 ? 'hit' : contribution < 0 ? 'flop' : 'none',
    share: largest > 0 ? Math.abs(contribution) / largest : 0,
  }));
}

/**
 * The chart in one sentence a non-specialist reads: where the model starts, what raised and what
 * lowered the chance most, and where it ends; then the calibrated chance when it reads differently.
 * `rawProbability` is the forest's HIT score (0–1), `calibratedProbability` the chance it answers (0–1).
 */
export function describeExplanation(explanation: Explanation, rawProbability?: number, calibratedProbability?: number): string {
  const sorted = byEffect(explanation.contributions);
  const raisers = sorted.filter((entry) => entry.contribution > 0);
  const lowerers = sorted.filter((entry) => entry.contribution < 0);
  const most = (count: number) => (count > 1 ? ' most' : '');
  const raised =
    raisers[0] && `${featurePhrase(raisers[0].feature, raisers[0].value)} raised it${most(raisers.length)} (${pointsInWords(raisers[0].contribution)})`;
  const lowered =
    lowerers[0] && `${featurePhrase(lowerers[0].feature, lowerers[0].value)} lowered it${most(lowerers.length)} (${pointsInWords(lowerers[0].contribution)})`;
  const moves =
    raised && lowered
      ? `${raised} and ${lowered}`
      : raised
        ? `${raised} and no feature lowered it`
        : lowered
          ? `${lowered} and no feature raised it`
          : 'no feature moved it';
  const end = rawProbability ?? explanation.base_value + sorted.reduce((sum, entry) => sum + entry.contribution, 0);
  const together = sorted.length === 1 ? 'the one feature brings' : `all ${formatCount(sorted.length)} features together bring`;
  let sentence = `Starting from the average song’s ${wholePercent(explanation.base_value)} chance of being a hit, ${moves}; ${together} the model’s score to ${wholePercent(end)}.`;
  if (calibratedProbability !== undefined && wholePercent(calibratedProbability) !== wholePercent(end)) {
    sentence += ` Checked against how often songs with such scores really were hits, that is a ${wholePercent(calibratedProbability)} chance.`;
  }
  return sentence;
}

/** A point of a reliability curve: the bin's mean predicted probability against its observed hit rate. */
export interface ReliabilityPoint {
  predicted: number;
  observed: number;
  count: number;
  from: number;
  to: number;
}

/** The bins that hold songs, as points of the curve (an empty bin has no mean to draw). */
export function reliabilityPoints(bins: readonly ReliabilityBin[]): ReliabilityPoint[] {
  return bins.flatMap(({ from, to, count, mean_predicted, observed_rate }) =>
    count > 0 && mean_predicted !== null && observed_rate !== null ? [{ predicted: mean_predicted, observed: observed_rate, count, from, to }] : [],
  );
}

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A probability pair (0–1 each) in the plot's pixels: 0 at the bottom left, 1 at the top right (clamped). */
export function plotPoint(predicted: number, observed: number, box: PlotBox): { x: number; y: number } {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return { x: box.left + clamp(predicted) * (box.right - box.left), y: box.bottom - clamp(observed) * (box.bottom - box.top) };
}

/** The curve through the points, as an SVG path ("" without points). */
export function reliabilityPath(points: readonly ReliabilityPoint[], box: PlotBox): string {
  return points
    .map((point, index) => {
      const { x, y } = plotPoint(point.predicted, point.observed, box);
      return `${index === 0 ? 'M' : 'L'} ${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join(' ');
}

/** A point's radius: its area grows with the songs in its bin, from 3 px (few) to 7 px (the fullest bin). */
export function pointRadius(count: number, fullest: number): number {
  return fullest > 0 ? 3 + 4 * Math.sqrt(count / fullest) : 3;
}

/** A bin's range in words: "60–70%". */
export function binRange(bin: { from: number; to: number }): string {
  return `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%`;
}

const METHODS: Record<Calibration['method'], string> = {
  isotonic: 'isotonic regression (a step curve that only rises)',
  platt: 'Platt scaling (an S-shaped curve)',
};

/** The calibration in words: how it was fitted, how far off the chances were before and after, and the Brier scores. */
export function describeCalibration(calibration: Calibration): string[] {
  const points = (value: number) => `${(value * 100).toFixed(1)} points`;
  const better = calibration.ece_after < calibration.ece_before;
  return [
    `The forest’s scores are turned into chances by ${METHODS[calibration.method]}, fitted on ${formatCount(calibration.rows)} songs, each scored by the trees that had not seen it.`,
    `Before calibration a predicted chance was off from the real hit rate by ${points(calibration.ece_before)} on average (expected calibration error); ` +
      `after calibration, by ${points(calibration.ece_after)}${better ? '' : ', no better'}.`,
    `Brier score (the mean squared gap between the predicted chance and what happened; 0 is perfect, lower is better): ` +
      `${calibration.brier_before.toFixed(3)} before, ${calibration.brier_after.toFixed(3)} after.`,
  ];
}

/** Mean absolute contributions as bar entries, largest first (shares of probability, 0–1). */
export function importanceEntries(importance: readonly FeatureImportance[]): Array<{ label: string; value: number }> {
  return [...importance]
    .sort((a, b) => b.mean_abs_contribution - a.mean_abs_contribution)
    .map((entry) => ({ label: featureLabel(entry.feature), value: entry.mean_abs_contribution }));
}

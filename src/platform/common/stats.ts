/**
 * Small numeric helpers shared by the fan-analytics algorithms and the lead scores. Pure and deterministic.
 */

/** Arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Population standard deviation √(Σ(x − mean)² / n) (divides by n, not n − 1); 0 for no values. */
export function populationStd(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const average = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / values.length);
}

/** `value` limited to [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Linear score: `low` (or less) → 0, `high` (or more) → `scale`, straight line between:
 * `scale × clamp((value − low) / (high − low), 0, 1)`.
 */
export function linearScore(value: number, low: number, high: number, scale: number): number {
  return scale * clamp((value - low) / (high - low), 0, 1);
}

/**
 * Relative change `(end − start) / max(start, 1)`: a start of zero counts as one, so growth
 * from nothing is finite (0 → 5 followers is +500 %, which every score clamps).
 */
export function relativeChange(start: number, end: number): number {
  return (end - start) / Math.max(start, 1);
}

/** `value` rounded half away from zero to `decimals` places (never −0). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round((Math.abs(value) + Number.EPSILON) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** One weighted part of a composite score, as the API shows it. */
export interface ScoreComponent {
  /** The measured quantity (null without data). */
  raw: number | null;
  /** `raw` mapped linearly onto the score's scale between documented bounds (null without data). */
  score: number | null;
  /** Share of the composite score, the weights summing to 1. */
  weight: number;
}

/** How a component is scored: `scale` at `high`, 0 at `low`, linear between, clamped. */
export interface ComponentSpec {
  weight: number;
  low: number;
  high: number;
  /** What is placed between the bounds, when not the raw value itself (e.g. its log10). */
  measure?: (raw: number) => number;
}

/**
 * Scores each raw value between its spec's bounds onto 0–`scale` and returns the components
 * (raw and score rounded to `decimals`) with the unrounded weighted total Σ weight × score.
 */
export function scoreComponents<K extends string>(
  specs: Record<K, ComponentSpec>,
  raws: Record<K, number>,
  scale: number,
  decimals: { raw: number; score: number },
): { total: number; components: Record<K, ScoreComponent> } {
  let total = 0;
  const components = {} as Record<K, ScoreComponent>;
  for (const name of Object.keys(specs) as K[]) {
    const { weight, low, high, measure } = specs[name];
    const raw = raws[name];
    const score = linearScore(measure ? measure(raw) : raw, low, high, scale);
    total += weight * score;
    components[name] = { raw: round(raw, decimals.raw), score: round(score, decimals.score), weight };
  }
  return { total, components };
}

/** Every component of `specs` without data: raw and score null, the weight kept. */
export function emptyComponents<K extends string>(specs: Record<K, ComponentSpec>): Record<K, ScoreComponent> {
  const components = {} as Record<K, ScoreComponent>;
  for (const name of Object.keys(specs) as K[]) components[name] = { raw: null, score: null, weight: specs[name].weight };
  return components;
}

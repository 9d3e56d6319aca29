/** Wording, scales and chart geometry of the Analytics pages (no DOM, no API calls: unit-tested). */
import { formatDate } from '../../lib/format.js';

export type MomentumStatus = 'declining' | 'stable' | 'growing' | 'rapid_growth' | 'viral';
export type BreakoutLabel = 'high' | 'medium' | 'low';
export type AlertType = 'viral_spike' | 'viral_momentum' | 'breakout';
export type FanSegment = 'superfan' | 'engaged' | 'casual' | 'dormant';
/** The colour family of a badge or gauge: falling, flat, rising, fast, on fire. */
export type Tone = 'down' | 'flat' | 'up' | 'strong' | 'hot' | 'none';

const NO_VALUE = '—';

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 999 → "999", 1234 → "1.2K", 12_345 → "12.3K", 123_456 → "123K", 3_400_000 → "3.4M"; null → "—". */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (Math.round(abs) < 1000) return `${sign}${Math.round(abs)}`;
  // Smallest unit first that keeps the figure under 1000 once rounded (999,950 is "1M", not "1000K").
  for (let i = UNITS.length - 1; i >= 0; i--) {
    const [size, suffix] = UNITS[i]!;
    const scaled = abs / size;
    const digits = scaled < 100 ? 1 : 0;
    const rounded = Number(scaled.toFixed(digits));
    if (rounded < 1000 || i === 0) return `${sign}${stripZero(rounded.toFixed(digits))}${suffix}`;
  }
  return `${sign}${Math.round(abs)}`;
}

const stripZero = (text: string) => text.replace(/\.0$/, '');

/** A score with one decimal ("85.7"), or "—" when there is none yet. */
export function formatScore(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : value.toFixed(digits);
}

/** A probability 0–1 as a percentage: 1 → "100%", 0.124 → "12%", 0.021 → "2.1%"; null → "—". */
export function formatProbability(probability: number | null | undefined): string {
  if (probability === null || probability === undefined || !Number.isFinite(probability)) return NO_VALUE;
  const percent = probability * 100;
  return `${stripZero(percent.toFixed(percent >= 10 || percent === 0 ? 0 : 1))}%`;
}

/** A share 0–1 with one decimal: 0.034 → "3.4%". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A signed number: 12.34 → "+12.3", -2 → "-2.0", 0 → "0.0". */
export function formatSigned(value: number, digits = 1): string {
  const text = value.toFixed(digits);
  return value > 0 && Number(text) !== 0 ? `+${text}` : text.replace(/^-(0\.?0*)$/, '$1');
}

/** The change from `from` to `to` as a signed percentage ("+299.6%"); "—" from nothing. */
export function formatChange(from: number, to: number): string {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from === 0) return NO_VALUE;
  return `${formatSigned(((to - from) / from) * 100)}%`;
}

export const MOMENTUM_STATUSES: Record<MomentumStatus, { label: string; tone: Tone; description: string }> = {
  declining: { label: 'Declining', tone: 'down', description: 'index under 3: the audience is shrinking or stalling' },
  stable: { label: 'Stable', tone: 'flat', description: 'index 3 to 5: steady, little growth' },
  growing: { label: 'Growing', tone: 'up', description: 'index 5 to 7: growing week on week' },
  rapid_growth: { label: 'Rapid growth', tone: 'strong', description: 'index 7 to 9: growing fast' },
  viral: { label: 'Viral', tone: 'hot', description: 'index 9 or more: growing at a viral pace' },
};

/** The lowest index of each status above declining (the gauge's ticks). */
export const MOMENTUM_FLOORS = [3, 5, 7, 9] as const;

/** "Rapid growth" for rapid_growth; "Not scored" before the first scoring run. */
export function momentumLabel(status: string | null | undefined): string {
  return (status && MOMENTUM_STATUSES[status as MomentumStatus]?.label) || 'Not scored';
}

export function momentumTone(status: string | null | undefined): Tone {
  return (status && MOMENTUM_STATUSES[status as MomentumStatus]?.tone) || 'none';
}

export const BREAKOUT_LABELS: Record<BreakoutLabel, { label: string; tone: Tone }> = {
  high: { label: 'High', tone: 'hot' },
  medium: { label: 'Medium', tone: 'up' },
  low: { label: 'Low', tone: 'flat' },
};

export function breakoutTone(label: string | null | undefined): Tone {
  return (label && BREAKOUT_LABELS[label as BreakoutLabel]?.tone) || 'none';
}

export const MODEL_LABELS: Record<string, string> = { random_forest: 'Random forest', logistic: 'Logistic score' };

export function modelLabel(model: string | null | undefined): string {
  return model ? (MODEL_LABELS[model] ?? model) : NO_VALUE;
}

export const ALERT_TYPES: ReadonlyArray<{ id: AlertType; label: string }> = [
  { id: 'viral_spike', label: 'Viral spike' },
  { id: 'viral_momentum', label: 'Viral momentum' },
  { id: 'breakout', label: 'Breakout' },
];

export function alertTypeLabel(type: string): string {
  return ALERT_TYPES.find((entry) => entry.id === type)?.label ?? type;
}

export type AlertStatus = 'open' | 'acknowledged' | 'all';
export const ALERT_STATUSES: ReadonlyArray<{ id: AlertStatus; label: string }> = [
  { id: 'open', label: 'Open' },
  { id: 'acknowledged', label: 'Acknowledged' },
  { id: 'all', label: 'All' },
];

/** `?status=` of the alerts page: open unless it names another status. */
export function alertStatusFromQuery(value: string | null | undefined): AlertStatus {
  return ALERT_STATUSES.find((entry) => entry.id === value)?.id ?? 'open';
}

/** The API's `acknowledged` filter for a status: open → "false", acknowledged → "true", all → none. */
export function alertStatusQuery(status: AlertStatus): 'true' | 'false' | '' {
  return status === 'open' ? 'false' : status === 'acknowledged' ? 'true' : '';
}

export const FAN_SEGMENTS: ReadonlyArray<{ id: FanSegment; label: string; description: string }> = [
  { id: 'superfan', label: 'Superfans', description: 'recent, frequent and deep: streams, saves, shares and purchases' },
  { id: 'engaged', label: 'Engaged', description: 'active often or deeply' },
  { id: 'casual', label: 'Casual', description: 'now and then' },
  { id: 'dormant', label: 'Dormant', description: 'silent for two months or more' },
];

/** The parts of the Fan Value Score (0–100) and how each raw value reads. */
export const FVS_PARTS = [
  {
    id: 'engagement',
    label: 'Engagement',
    hint: 'likes, comments, shares and saves a day per follower',
    raw: (raw: number) => `${(raw * 100).toFixed(1)}% a day`,
  },
  { id: 'growth', label: 'Growth', hint: 'follower growth over the window', raw: (raw: number) => `${formatSigned(raw * 100)}%` },
  { id: 'reach', label: 'Reach', hint: 'followers plus monthly listeners', raw: (raw: number) => `${formatCompact(raw)} people` },
  { id: 'conversion', label: 'Conversion', hint: 'saves and playlist adds per stream', raw: (raw: number) => `${(raw * 100).toFixed(1)}% of streams` },
] as const;

/** The parts of the Momentum Index (0–10) and how each raw value reads. */
export const MOMENTUM_PARTS = [
  { id: 'velocity', label: 'Velocity', hint: 'mean weekly follower growth of the last two weeks', raw: (raw: number) => `${formatSigned(raw)}% a week` },
  { id: 'acceleration', label: 'Acceleration', hint: 'last week’s growth against the week before', raw: (raw: number) => `${formatSigned(raw)} pp` },
  { id: 'consistency', label: 'Consistency', hint: 'days at or above the week before', raw: (raw: number) => `${Math.round(raw * 100)}% of days` },
  { id: 'viral_potential', label: 'Viral potential', hint: 'largest engagement spike of the window', raw: (raw: number) => `z ${raw.toFixed(1)}` },
] as const;

const BREAKOUT_FEATURES: Record<string, { label: string; format: (value: number) => string }> = {
  momentum_index: { label: 'Momentum Index', format: (value) => `${value.toFixed(1)} of 10` },
  velocity_pct: { label: 'Weekly follower growth', format: (value) => `${formatSigned(value)}%` },
  acceleration_pp: { label: 'Growth acceleration', format: (value) => `${formatSigned(value)} pp` },
  consistency: { label: 'Consistency', format: (value) => `${Math.round(value * 100)}% of days` },
  max_engagement_z: { label: 'Largest engagement spike', format: (value) => `z ${value.toFixed(1)}` },
  log10_followers: { label: 'Audience size', format: (value) => `${formatCompact(10 ** value)} followers` },
  engagement_per_follower: { label: 'Engagement per follower', format: (value) => `${(value * 100).toFixed(1)}% a day` },
};

/** A breakout driver in words: {label: "Weekly follower growth", value: "+100.0%", effect: "raises"}. */
export function describeDriver(driver: { feature: string; value: number; contribution: number }): {
  label: string;
  value: string;
  effect: 'raises' | 'lowers';
} {
  const known = BREAKOUT_FEATURES[driver.feature];
  return {
    label: known?.label ?? driver.feature.replace(/_/g, ' '),
    value: known ? known.format(driver.value) : String(driver.value),
    effect: driver.contribution >= 0 ? 'raises' : 'lowers',
  };
}

const PLATFORM_NAMES: Record<string, string> = { spotify: 'Spotify', instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', apple_music: 'Apple Music' };

/** "tiktok" → "TikTok", "apple_music" → "Apple Music"; an unknown platform as sent. */
export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform;
}

/** The windows the artist page offers, in days. */
export const WINDOW_DAYS = [30, 90, 180] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];
export const DEFAULT_WINDOW_DAYS: WindowDays = 90;

/** `?days=` of the artist page: one of WINDOW_DAYS, else 90. */
export function windowFromQuery(value: string | null | undefined): WindowDays {
  const days = Number(value);
  return (WINDOW_DAYS as readonly number[]).includes(days) ? (days as WindowDays) : DEFAULT_WINDOW_DAYS;
}

/** What the Analytics pages say to an account that sees no artist. */
export function noArtistsMessage(role: 'user' | 'artist' | 'admin'): { title: string; text: string } {
  if (role === 'admin') {
    return {
      title: 'No analytics data yet',
      text: 'No artist has metrics or a connected platform account yet. Import metrics through the API or connect Spotify to see scores here.',
    };
  }
  return {
    title: 'Analytics is for artist teams',
    text:
      role === 'artist'
        ? 'This account publishes as no artist yet, and no artist has added it to their team.'
        : 'Fan analytics (Fan Value Score, momentum, breakout predictions and superfans) is for artists and their teams. This listener account is not on any artist’s team: ask the artist to add you, or sign in with the artist’s account.',
  };
}

// ---- Gauge -------------------------------------------------------------------------------

/** Where a value sits on a half-circle gauge, in degrees from straight up: 0 → -90 (left), max/2 → 0, max → 90 (right). */
export function gaugeAngle(value: number | null | undefined, max = 10): number {
  if (value === null || value === undefined || !Number.isFinite(value) || max <= 0) return -90;
  const clamped = Math.min(Math.max(value, 0), max);
  return -90 + (180 * clamped) / max;
}

/** The point at `angle` degrees from straight up on a circle (SVG coordinates: y grows downward). */
export function gaugePoint(cx: number, cy: number, r: number, angle: number): { x: number; y: number } {
  const radians = (angle * Math.PI) / 180;
  return { x: round(cx + r * Math.sin(radians), 2), y: round(cy - r * Math.cos(radians), 2) };
}

/** The SVG path of the gauge's arc from value `from` to value `to` (clockwise, never more than half a turn). */
export function gaugeArc(cx: number, cy: number, r: number, from: number, to: number, max = 10): string {
  const start = gaugePoint(cx, cy, r, gaugeAngle(from, max));
  const end = gaugePoint(cx, cy, r, gaugeAngle(Math.max(from, to), max));
  return `M ${start.x} ${start.y} A ${r} ${r} 0 0 1 ${end.x} ${end.y}`;
}

// ---- Trend chart ---------------------------------------------------------------------------

export interface TrendDay {
  date: string;
  followers: number;
  streams: number;
  engagement: number;
  spike: { value: number; z_score: number } | null;
}

export interface TrendChart {
  days: TrendDay[];
  /** Indexes of `days` that are engagement spikes, in date order. */
  spikeIndexes: number[];
  followers: { min: number; max: number };
  streams: { min: number; max: number };
}

/** The chart's days from the artist answer, each with its spike (spikes of days outside the series are left out). */
export function buildTrendChart(
  series: ReadonlyArray<{ date: string; followers: number; streams: number; engagement: number }>,
  spikes: ReadonlyArray<{ date: string; value: number; z_score: number }>,
): TrendChart {
  const byDate = new Map(spikes.map((spike) => [spike.date, spike]));
  const days = [...series]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((day) => {
      const spike = byDate.get(day.date);
      return {
        date: day.date,
        followers: day.followers,
        streams: day.streams,
        engagement: day.engagement,
        spike: spike ? { value: spike.value, z_score: spike.z_score } : null,
      };
    });
  const spikeIndexes = days.flatMap((day, index) => (day.spike ? [index] : []));
  const extent = (values: number[]) => (values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: 0, max: 0 });
  return { days, spikeIndexes, followers: extent(days.map((day) => day.followers)), streams: extent(days.map((day) => day.streams)) };
}

/**
 * A readable axis range around [min, max]: the smallest round step (1, 2, 2.5 or 5 × 10ⁿ) that
 * covers it in at most `ticks` + 1 intervals; zero-based when asked.
 */
export function niceRange(min: number, max: number, ticks = 4, fromZero = false): { min: number; max: number; step: number; ticks: number[] } {
  let low = fromZero ? Math.min(0, min) : min;
  let high = max;
  if (!Number.isFinite(low) || !Number.isFinite(high)) low = high = 0;
  if (high === low) {
    // A flat line sits inside a small range, not on the floor.
    const pad = Math.abs(high) > 0 ? Math.abs(high) * 0.1 : 1;
    high += pad;
    low = fromZero && low >= 0 ? 0 : low - pad;
  }
  const intervals = Math.max(1, ticks) + 1;
  let power = 10 ** (Math.floor(Math.log10((high - low) / intervals)) - 1);
  for (;;) {
    for (const factor of [1, 2, 2.5, 5]) {
      const step = factor * power;
      const start = Math.floor(low / step + 1e-9) * step;
      const end = Math.ceil(high / step - 1e-9) * step;
      if (Math.round((end - start) / step) <= intervals) {
        const values: number[] = [];
        for (let value = start; value <= end + step / 2; value += step) values.push(round(value, 6));
        return { min: round(start, 6), max: round(end, 6), step: round(step, 6), ticks: values };
      }
    }
    power *= 10;
  }
}

/** The x of day `index` of `count` across [left, right]; a single day sits in the middle. */
export function xOf(index: number, count: number, left: number, right: number): number {
  if (count <= 1) return round((left + right) / 2, 2);
  return round(left + ((right - left) * index) / (count - 1), 2);
}

/** The y of `value` on [min, max] drawn from `bottom` up to `top`. */
export function yOf(value: number, min: number, max: number, top: number, bottom: number): number {
  if (max === min) return round((top + bottom) / 2, 2);
  return round(bottom - ((value - min) / (max - min)) * (bottom - top), 2);
}

/** An SVG polyline path through the values ("M x y L x y …"); empty for no values. */
export function linePath(
  values: readonly number[],
  range: { min: number; max: number },
  box: { left: number; right: number; top: number; bottom: number },
): string {
  return values
    .map(
      (value, index) => `${index === 0 ? 'M' : 'L'} ${xOf(index, values.length, box.left, box.right)} ${yOf(value, range.min, range.max, box.top, box.bottom)}`,
    )
    .join(' ');
}

/** The day nearest to `x` across [left, right] (for a pointer over the chart). */
export function nearestIndex(x: number, count: number, left: number, right: number): number {
  if (count <= 1 || right <= left) return 0;
  const index = Math.round(((x - left) / (right - left)) * (count - 1));
  return Math.min(count - 1, Math.max(0, index));
}

/** Up to `count` evenly spread day indexes for the date axis, always the first and the last. */
export function dateTickIndexes(days: number, count = 4): number[] {
  if (days <= 0) return [];
  if (days === 1) return [0];
  const n = Math.min(days, Math.max(2, count));
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round(((days - 1) * i) / (n - 1))))];
}

/** "26 Aug" (the axis has no room for years). */
export function shortDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** The chart in one sentence, for screen readers and as its text alternative. */
export function describeTrend(chart: TrendChart): string {
  const first = chart.days[0];
  const last = chart.days.at(-1);
  if (!first || !last) return 'No daily metrics in this window.';
  const span = `from ${formatDate(first.date)} to ${formatDate(last.date)}`;
  const followers = `Followers went from ${formatCompact(first.followers)} to ${formatCompact(last.followers)} (${formatChange(first.followers, last.followers)})`;
  const streams = `daily streams from ${formatCompact(first.streams)} to ${formatCompact(last.streams)}, peaking at ${formatCompact(chart.streams.max)}`;
  const spikes = chart.spikeIndexes.map((index) => chart.days[index]!);
  const spikeText =
    spikes.length === 0
      ? 'No engagement spikes.'
      : `${spikes.length} engagement spike${spikes.length === 1 ? '' : 's'}: ${spikes.map((day) => `${formatDate(day.date)} (z ${day.spike!.z_score.toFixed(1)})`).join(', ')}.`;
  return `${followers} and ${streams}, ${span}. ${spikeText}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

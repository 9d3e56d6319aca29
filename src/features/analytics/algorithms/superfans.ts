/**
 * Superfans: RFM-style segments of an artist's fans, on fixed thresholds (not quantiles), so a
 * fan's segment does not depend on the other fans and can be worked out by hand.
 *
 * Per fan, as of `asOf`:
 * - recency_days = whole days since the last event: floor((asOf − lastEventAt) / 24 h), at least 0.
 * - active_days = days with at least one event in the analysis window (the service's window, 90
 *   days by default; the frequency thresholds below are made for it).
 * - depth = streams + 3 × saves + 5 × shares + 20 × purchases in the window: a save is worth three
 *   streams, a share (which brings new listeners) five, a purchase (money) twenty.
 *
 * Scores 1–5:
 *
 *   score   recency_days   active_days   depth
 *   5       ≤ 7            ≥ 20          ≥ 500
 *   4       ≤ 14           ≥ 10          ≥ 200
 *   3       ≤ 30           ≥ 5           ≥ 50
 *   2       ≤ 60           ≥ 2           ≥ 10
 *   1       more           fewer         less
 *
 * Segments, the first rule that matches (so every fan is in exactly one):
 * 1. superfan: recency ≥ 4, frequency ≥ 4 and depth ≥ 4 (active in the last two weeks, on 10+
 *    days, 200+ depth);
 * 2. dormant: recency ≤ 2 (nothing for over 30 days);
 * 3. engaged: frequency ≥ 3 or depth ≥ 3 (active in the last 30 days, and on 5+ days or with
 *    50+ depth);
 * 4. casual: everyone else (active in the last 30 days, a little).
 *
 * Summary shares are rounded to 4 decimals.
 */
import { round } from '../../../platform/common/stats.js';

export interface FanActivity {
  fanId: string;
  lastEventAt: Date | string;
  /** Days with at least one event in the window. */
  activeDays: number;
  events: number;
  streams: number;
  saves: number;
  shares: number;
  purchases: number;
}

export type FanSegment = 'superfan' | 'engaged' | 'casual' | 'dormant';
export const FAN_SEGMENTS: readonly FanSegment[] = ['superfan', 'engaged', 'casual', 'dormant'];

/** Depth weight of each kind of event. */
export const DEPTH_WEIGHTS = { streams: 1, saves: 3, shares: 5, purchases: 20 } as const;
/** Most days since the last event for recency scores 5, 4, 3, 2 (more: 1). */
export const RECENCY_MAX_DAYS = [7, 14, 30, 60] as const;
/** Fewest active days for frequency scores 5, 4, 3, 2 (fewer: 1). */
export const FREQUENCY_MIN_DAYS = [20, 10, 5, 2] as const;
/** Least depth for depth scores 5, 4, 3, 2 (less: 1). */
export const DEPTH_MIN = [500, 200, 50, 10] as const;

export interface FanSegmentRow {
  fan_id: string;
  recency_days: number;
  active_days: number;
  events: number;
  depth: number;
  recency_score: number;
  frequency_score: number;
  depth_score: number;
  /** The three scores as digits, e.g. "545". */
  rfm: string;
  segment: FanSegment;
}

export interface SegmentSummary {
  total_fans: number;
  /** Per segment: fans and their share of all fans (0–1, 4 decimals; 0 without fans). */
  segments: Record<FanSegment, { count: number; share: number }>;
  /** The superfans with the most depth (then most active days, then fan id), at most topN. */
  top_superfans: FanSegmentRow[];
}

const DAY_MS = 86_400_000;

/** streams + 3 × saves + 5 × shares + 20 × purchases. */
export function fanDepth(fan: Pick<FanActivity, 'streams' | 'saves' | 'shares' | 'purchases'>): number {
  return fan.streams * DEPTH_WEIGHTS.streams + fan.saves * DEPTH_WEIGHTS.saves + fan.shares * DEPTH_WEIGHTS.shares + fan.purchases * DEPTH_WEIGHTS.purchases;
}

/** 5 for ≤ 7 days, 4 for ≤ 14, 3 for ≤ 30, 2 for ≤ 60, else 1. */
export function recencyScore(days: number): number {
  const index = RECENCY_MAX_DAYS.findIndex((max) => days <= max);
  return index < 0 ? 1 : 5 - index;
}

/** 5 for ≥ 20 active days, 4 for ≥ 10, 3 for ≥ 5, 2 for ≥ 2, else 1. */
export function frequencyScore(activeDays: number): number {
  const index = FREQUENCY_MIN_DAYS.findIndex((min) => activeDays >= min);
  return index < 0 ? 1 : 5 - index;
}

/** 5 for depth ≥ 500, 4 for ≥ 200, 3 for ≥ 50, 2 for ≥ 10, else 1. */
export function depthScore(depth: number): number {
  const index = DEPTH_MIN.findIndex((min) => depth >= min);
  return index < 0 ? 1 : 5 - index;
}

/** The segment of recency, frequency and depth scores (the first matching rule of the module comment). */
export function segmentOf(recency: number, frequency: number, depth: number): FanSegment {
  if (recency >= 4 && frequency >= 4 && depth >= 4) return 'superfan';
  if (recency <= 2) return 'dormant';
  if (frequency >= 3 || depth >= 3) return 'engaged';
  return 'casual';
}

/** Whole days from `lastEventAt` to `asOf` (0 when the event is not before asOf). */
export function recencyDays(lastEventAt: Date | string, asOf: Date): number {
  const last = new Date(lastEventAt).getTime();
  if (Number.isNaN(last)) throw new RangeError(`lastEventAt is not a date: ${String(lastEventAt)}`);
  return Math.max(0, Math.floor((asOf.getTime() - last) / DAY_MS));
}

/** Every fan's scores and segment as of `asOf`, in input order. */
export function segmentFans(fans: readonly FanActivity[], asOf: Date): FanSegmentRow[] {
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf is not a date');
  return fans.map((fan) => {
    const recency_days = recencyDays(fan.lastEventAt, asOf);
    const depth = fanDepth(fan);
    const recency_score = recencyScore(recency_days);
    const frequency_score = frequencyScore(fan.activeDays);
    const depth_score = depthScore(depth);
    return {
      fan_id: fan.fanId,
      recency_days,
      active_days: fan.activeDays,
      events: fan.events,
      depth,
      recency_score,
      frequency_score,
      depth_score,
      rfm: `${recency_score}${frequency_score}${depth_score}`,
      segment: segmentOf(recency_score, frequency_score, depth_score),
    };
  });
}

/** Counts and shares per segment and the top `topN` (default 10) superfans by depth. */
export function summarizeSegments(rows: readonly FanSegmentRow[], topN = 10): SegmentSummary {
  const total = rows.length;
  const segments = {} as SegmentSummary['segments'];
  for (const segment of FAN_SEGMENTS) {
    const count = rows.filter((row) => row.segment === segment).length;
    segments[segment] = { count, share: total > 0 ? round(count / total, 4) : 0 };
  }
  const top_superfans = rows
    .filter((row) => row.segment === 'superfan')
    .sort((a, b) => b.depth - a.depth || b.active_days - a.active_days || (a.fan_id < b.fan_id ? -1 : a.fan_id > b.fan_id ? 1 : 0))
    .slice(0, Math.max(0, topN));
  return { total_fans: total, segments, top_superfans };
}

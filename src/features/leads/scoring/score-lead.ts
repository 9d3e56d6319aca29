/**
 * The lead score, 0–100: how worth approaching an artist is.
 *
 *   total = independence (0–40) + opportunity (0–40) + geography (0–20)
 *
 * each component rounded to 2 decimals, and the total the sum of the rounded components (so the
 * breakdown always adds up to the total shown). Tiers, from that total:
 *
 * | tier | total |
 * |---|---|
 * | A | ≥ 70 |
 * | B | 50 – < 70 |
 * | C | 30 – < 50 |
 * | D | < 30 |
 *
 * `reasons` lists, in order: the independence reason, the reason of every opportunity factor that
 * scored, and the geography reason. Components: `independence.ts`, `opportunity.ts`,
 * `geography.ts`; YouTube opportunities: `youtube.ts`; the label classes: `classify-label.ts`.
 */
import type { LeadFacts } from './facts.js';
import { round } from './facts.js';
import { DEFAULT_GEOGRAPHY_TARGETS, type GeographyScore, type GeographyTargets, scoreGeography } from './geography.js';
import { type IndependenceScore, scoreIndependence } from './independence.js';
import { type OpportunityScore, scoreOpportunity } from './opportunity.js';

/** Best first. */
export const LEAD_TIERS = ['A', 'B', 'C', 'D'] as const;
export type LeadTier = (typeof LEAD_TIERS)[number];

/** The lowest total of each tier (D is everything below C). */
export const TIER_THRESHOLDS = { A: 70, B: 50, C: 30 } as const;

export interface ScoreLeadOptions {
  /** Geography targets; default New Zealand 30, Australia 25, Pacific Islands 20, other 5. */
  targets?: GeographyTargets;
  /** The moment recency is measured from; default the current time. */
  now?: Date;
}

export interface LeadScore {
  /** 0–100, 2 decimals. */
  total: number;
  tier: LeadTier;
  independence: IndependenceScore;
  opportunity: OpportunityScore;
  geography: GeographyScore;
  /** Why, in words. */
  reasons: string[];
}

/** The tier of a total: A ≥ 70, B ≥ 50, C ≥ 30, else D. */
export function tierFor(total: number): LeadTier {
  if (total >= TIER_THRESHOLDS.A) return 'A';
  if (total >= TIER_THRESHOLDS.B) return 'B';
  if (total >= TIER_THRESHOLDS.C) return 'C';
  return 'D';
}

/** Scores one lead from what the sources found (see the module comment). */
export function scoreLead(facts: LeadFacts, options: ScoreLeadOptions = {}): LeadScore {
  const independence = scoreIndependence(facts);
  const opportunity = scoreOpportunity(facts, { now: options.now ?? new Date(), classification: independence.classification });
  const geography = scoreGeography(facts.country, options.targets ?? DEFAULT_GEOGRAPHY_TARGETS);
  const total = round(independence.points + opportunity.points + geography.points, 2);
  const reasons = [
    independence.classification.reason,
    ...opportunity.items.filter((item) => item.points > 0).map((item) => item.reason),
    geography.items[0]!.reason,
  ];
  return { total, tier: tierFor(total), independence, opportunity, geography, reasons };
}

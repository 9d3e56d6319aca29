/**
 * Opportunity, 40 % of the lead score: how much the artist could gain from label services. Six
 * factors, with the issue's points (85 in all):
 *
 * | factor | max | points |
 * |---|---|---|
 * | missing_platforms | 20 | 4 per key platform (Spotify, Apple Music, YouTube, Instagram, TikTok) the artist was not found on; 0 when platforms are not known |
 * | basic_distribution | 15 | 15 when self-released (no label, own label or DIY distributor), or when the artist has 3 releases or fewer and is not with a major; else 0 |
 * | no_publishing | 10 | 10 when no publisher was found, 0 with a publisher, 5 when not known |
 * | growing_streams | 15 | 15 × min(g / 20 %, 1), g the best growth since the previous snapshot of Spotify followers, Spotify popularity or Last.fm listeners; 0 without an earlier figure or when nothing grew |
 * | recent_activity | 10 | 10 when the latest release is at most 365 days before `now` (or later), else 0; 0 when not known |
 * | youtube | 15 | the YouTube opportunities' points, at most 15: no_presence 15, underperforming 10, inconsistent_uploads 5, high_growth_emerging 10 |
 *
 *   points = raw × 40 / 85   (raw = the sum of the factors, 0–85)
 *
 * Item points are on the raw scale and rounded to 2 decimals; `points` is rounded to 2 decimals.
 * A YouTube channel found counts as YouTube presence even when `platforms` lacks `youtube`.
 */
import { classifyLabel, type IndependenceClass, type LabelClassification } from './classify-label.js';
import {
  clamp,
  daysBefore,
  factDate,
  formatCount,
  formatPercent,
  growth,
  isoDay,
  known,
  type ComponentScore,
  type LeadFacts,
  round,
  type ScoreItem,
} from './facts.js';
import { type YoutubeOpportunity, type YoutubeOpportunityKind, youtubeOpportunities } from './youtube.js';

export const OPPORTUNITY_MAX = 40;

/** Each factor's maximum raw points; they sum to `OPPORTUNITY_RAW_MAX`. */
export const OPPORTUNITY_FACTORS = {
  missing_platforms: 20,
  basic_distribution: 15,
  no_publishing: 10,
  growing_streams: 15,
  recent_activity: 10,
  youtube: 15,
} as const;

export type OpportunityFactor = keyof typeof OPPORTUNITY_FACTORS;

export const OPPORTUNITY_RAW_MAX = 85;

/** The platforms an artist is expected on, with their names in reasons. */
export const KEY_PLATFORMS = { spotify: 'Spotify', apple_music: 'Apple Music', youtube: 'YouTube', instagram: 'Instagram', tiktok: 'TikTok' } as const;
export const POINTS_PER_MISSING_PLATFORM = 4;
/** basic_distribution: this many releases or fewer is a small catalogue. */
export const FEW_RELEASES = 3;
/** growing_streams: growth that earns the full 15 points. */
export const FULL_GROWTH = 0.2;
/** recent_activity: a release at most this many days old. */
export const RECENT_RELEASE_DAYS = 365;
export const YOUTUBE_OPPORTUNITY_POINTS: Readonly<Record<YoutubeOpportunityKind, number>> = {
  no_presence: 15,
  underperforming: 10,
  inconsistent_uploads: 5,
  high_growth_emerging: 10,
};

export interface OpportunityScore extends ComponentScore {
  /** The YouTube opportunities found, with their evidence. */
  youtube: YoutubeOpportunity[];
}

export interface OpportunityOptions {
  now?: Date;
  /** The release's label class, when already computed (else classified from `facts`). */
  classification?: LabelClassification;
}

type Scored = Omit<ScoreItem, 'factor' | 'max'>;

/** A platform name as a key: "Apple Music" → `apple_music`. */
function platformKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function missingPlatforms(facts: LeadFacts): Scored {
  if (facts.platforms === null || facts.platforms === undefined) return { points: 0, reason: 'Platforms not known' };
  const present = new Set(facts.platforms.map(platformKey));
  if (facts.youtube?.hasChannel) present.add('youtube');
  const missing = Object.entries(KEY_PLATFORMS).filter(([key]) => !present.has(key));
  if (missing.length === 0) return { points: 0, reason: 'Found on every key platform' };
  return { points: POINTS_PER_MISSING_PLATFORM * missing.length, reason: `Not found on ${missing.map(([, name]) => name).join(', ')}` };
}

const ESTABLISHED: Readonly<Record<IndependenceClass, string>> = {
  self_released: 'self-released',
  small_distributor: 'small distributor',
  indie_label: 'indie label',
  major: 'major',
  unknown: 'label not known',
};

function basicDistribution(facts: LeadFacts, classification: LabelClassification): Scored {
  const releases = known(facts.releaseCount);
  const catalogue = releases === null ? '' : ` (${releases} release${releases === 1 ? '' : 's'})`;
  if (classification.class === 'major') return { points: 0, reason: `Major distribution${catalogue}` };
  if (classification.class === 'self_released') return { points: 15, reason: `Basic distribution: self-released${catalogue}` };
  if (releases !== null && releases <= FEW_RELEASES) return { points: 15, reason: `Basic distribution: only ${releases} release${releases === 1 ? '' : 's'}` };
  if (classification.class === 'unknown' && releases === null) return { points: 0, reason: 'Distribution not known' };
  return { points: 0, reason: `Established distribution: ${ESTABLISHED[classification.class]}${catalogue}` };
}

function noPublishing(facts: LeadFacts): Scored {
  if (facts.hasPublisher === true) return { points: 0, reason: 'Has a publisher' };
  if (facts.hasPublisher === false) return { points: 10, reason: 'No publishing administration found' };
  return { points: 5, reason: 'Publishing not known (half points)' };
}

function growingStreams(facts: LeadFacts): Scored {
  const measures = [
    { what: 'Spotify followers', previous: facts.spotifyFollowersPrevious, current: facts.spotifyFollowers },
    { what: 'Spotify popularity', previous: facts.spotifyPopularityPrevious, current: facts.spotifyPopularity },
    { what: 'Last.fm listeners', previous: facts.lastfmListenersPrevious, current: facts.lastfmListeners },
  ]
    .map((measure) => ({ ...measure, growth: growth(measure.previous, measure.current) }))
    .filter((measure) => measure.growth !== null);
  if (measures.length === 0) return { points: 0, reason: 'No earlier figures to measure stream growth' };
  const best = measures.reduce((a, b) => (b.growth! > a.growth! ? b : a));
  const change = `${best.what} ${formatCount(best.previous!)} → ${formatCount(best.current!)}`;
  if (best.growth! <= 0) return { points: 0, reason: `Streams not growing (${change})` };
  return { points: round(15 * clamp(best.growth! / FULL_GROWTH, 0, 1), 2), reason: `Growing streams: ${change} (+${formatPercent(best.growth!)})` };
}

function recentActivity(facts: LeadFacts, now: Date): Scored {
  const latest = factDate(facts.latestReleaseDate);
  if (latest === null) return { points: 0, reason: 'Latest release date not known' };
  const age = daysBefore(latest, now);
  const when = typeof facts.latestReleaseDate === 'string' ? facts.latestReleaseDate.trim() : isoDay(latest);
  if (age <= RECENT_RELEASE_DAYS) return { points: 10, reason: `Recent release (${when})` };
  return { points: 0, reason: `No release in the last 12 months (latest ${when})` };
}

function youtubeFactor(facts: LeadFacts, opportunities: readonly YoutubeOpportunity[]): Scored {
  if (facts.youtube === null || facts.youtube === undefined) return { points: 0, reason: 'YouTube not checked' };
  if (opportunities.length === 0) return { points: 0, reason: 'No YouTube opportunity found' };
  const points = Math.min(
    OPPORTUNITY_FACTORS.youtube,
    opportunities.reduce((sum, opportunity) => sum + YOUTUBE_OPPORTUNITY_POINTS[opportunity.kind], 0),
  );
  return { points, reason: opportunities.map((opportunity) => opportunity.evidence).join('; ') };
}

/** The opportunity component of a lead (see the module comment). */
export function scoreOpportunity(facts: LeadFacts, options: OpportunityOptions = {}): OpportunityScore {
  const now = options.now ?? new Date();
  const classification = options.classification ?? classifyLabel(facts.label, facts.distributor, { artistName: facts.artistName });
  const youtube = youtubeOpportunities(facts, { now });
  const scored: Record<OpportunityFactor, Scored> = {
    missing_platforms: missingPlatforms(facts),
    basic_distribution: basicDistribution(facts, classification),
    no_publishing: noPublishing(facts),
    growing_streams: growingStreams(facts),
    recent_activity: recentActivity(facts, now),
    youtube: youtubeFactor(facts, youtube),
  };
  const items = (Object.keys(OPPORTUNITY_FACTORS) as OpportunityFactor[]).map((factor) => ({ factor, max: OPPORTUNITY_FACTORS[factor], ...scored[factor] }));
  const raw = items.reduce((sum, item) => sum + item.points, 0);
  return {
    points: round((raw * OPPORTUNITY_MAX) / OPPORTUNITY_RAW_MAX, 2),
    max: OPPORTUNITY_MAX,
    raw_points: round(raw, 2),
    raw_max: OPPORTUNITY_RAW_MAX,
    items,
    youtube,
  };
}

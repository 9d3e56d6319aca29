/**
 * YouTube opportunities: where an artist's YouTube presence lags behind their music, each with
 * its evidence in words. Pure; `now` is passed in (default: the current time).
 *
 * "Following" is the larger known streaming audience: Spotify followers or Last.fm listeners.
 * Thresholds (`YOUTUBE_THRESHOLDS`):
 *
 * - `no_presence`: YouTube was searched and no channel found (`hasChannel: false`), while the
 *   following is at least 1,000. ("Not on YouTube despite 12,000 Spotify followers")
 * - `underperforming`: a channel whose subscribers are under 10 % of a following of at least 1,000;
 *   or whose videos (5 or more) average under 10 % of its subscribers (1,000 or more) in views.
 * - `inconsistent_uploads`: a channel with fewer than 3 uploads in the last 90 days (less than one a
 *   month), or, when that count is unknown, no upload in the last 90 days; or a channel with no
 *   videos at all.
 * - `high_growth_emerging`: a channel of at most 100,000 subscribers (emerging) whose subscribers or
 *   total views grew 20 % or more since the previous snapshot; or created within the last 365 days
 *   and already at 1,000 subscribers or more.
 *
 * Unknown figures never produce an opportunity; YouTube not checked (`youtube` null) gives none.
 * Each kind appears at most once, its evidence joining the rules it met with "; ". Order:
 * no_presence, underperforming, inconsistent_uploads, high_growth_emerging.
 */
import { daysBefore, factDate, formatCount, formatPercent, growth, isoDay, known, type LeadFacts, streamingFollowing } from './facts.js';

export const YOUTUBE_OPPORTUNITY_KINDS = ['no_presence', 'underperforming', 'inconsistent_uploads', 'high_growth_emerging'] as const;
export type YoutubeOpportunityKind = (typeof YOUTUBE_OPPORTUNITY_KINDS)[number];

export interface YoutubeOpportunity {
  kind: YoutubeOpportunityKind;
  evidence: string;
}

export const YOUTUBE_THRESHOLDS = {
  /** no_presence and the subscriber rule of underperforming need at least this following. */
  minFollowing: 1_000,
  /** underperforming: subscribers under this share of the following. */
  subscribersToFollowing: 0.1,
  /** underperforming: average views per video under this share of subscribers... */
  viewsPerVideoToSubscribers: 0.1,
  /** ...with at least this many videos and subscribers. */
  minVideosForViews: 5,
  minSubscribersForViews: 1_000,
  /** inconsistent_uploads: fewer uploads than this in the last 90 days. */
  regularUploads90d: 3,
  /** inconsistent_uploads: no upload for longer than this (when the 90-day count is unknown). */
  dormantDays: 90,
  /** high_growth_emerging: at most this many subscribers. */
  emergingMaxSubscribers: 100_000,
  /** high_growth_emerging: growth since the previous snapshot. */
  highGrowth: 0.2,
  /** high_growth_emerging: a channel this young... */
  youngChannelDays: 365,
  /** ...with at least this many subscribers. */
  youngChannelMinSubscribers: 1_000,
} as const;

export interface YoutubeOpportunityOptions {
  /** The moment "last 90 days" and channel age are measured from; default the current time. */
  now?: Date;
}

type YoutubeInput = Pick<LeadFacts, 'youtube' | 'spotifyFollowers' | 'lastfmListeners'>;

/** The YouTube opportunities of an artist (see the module comment for the rules and thresholds). */
export function youtubeOpportunities(facts: YoutubeInput, options: YoutubeOpportunityOptions = {}): YoutubeOpportunity[] {
  const youtube = facts.youtube;
  if (youtube === null || youtube === undefined) return [];
  const now = options.now ?? new Date();
  const t = YOUTUBE_THRESHOLDS;
  const following = streamingFollowing(facts);
  const opportunities: YoutubeOpportunity[] = [];
  const add = (kind: YoutubeOpportunityKind, evidence: string[]): void => {
    if (evidence.length > 0) opportunities.push({ kind, evidence: evidence.join('; ') });
  };

  if (!youtube.hasChannel) {
    if (following !== null && following.count >= t.minFollowing) {
      add('no_presence', [`Not on YouTube despite ${formatCount(following.count)} ${following.what}`]);
    }
    return opportunities;
  }

  const subscribers = known(youtube.subscribers);
  const views = known(youtube.views);
  const videos = known(youtube.videoCount);

  const underperforming: string[] = [];
  if (subscribers !== null && following !== null && following.count >= t.minFollowing && subscribers < t.subscribersToFollowing * following.count) {
    underperforming.push(
      `${formatCount(subscribers)} YouTube subscribers against ${formatCount(following.count)} ${following.what} (${formatPercent(subscribers / following.count)})`,
    );
  }
  if (views !== null && videos !== null && subscribers !== null && videos >= t.minVideosForViews && subscribers >= t.minSubscribersForViews) {
    const perVideo = views / videos;
    if (perVideo < t.viewsPerVideoToSubscribers * subscribers) {
      underperforming.push(
        `Videos average ${formatCount(perVideo)} views against ${formatCount(subscribers)} subscribers (${formatPercent(perVideo / subscribers)})`,
      );
    }
  }
  add('underperforming', underperforming);

  const inconsistent: string[] = [];
  const recent = known(youtube.recentUploads90d);
  const lastUpload = factDate(youtube.lastUploadAt);
  const lastUploadText = lastUpload ? ` (last on ${isoDay(lastUpload)}, ${daysBefore(lastUpload, now)} days ago)` : '';
  if (videos === 0) inconsistent.push('The channel has no videos');
  else if (recent !== null && recent < t.regularUploads90d) {
    inconsistent.push(
      recent === 0
        ? `No upload in the last 90 days${lastUploadText}`
        : `Only ${recent} upload${recent === 1 ? '' : 's'} in the last 90 days (fewer than one a month)`,
    );
  } else if (recent === null && lastUpload !== null && daysBefore(lastUpload, now) > t.dormantDays) {
    inconsistent.push(`No upload in the last ${t.dormantDays} days${lastUploadText}`);
  }
  add('inconsistent_uploads', inconsistent);

  const rising: string[] = [];
  if (subscribers !== null && subscribers <= t.emergingMaxSubscribers) {
    const subscriberGrowth = growth(youtube.subscribersPrevious, subscribers);
    if (subscriberGrowth !== null && subscriberGrowth >= t.highGrowth) {
      rising.push(`Subscribers up ${formatPercent(subscriberGrowth)} (${formatCount(youtube.subscribersPrevious!)} → ${formatCount(subscribers)})`);
    }
    const viewGrowth = growth(youtube.viewsPrevious, views);
    if (viewGrowth !== null && viewGrowth >= t.highGrowth) {
      rising.push(`Channel views up ${formatPercent(viewGrowth)} (${formatCount(youtube.viewsPrevious!)} → ${formatCount(views!)})`);
    }
    const created = factDate(youtube.channelCreatedAt);
    if (created !== null && daysBefore(created, now) <= t.youngChannelDays && subscribers >= t.youngChannelMinSubscribers) {
      rising.push(`Channel created ${isoDay(created)} (${daysBefore(created, now)} days ago) already has ${formatCount(subscribers)} subscribers`);
    }
  }
  add('high_growth_emerging', rising);
  return opportunities;
}

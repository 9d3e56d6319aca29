import { Random } from '../../../ml/random.js';
import type { AnalyticsPlatformName, DailyMetricDto, FanEventDto, PostDto } from '../dto/metrics.dto.js';
import { addDays, utcDay } from '../ingestion/metric-rows.js';

/** How an invented artist's audience moves over the demo period. */
export type CurveShape = 'steady_growth' | 'decline' | 'plateau' | 'viral_breakout';

export interface DemoAnalyticsArtist {
  name: string;
  bio: string;
  shape: CurveShape;
  /** Followers across platforms on the first demo day. */
  startFollowers: number;
  /** Weekly follower growth (−0.015 = −1.5 % a week); the viral artist's before the spike. */
  weeklyGrowth: number;
  fans: number;
}

/** The demo label's artists (the same names as the demo catalog, so both sections tell one story). */
export const DEMO_ANALYTICS_ARTISTS: DemoAnalyticsArtist[] = [
  { name: 'Harbour Lights', bio: 'Indie rock from the Wellington waterfront.', shape: 'steady_growth', startFollowers: 42_000, weeklyGrowth: 0.02, fans: 260 },
  { name: 'Marama Bay', bio: 'Sun-soaked island pop.', shape: 'viral_breakout', startFollowers: 9_000, weeklyGrowth: 0.005, fans: 320 },
  { name: 'The Dust Riders', bio: 'Desert blues, loud and dry.', shape: 'decline', startFollowers: 65_000, weeklyGrowth: -0.015, fans: 240 },
  { name: 'Kōwhai', bio: 'Quiet songs in two languages.', shape: 'plateau', startFollowers: 15_000, weeklyGrowth: 0, fans: 180 },
  { name: 'Southern Static', bio: 'Synth-punk at full volume.', shape: 'steady_growth', startFollowers: 120_000, weeklyGrowth: 0.01, fans: 300 },
];

/** Share of an artist's followers on each platform (Apple Music has no follower counts to give). */
const PLATFORM_SHARE: Array<[AnalyticsPlatformName, number]> = [
  ['spotify', 0.45],
  ['instagram', 0.3],
  ['tiktok', 0.15],
  ['youtube', 0.1],
];
/** The viral artist's spike comes this many days before the last demo day. */
const SPIKE_DAYS_BEFORE_END = 12;
/** How far the viral artist's audience multiplies from the spike to the last day. */
const BREAKOUT_MULTIPLIER = 4;

export interface DemoArtistData {
  metrics: DailyMetricDto[];
  posts: PostDto[];
  events: FanEventDto[];
}

/**
 * An invented artist's `days` days of metrics up to the day of `now`, with posts and fan events
 * (none after `now`):
 * followers follow the artist's shape; daily engagement is a stable share of followers (falling for
 * the declining artist) with a few percent of day-to-day noise; the viral artist's engagement jumps
 * about twelvefold on the spike day and fades over a week while its followers multiply.
 */
export function demoArtistData(artist: DemoAnalyticsArtist, now: Date, days: number, seed: number): DemoArtistData {
  const lastDay = utcDay(now);
  const random = new Random(seed);
  const noise = (amplitude: number) => 1 + (random.next() * 2 - 1) * amplitude;
  const spikeIndex = days - 1 - SPIKE_DAYS_BEFORE_END;
  const metrics: DailyMetricDto[] = [];
  const posts: PostDto[] = [];
  const followersOn: number[] = [];
  for (let index = 0; index < days; index++) {
    const date = addDays(lastDay, index - (days - 1));
    const followers = artist.startFollowers * followerFactor(artist, index, spikeIndex, days);
    followersOn.push(followers);
    const engagement = engagementFactor(artist.shape, index, spikeIndex, days) * noise(0.03);
    for (const [platform, share] of PLATFORM_SHARE) {
      metrics.push(platformDay(platform, date, followers * share * noise(0.002), engagement));
    }
    if (index % 3 === 0 || index === spikeIndex) posts.push(demoPost(artist, date, index, followers, index === spikeIndex ? 25 : engagement, random));
  }
  return { metrics, posts, events: demoFanEvents(artist, now, days, followersOn, random) };
}

function followerFactor(artist: DemoAnalyticsArtist, index: number, spikeIndex: number, days: number): number {
  const steady = (1 + artist.weeklyGrowth) ** (index / 7);
  if (artist.shape !== 'viral_breakout' || index < spikeIndex) return steady;
  // A logistic climb to BREAKOUT_MULTIPLIER × after the spike, still speeding up on the last day.
  const progress = (index - spikeIndex) / (days - 1 - spikeIndex);
  const climb = 1 / (1 + Math.exp(-8 * (progress - 0.7)));
  const start = 1 / (1 + Math.exp(8 * 0.7));
  return steady * (1 + (BREAKOUT_MULTIPLIER - 1) * ((climb - start) / (1 - start)));
}

/** Engagement relative to an ordinary day of the same audience. */
function engagementFactor(shape: CurveShape, index: number, spikeIndex: number, days: number): number {
  if (shape === 'decline') return 1 - 0.45 * (index / (days - 1));
  if (shape === 'viral_breakout' && index >= spikeIndex) return 1.8 + 10 * Math.exp(-(index - spikeIndex) / 2);
  return 1;
}

/** One platform's day: levels from followers, counts as typical shares of the audience. */
function platformDay(platform: AnalyticsPlatformName, date: string, followers: number, engagement: number): DailyMetricDto {
  const f = Math.round(followers);
  const r = (value: number) => Math.max(0, Math.round(value));
  switch (platform) {
    case 'spotify': {
      const listeners = f * 2.4;
      const streams = listeners * 0.3 * engagement;
      const popularity = Math.min(100, Math.max(0, Math.round(15 * Math.log10(f / 100))));
      return {
        platform,
        date,
        followers: f,
        monthly_listeners: r(listeners),
        popularity,
        streams: r(streams),
        saves: r(streams * 0.03),
        playlist_adds: r(streams * 0.01),
      };
    }
    case 'instagram': {
      const likes = f * 0.035 * engagement;
      return {
        platform,
        date,
        followers: f,
        likes: r(likes),
        comments: r(likes * 0.05),
        shares: r(likes * 0.02),
        saves: r(likes * 0.03),
        views: r(f * 0.25 * engagement),
      };
    }
    case 'tiktok': {
      const views = f * 0.9 * engagement;
      return { platform, date, followers: f, views: r(views), likes: r(views * 0.07), comments: r(views * 0.004), shares: r(views * 0.006) };
    }
    default: {
      const views = f * 0.3 * engagement;
      return { platform, date, followers: f, views: r(views), likes: r(views * 0.04), comments: r(views * 0.005) };
    }
  }
}

function demoPost(artist: DemoAnalyticsArtist, date: string, index: number, followers: number, engagement: number, random: Random): PostDto {
  const platform: AnalyticsPlatformName = index % 2 === 0 ? 'instagram' : 'tiktok';
  const views = followers * (platform === 'tiktok' ? 2 : 0.4) * engagement * (0.7 + random.next() * 0.6);
  return {
    platform,
    external_id: `demo-${artist.name.toLowerCase().replace(/[^a-z]+/g, '-')}-${index}`,
    posted_at: `${date}T00:${String(index % 60).padStart(2, '0')}:00Z`,
    caption: engagement > 5 ? 'The clip everyone is sharing' : `Studio day ${index + 1}`,
    views: Math.round(views),
    likes: Math.round(views * 0.08),
    comments: Math.round(views * 0.004),
    shares: Math.round(views * 0.01),
    saves: Math.round(views * 0.006),
  };
}

/** Listener profiles: how often (days between events), how recently, and how deep each event goes. */
const FAN_KINDS = [
  { share: 0.08, gapDays: [1, 3], lastWithinDays: 3, streams: [6, 20], saveChance: 0.5, shareChance: 0.3, purchaseChance: 0.08 },
  { share: 0.2, gapDays: [4, 9], lastWithinDays: 10, streams: [3, 8], saveChance: 0.25, shareChance: 0.1, purchaseChance: 0.02 },
  { share: 0.45, gapDays: [12, 30], lastWithinDays: 40, streams: [1, 4], saveChance: 0.08, shareChance: 0.02, purchaseChance: 0 },
  { share: 0.27, gapDays: [10, 25], lastWithinDays: 120, streams: [1, 3], saveChance: 0.05, shareChance: 0, purchaseChance: 0 },
] as const;

function demoFanEvents(artist: DemoAnalyticsArtist, now: Date, days: number, followersOn: number[], random: Random): FanEventDto[] {
  const end = now.getTime() - 60_000;
  const start = end - (days - 1) * 86_400_000;
  const between = ([low, high]: readonly [number, number]) => low + random.next() * (high - low);
  const events: FanEventDto[] = [];
  let fan = 0;
  for (const [kindIndex, kind] of FAN_KINDS.entries()) {
    // Dormant fans last listened 60+ days ago; the others recently.
    const count = Math.round(artist.fans * kind.share);
    for (let i = 0; i < count; i++, fan++) {
      let at = end - (kindIndex === 3 ? 60 + random.next() * 60 : random.next() * kind.lastWithinDays) * 86_400_000;
      for (let n = 0; n < 40 && at > start; n++) {
        events.push({
          fan_id: `fan-${fan + 1}`,
          platform: 'spotify',
          occurred_at: new Date(Math.floor(at / 1000) * 1000).toISOString(),
          streams: Math.round(between(kind.streams)),
          saves: random.next() < kind.saveChance ? 1 : 0,
          shares: random.next() < kind.shareChance ? 1 : 0,
          purchases: random.next() < kind.purchaseChance ? 1 : 0,
        });
        at -= between(kind.gapDays) * 86_400_000;
      }
    }
  }
  // The viral artist's new audience: first-time listeners since the spike, one or two listens each.
  if (artist.shape === 'viral_breakout') {
    const newcomers = Math.round(artist.fans * (followersOn.at(-1)! / followersOn[days - 1 - SPIKE_DAYS_BEFORE_END]! - 1) * 0.5);
    for (let i = 0; i < newcomers; i++, fan++) {
      const at = end - random.next() * SPIKE_DAYS_BEFORE_END * 86_400_000;
      events.push({
        fan_id: `fan-${fan + 1}`,
        platform: 'tiktok',
        occurred_at: new Date(Math.floor(at / 1000) * 1000).toISOString(),
        streams: 1 + random.nextInt(2),
        shares: random.next() < 0.2 ? 1 : 0,
      });
    }
  }
  return events;
}

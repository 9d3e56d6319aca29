import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_FACTORS, OPPORTUNITY_RAW_MAX, scoreOpportunity } from '../../../../src/features/leads/scoring/opportunity.js';

const now = new Date('2025-06-30T00:00:00Z');

describe('scoreOpportunity', () => {
  it('has the issue’s factors, 85 raw points in all', () => {
    expect(OPPORTUNITY_FACTORS).toEqual({
      missing_platforms: 20,
      basic_distribution: 15,
      no_publishing: 10,
      growing_streams: 15,
      recent_activity: 10,
      youtube: 15,
    });
    expect(Object.values(OPPORTUNITY_FACTORS).reduce((a, b) => a + b, 0)).toBe(OPPORTUNITY_RAW_MAX);
  });

  it('every factor at its maximum: 85 raw → 40', () => {
    const score = scoreOpportunity(
      {
        label: '[no label]',
        platforms: [], // 5 key platforms missing × 4 = 20
        hasPublisher: false, // 10
        spotifyFollowers: 10_000,
        spotifyFollowersPrevious: 8_000, // +25 % ≥ 20 % → 15
        latestReleaseDate: '2025-05', // read as 2025-05-31, 30 days before now → 10
        youtube: { hasChannel: false }, // no_presence with 10,000 followers → 15
      },
      { now },
    );
    // 20 + 15 + 10 + 15 + 10 + 15 = 85 → 85 × 40 / 85 = 40
    expect(score).toEqual({
      points: 40,
      max: 40,
      raw_points: 85,
      raw_max: 85,
      items: [
        { factor: 'missing_platforms', points: 20, max: 20, reason: 'Not found on Spotify, Apple Music, YouTube, Instagram, TikTok' },
        { factor: 'basic_distribution', points: 15, max: 15, reason: 'Basic distribution: self-released' },
        { factor: 'no_publishing', points: 10, max: 10, reason: 'No publishing administration found' },
        { factor: 'growing_streams', points: 15, max: 15, reason: 'Growing streams: Spotify followers 8,000 → 10,000 (+25 %)' },
        { factor: 'recent_activity', points: 10, max: 10, reason: 'Recent release (2025-05)' },
        { factor: 'youtube', points: 15, max: 15, reason: 'Not on YouTube despite 10,000 Spotify followers' },
      ],
      youtube: [{ kind: 'no_presence', evidence: 'Not on YouTube despite 10,000 Spotify followers' }],
    });
  });

  it('partial factors', () => {
    const score = scoreOpportunity(
      {
        label: 'Flying Nun Records',
        releaseCount: 12, // indie label, 12 releases: not basic → 0
        platforms: ['Spotify', 'apple music', 'Instagram'], // + the YouTube channel: only TikTok missing → 4
        // hasPublisher not known → 5
        spotifyPopularity: 33,
        spotifyPopularityPrevious: 30, // +10 % → 15 × 10 / 20 = 7.5
        lastfmListeners: 900,
        lastfmListenersPrevious: 1_000, // −10 %: the best growth counts
        latestReleaseDate: '2023', // read as 2023-12-31, over 365 days → 0
        youtube: { hasChannel: true, subscribers: 900, recentUploads90d: 1 }, // inconsistent_uploads → 5
      },
      { now },
    );
    // 4 + 0 + 5 + 7.5 + 0 + 5 = 21.5 → 21.5 × 40 / 85 = 10.1176… → 10.12
    expect(score.raw_points).toBe(21.5);
    expect(score.points).toBe(10.12);
    expect(score.items.map((item) => [item.factor, item.points, item.reason])).toEqual([
      ['missing_platforms', 4, 'Not found on TikTok'],
      ['basic_distribution', 0, 'Established distribution: indie label (12 releases)'],
      ['no_publishing', 5, 'Publishing not known (half points)'],
      ['growing_streams', 7.5, 'Growing streams: Spotify popularity 30 → 33 (+10 %)'],
      ['recent_activity', 0, 'No release in the last 12 months (latest 2023)'],
      ['youtube', 5, 'Only 1 upload in the last 90 days (fewer than one a month)'],
    ]);
  });

  it('nothing known: only the half points of unknown publishing', () => {
    // 0 + 0 + 5 + 0 + 0 + 0 = 5 → 5 × 40 / 85 = 2.3529… → 2.35
    const score = scoreOpportunity({}, { now });
    expect(score.points).toBe(2.35);
    expect(score.items.map((item) => item.reason)).toEqual([
      'Platforms not known',
      'Distribution not known',
      'Publishing not known (half points)',
      'No earlier figures to measure stream growth',
      'Latest release date not known',
      'YouTube not checked',
    ]);
  });

  it('basic distribution: self-released, or 3 releases or fewer outside the majors', () => {
    const basic = (facts: Parameters<typeof scoreOpportunity>[0]) => scoreOpportunity(facts, { now }).items[1];
    expect(basic({ label: 'Flying Nun Records', releaseCount: 3 })).toMatchObject({ points: 15, reason: 'Basic distribution: only 3 releases' });
    expect(basic({ distributor: 'Symphonic', releaseCount: 4 })).toMatchObject({
      points: 0,
      reason: 'Established distribution: small distributor (4 releases)',
    });
    expect(basic({ label: 'DistroKid', releaseCount: 20 })).toMatchObject({ points: 15, reason: 'Basic distribution: self-released (20 releases)' });
    expect(basic({ label: 'Island Records', releaseCount: 1 })).toMatchObject({ points: 0, reason: 'Major distribution (1 release)' });
  });

  it('publishing: a publisher found scores 0', () => {
    expect(scoreOpportunity({ hasPublisher: true }, { now }).items[2]).toEqual({ factor: 'no_publishing', points: 0, max: 10, reason: 'Has a publisher' });
  });

  it('growth: not growing scores 0', () => {
    const item = scoreOpportunity({ spotifyFollowers: 9_500, spotifyFollowersPrevious: 10_000 }, { now }).items[3];
    expect(item).toMatchObject({ points: 0, reason: 'Streams not growing (Spotify followers 10,000 → 9,500)' });
  });

  it('recent activity: 365 days is recent, 366 is not', () => {
    const recent = (latestReleaseDate: string) => scoreOpportunity({ latestReleaseDate }, { now }).items[4]!.points;
    expect([recent('2024-06-30'), recent('2024-06-29'), recent('2024-06'), recent('2025-09-01')]).toEqual([10, 0, 10, 10]);
  });

  it('YouTube: the opportunities’ points add up to at most 15', () => {
    // underperforming 10 + inconsistent_uploads 5 + high_growth_emerging 10 = 25 → 15
    const score = scoreOpportunity(
      { spotifyFollowers: 100_000, youtube: { hasChannel: true, subscribers: 2_000, subscribersPrevious: 1_000, recentUploads90d: 0 } },
      { now },
    );
    expect(score.youtube.map((opportunity) => opportunity.kind)).toEqual(['underperforming', 'inconsistent_uploads', 'high_growth_emerging']);
    expect(score.items[5]).toMatchObject({ points: 15 });
    // a channel with no opportunity
    expect(scoreOpportunity({ youtube: { hasChannel: true, subscribers: 10 } }, { now }).items[5]).toMatchObject({
      points: 0,
      reason: 'No YouTube opportunity found',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { youtubeOpportunities } from '../../../../src/features/leads/scoring/youtube.js';

const now = new Date('2025-06-30T00:00:00Z');
/** A healthy channel: no opportunity of any kind. */
const healthy = { hasChannel: true, subscribers: 5_000, views: 400_000, videoCount: 40, recentUploads90d: 6, lastUploadAt: '2025-06-20' };

describe('youtubeOpportunities', () => {
  it('finds nothing when YouTube was not checked', () => {
    expect(youtubeOpportunities({ spotifyFollowers: 50_000, youtube: null }, { now })).toEqual([]);
    expect(youtubeOpportunities({ spotifyFollowers: 50_000 }, { now })).toEqual([]);
  });

  it('finds nothing for a healthy channel', () => {
    // subscribers 5,000 ≥ 10 % of 20,000 followers; 400,000 / 40 = 10,000 views a video ≥ 10 % of 5,000; 6 uploads in 90 days
    expect(youtubeOpportunities({ spotifyFollowers: 20_000, youtube: healthy }, { now })).toEqual([]);
  });

  it('no_presence: no channel despite a streaming following of 1,000 or more', () => {
    expect(youtubeOpportunities({ spotifyFollowers: 12_000, youtube: { hasChannel: false } }, { now })).toEqual([
      { kind: 'no_presence', evidence: 'Not on YouTube despite 12,000 Spotify followers' },
    ]);
    // the larger following is named
    expect(youtubeOpportunities({ spotifyFollowers: 800, lastfmListeners: 3_500, youtube: { hasChannel: false } }, { now })).toEqual([
      { kind: 'no_presence', evidence: 'Not on YouTube despite 3,500 Last.fm listeners' },
    ]);
    // 999 followers is not a following yet; an unknown following is none
    expect(youtubeOpportunities({ spotifyFollowers: 999, youtube: { hasChannel: false } }, { now })).toEqual([]);
    expect(youtubeOpportunities({ youtube: { hasChannel: false } }, { now })).toEqual([]);
  });

  it('underperforming: subscribers under 10 % of the following', () => {
    // 1,200 / 30,000 = 4 % < 10 %
    expect(youtubeOpportunities({ spotifyFollowers: 30_000, youtube: { ...healthy, subscribers: 1_200, views: 120_000 } }, { now })).toEqual([
      { kind: 'underperforming', evidence: '1,200 YouTube subscribers against 30,000 Spotify followers (4 %)' },
    ]);
    // exactly 10 % is not under
    expect(youtubeOpportunities({ spotifyFollowers: 50_000, youtube: healthy }, { now })).toEqual([]);
  });

  it('underperforming: videos averaging under 10 % of subscribers in views', () => {
    // 12,000 / 40 = 300 views a video; 300 / 5,000 = 6 % < 10 %
    expect(youtubeOpportunities({ spotifyFollowers: 2_000, youtube: { ...healthy, views: 12_000 } }, { now })).toEqual([
      { kind: 'underperforming', evidence: 'Videos average 300 views against 5,000 subscribers (6 %)' },
    ]);
  });

  it('inconsistent_uploads: fewer than 3 uploads in 90 days, none, or no videos', () => {
    const one = youtubeOpportunities({ youtube: { ...healthy, recentUploads90d: 1 } }, { now });
    expect(one).toEqual([{ kind: 'inconsistent_uploads', evidence: 'Only 1 upload in the last 90 days (fewer than one a month)' }]);
    // from 2025-02-07 noon to 2025-06-30 midnight: 142 whole days
    const none = youtubeOpportunities({ youtube: { ...healthy, recentUploads90d: 0, lastUploadAt: '2025-02-07T12:00:00Z' } }, { now });
    expect(none).toEqual([{ kind: 'inconsistent_uploads', evidence: 'No upload in the last 90 days (last on 2025-02-07, 142 days ago)' }]);
    expect(youtubeOpportunities({ youtube: { hasChannel: true, videoCount: 0 } }, { now })).toEqual([
      { kind: 'inconsistent_uploads', evidence: 'The channel has no videos' },
    ]);
    // 3 uploads is regular
    expect(youtubeOpportunities({ youtube: { ...healthy, recentUploads90d: 3 } }, { now })).toEqual([]);
  });

  it('inconsistent_uploads: without the 90-day count, a last upload more than 90 days ago', () => {
    const base = { hasChannel: true, subscribers: 500 };
    // 2025-06-30 − 2025-03-31 = 91 days > 90
    expect(youtubeOpportunities({ youtube: { ...base, lastUploadAt: '2025-03-31' } }, { now })).toEqual([
      { kind: 'inconsistent_uploads', evidence: 'No upload in the last 90 days (last on 2025-03-31, 91 days ago)' },
    ]);
    // 90 days exactly is still within
    expect(youtubeOpportunities({ youtube: { ...base, lastUploadAt: '2025-04-01' } }, { now })).toEqual([]);
  });

  it('high_growth_emerging: subscribers or views up 20 % on a channel of at most 100,000', () => {
    // (3,000 − 2,400) / 2,400 = 25 %
    expect(youtubeOpportunities({ youtube: { ...healthy, subscribers: 3_000, subscribersPrevious: 2_400 } }, { now })).toEqual([
      { kind: 'high_growth_emerging', evidence: 'Subscribers up 25 % (2,400 → 3,000)' },
    ]);
    // views (400,000 − 320,000) / 320,000 = 25 % and subscribers +20 %: one opportunity, both pieces of evidence
    expect(youtubeOpportunities({ youtube: { ...healthy, subscribersPrevious: 4_000, viewsPrevious: 320_000 } }, { now })).toEqual([
      { kind: 'high_growth_emerging', evidence: 'Subscribers up 25 % (4,000 → 5,000); Channel views up 25 % (320,000 → 400,000)' },
    ]);
    // +19 % is not high growth; 150,000 subscribers is not emerging
    expect(youtubeOpportunities({ youtube: { ...healthy, subscribers: 5_950, subscribersPrevious: 5_000 } }, { now })).toEqual([]);
    expect(youtubeOpportunities({ youtube: { ...healthy, subscribers: 150_000, subscribersPrevious: 100_000, views: 20_000_000 } }, { now })).toEqual([]);
  });

  it('high_growth_emerging: a channel under a year old with 1,000 subscribers already', () => {
    expect(youtubeOpportunities({ youtube: { ...healthy, channelCreatedAt: '2025-01-01T00:00:00Z' } }, { now })).toEqual([
      { kind: 'high_growth_emerging', evidence: 'Channel created 2025-01-01 (180 days ago) already has 5,000 subscribers' },
    ]);
    expect(youtubeOpportunities({ youtube: { ...healthy, channelCreatedAt: '2024-06-29' } }, { now })).toEqual([]);
  });

  it('lists several kinds in a fixed order', () => {
    const kinds = youtubeOpportunities(
      {
        spotifyFollowers: 100_000,
        youtube: { hasChannel: true, subscribers: 2_000, subscribersPrevious: 1_000, views: 50_000, videoCount: 10, recentUploads90d: 0 },
      },
      { now },
    ).map((opportunity) => opportunity.kind);
    expect(kinds).toEqual(['underperforming', 'inconsistent_uploads', 'high_growth_emerging']);
  });
});

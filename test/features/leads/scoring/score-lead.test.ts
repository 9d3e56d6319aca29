import { describe, expect, it } from 'vitest';
import type { LeadFacts } from '../../../../src/features/leads/scoring/facts.js';
import { scoreLead, tierFor } from '../../../../src/features/leads/scoring/score-lead.js';

const now = new Date('2025-06-30T00:00:00Z');
const ALL_PLATFORMS = ['spotify', 'apple_music', 'youtube', 'instagram', 'tiktok'];

describe('tierFor', () => {
  it('A ≥ 70, B ≥ 50, C ≥ 30, D below', () => {
    expect([100, 70, 69.99, 50, 49.99, 30, 29.99, 0].map(tierFor)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
});

describe('scoreLead', () => {
  it('self-released New Zealand artist with every opportunity but one platform set: tier A', () => {
    const facts: LeadFacts = {
      artistName: 'Aroha',
      label: '[no label]',
      country: 'NZ',
      platforms: ['spotify', 'instagram'],
      hasPublisher: false,
      spotifyFollowers: 12_000,
      spotifyFollowersPrevious: 10_000,
      latestReleaseDate: '2025-03-14',
      releaseCount: 2,
      youtube: { hasChannel: false },
    };
    // independence: self-released 40
    // opportunity: platforms 3 missing × 4 = 12, basic 15, no publishing 10, growth +20 % → 15, recent 10,
    //   YouTube no_presence 15 → 77 raw → 77 × 40 / 85 = 36.235… → 36.24
    // geography: NZ 30 → 20
    // total 40 + 36.24 + 20 = 96.24
    const score = scoreLead(facts, { now });
    expect([score.independence.points, score.opportunity.raw_points, score.opportunity.points, score.geography.points]).toEqual([40, 77, 36.24, 20]);
    expect(score.total).toBe(96.24);
    expect(score.tier).toBe('A');
    expect(score.reasons).toEqual([
      'Self-released (label: [no label])',
      'Not found on Apple Music, YouTube, TikTok',
      'Basic distribution: self-released (2 releases)',
      'No publishing administration found',
      'Growing streams: Spotify followers 10,000 → 12,000 (+20 %)',
      'Recent release (2025-03-14)',
      'Not on YouTube despite 12,000 Spotify followers',
      'Based in New Zealand',
    ]);
    expect(score.independence.class).toBe('self_released');
    expect(score.opportunity.youtube).toEqual([{ kind: 'no_presence', evidence: 'Not on YouTube despite 12,000 Spotify followers' }]);
    expect(score.geography).toMatchObject({ region: 'nz', country: 'NZ' });
  });

  it('small distributor in Australia: tier B', () => {
    const score = scoreLead(
      {
        distributor: 'Symphonic',
        country: 'AU',
        platforms: ALL_PLATFORMS,
        releaseCount: 2,
        latestReleaseDate: '2024-01-10',
        youtube: { hasChannel: true, subscribers: 5_000, views: 400_000, videoCount: 40, recentUploads90d: 6 },
      },
      { now },
    );
    // independence 35; opportunity: platforms 0, basic (2 releases) 15, publishing unknown 5, growth 0, recent 0,
    //   YouTube 0 → 20 raw → 20 × 40 / 85 = 9.41; geography AU 25 → 16.67
    // total 35 + 9.41 + 16.67 = 61.08
    expect([score.independence.points, score.opportunity.points, score.geography.points, score.total, score.tier]).toEqual([35, 9.41, 16.67, 61.08, 'B']);
    expect(score.reasons[0]).toBe('Small distributor (distributor: Symphonic, an independent distributor)');
  });

  it('indie label in Fiji: tier C', () => {
    const score = scoreLead(
      {
        label: 'Pacific Beats Records',
        artistName: 'Mana',
        country: 'FJ',
        platforms: ALL_PLATFORMS,
        hasPublisher: true,
        releaseCount: 8,
        latestReleaseDate: '2025-06-01',
      },
      { now },
    );
    // independence 25; opportunity: only recent 10 → 10 × 40 / 85 = 4.71; geography Pacific 20 → 13.33
    // total 25 + 4.71 + 13.33 = 43.04
    expect([score.independence.points, score.opportunity.points, score.geography.points, score.total, score.tier]).toEqual([25, 4.71, 13.33, 43.04, 'C']);
    expect(score.reasons).toEqual([
      'Indie label (label "Pacific Beats Records", not a major\'s or a distributor)',
      'Recent release (2025-06-01)',
      'Based in Fiji (Pacific Islands)',
    ]);
  });

  it('major label in the US: tier D', () => {
    const score = scoreLead(
      { label: 'Columbia Records', country: 'US', platforms: ALL_PLATFORMS, hasPublisher: true, releaseCount: 30, latestReleaseDate: '2025-06-01' },
      { now },
    );
    // independence 0; opportunity: recent 10 → 4.71; geography other 5 → 3.33; total 0 + 4.71 + 3.33 = 8.04
    expect([score.independence.points, score.opportunity.points, score.geography.points, score.total, score.tier]).toEqual([0, 4.71, 3.33, 8.04, 'D']);
    expect(score.independence.classification.matched).toEqual({ name: 'Columbia Records', kind: 'major_label', group: 'Sony Music Entertainment' });
  });

  it('nothing known: tier D', () => {
    // independence unknown 20; opportunity: publishing unknown 5 → 2.35; geography unknown as other → 3.33
    // total 20 + 2.35 + 3.33 = 25.68
    const score = scoreLead({}, { now });
    expect([score.independence.class, score.total, score.tier]).toEqual(['unknown', 25.68, 'D']);
    expect(score.reasons).toEqual(['Independence unknown (no label or distributor found)', 'Publishing not known (half points)', 'Country not known']);
  });

  it('70 is tier A, 69.98 is tier B', () => {
    const lead = (previous: number, followers: number): LeadFacts => ({
      label: 'DistroKid',
      country: 'NZ',
      spotifyFollowers: followers,
      spotifyFollowersPrevious: previous,
    });
    // independence 40, geography 20; opportunity: basic 15 + publishing unknown 5 + growth:
    //   3,000 → 3,050: +1.6667 % → 15 × 0.016667 / 0.2 = 1.25 → raw 21.25 → 21.25 × 40 / 85 = 10 → total 70
    //   3,000 → 3,048: +1.6 % → 15 × 0.016 / 0.2 = 1.2 → raw 21.2 → 9.976… → 9.98 → total 69.98
    expect([scoreLead(lead(3_000, 3_050), { now }).total, scoreLead(lead(3_000, 3_050), { now }).tier]).toEqual([70, 'A']);
    expect([scoreLead(lead(3_000, 3_048), { now }).total, scoreLead(lead(3_000, 3_048), { now }).tier]).toEqual([69.98, 'B']);
  });

  it('takes configurable geography targets', () => {
    const targets = { regions: [{ id: 'us', name: 'United States', countries: ['US'], points: 10 }], other: 0 };
    const score = scoreLead({ label: 'Columbia Records', country: 'US' }, { now, targets });
    expect(score.geography).toMatchObject({ points: 20, region: 'us' });
    expect(score.reasons.at(-1)).toBe('Based in United States');
  });

  it('is deterministic for a given now', () => {
    const facts: LeadFacts = { label: 'Level', latestReleaseDate: '2024-07-15', youtube: { hasChannel: true, subscribers: 3_000, lastUploadAt: '2025-01-01' } };
    expect(scoreLead(facts, { now })).toEqual(scoreLead(facts, { now: new Date(now) }));
  });

  it('an indie-label artist with 3 releases or fewer scores the 15 raw basic-distribution points that a larger catalogue does not', () => {
    const facts: LeadFacts = { artistName: 'Aroha', label: 'Flying Nun Records', country: 'NZ', hasPublisher: false };
    const few = scoreLead({ ...facts, releaseCount: 3 }, { now });
    const many = scoreLead({ ...facts, releaseCount: 4 }, { now });
    // 15 raw opportunity points × 40 / 85 = 7.06 (each total rounded on its own: ± 0.01)
    expect(few.opportunity.items[1]).toMatchObject({ factor: 'basic_distribution', points: 15, reason: 'Basic distribution: only 3 releases' });
    expect(many.opportunity.items[1]).toMatchObject({ factor: 'basic_distribution', points: 0, reason: 'Established distribution: indie label (4 releases)' });
    expect(few.opportunity.raw_points - many.opportunity.raw_points).toBe(15);
    expect(few.total - many.total).toBeCloseTo(7.06, 1);
  });
});

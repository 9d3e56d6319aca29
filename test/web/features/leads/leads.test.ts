import { describe, expect, it } from 'vitest';
import {
  contactHref,
  contactKindName,
  factorName,
  formatPoints,
  formatReleaseDate,
  formatShareOf,
  independenceName,
  jobSettled,
  leadFilters,
  leadListFromQuery,
  leadListQuery,
  opportunityName,
  outreachName,
  pointsShare,
  progressPercent,
  regionName,
  sourceName,
  splitIsrcList,
  toggleTier,
} from '../../../../web/src/features/leads/leads.js';

describe('pasted ISRCs', () => {
  it('splits on lines, commas, semicolons and spaces, keeping the order and each ISRC once (case and hyphens aside)', () => {
    expect(splitIsrcList(' NZTH12400031\r\nAU-R5L-23-00112, qzes82400417;\tnz-th1-24-00031  AUR5L2300112\n\n')).toEqual({
      isrcs: ['NZTH12400031', 'AU-R5L-23-00112', 'qzes82400417'],
      duplicates: 2,
    });
  });

  it('leaves validation to the API (it names the wrong part), and finds nothing in blank text', () => {
    expect(splitIsrcList('US-RC1-7X-07839').isrcs).toEqual(['US-RC1-7X-07839']);
    expect(splitIsrcList(' \n , ')).toEqual({ isrcs: [], duplicates: 0 });
  });
});

describe('the lead list in the address', () => {
  it('reads the filters, sorting and page, leaving out what the API would refuse', () => {
    const state = leadListFromQuery(
      new URLSearchParams(
        'tier=b,A,E&region=nz&min_score=55.5&youtube_filter=no_channel&outreach_status=contacted&search=tui&ordering=-spotify_followers&page=3',
      ),
    );
    expect(state).toEqual({
      tiers: ['A', 'B'],
      region: 'nz',
      minScore: '55.5',
      youtube: 'no_channel',
      outreach: 'contacted',
      search: 'tui',
      ordering: '-spotify_followers',
      page: 3,
    });
    expect(leadListFromQuery(new URLSearchParams('min_score=101&youtube_filter=maybe&outreach_status=signed&ordering=-created_at&page=-2'))).toEqual({
      tiers: [],
      region: '',
      minScore: '',
      youtube: '',
      outreach: '',
      search: '',
      ordering: '-total_score',
      page: 1,
    });
  });

  it('writes the set filters back, the default sorting and first page left out, and the API’s filters alone for exports', () => {
    const state = leadListFromQuery(new URLSearchParams('tier=C,A&search=%20salt%20&ordering=artist_name&page=2'));
    expect(leadListQuery(state)).toEqual({ tier: 'A,C', search: 'salt', ordering: 'artist_name', page: '2' });
    expect(leadFilters(state)).toEqual({ tier: 'A,C', search: 'salt' });
    expect(leadListQuery(leadListFromQuery(new URLSearchParams('')))).toEqual({});
  });

  it('toggles a tier in and out, best first', () => {
    expect(toggleTier(['C'], 'A')).toEqual(['A', 'C']);
    expect(toggleTier(['A', 'C'], 'C')).toEqual(['A']);
  });
});

describe('the Leads pages’ wording', () => {
  it('names the API’s codes, and a code it has no words for as a sentence', () => {
    expect([regionName('nz'), regionName('pacific'), regionName('unknown'), regionName('uk')]).toEqual([
      'New Zealand',
      'Pacific Islands',
      'Country unknown',
      'uk',
    ]);
    expect([independenceName('self_released'), independenceName('indie_label'), independenceName('joint_venture')]).toEqual([
      'Self-released',
      'Indie label',
      'Joint venture',
    ]);
    expect([
      outreachName('contacted'),
      opportunityName('no_presence'),
      sourceName('lastfm'),
      factorName('missing_platforms'),
      factorName('label_class'),
    ]).toEqual(['Contacted', 'Not on YouTube', 'Last.fm', 'Missing platforms', 'Label']);
    expect([contactKindName('instagram'), contactKindName('apple_music'), contactKindName('tiktok')]).toEqual(['Instagram', 'Apple Music', 'TikTok']);
  });

  it('formats points, shares and release dates', () => {
    expect([formatPoints(40), formatPoints(18.824), formatPoints(15.06)]).toEqual(['40', '18.8', '15.1']);
    expect([pointsShare(15.1, 40), pointsShare(50, 40), pointsShare(3, 0)]).toEqual([37.75, 100, 0]);
    expect([formatShareOf(1, 3), formatShareOf(0, 0)]).toEqual(['33%', '—']);
    expect([formatReleaseDate('2024-05-17'), formatReleaseDate('2024-05'), formatReleaseDate('2024')]).toEqual(['17 May 2024', '2024-05', '2024']);
  });

  it('links web addresses and email addresses, and nothing else', () => {
    expect(contactHref({ kind: 'instagram', value: 'https://www.instagram.com/tuiharbour.music/' })).toBe('https://www.instagram.com/tuiharbour.music/');
    expect(contactHref({ kind: 'email', value: 'booking@tuiharbour.example' })).toBe('mailto:booking@tuiharbour.example');
    expect(contactHref({ kind: 'other', value: 'mailto:hello@band.example' })).toBe('mailto:hello@band.example');
    expect(contactHref({ kind: 'website', value: 'javascript:alert(1)' })).toBeNull();
    expect(contactHref({ kind: 'other', value: '+64 21 555 0100' })).toBeNull();
  });
});

describe('a bulk analysis’s progress', () => {
  it('counts done and failed ISRCs as finished, and settles on completed, failed or cancelled', () => {
    expect([progressPercent({ total: 3, done: 1, failed: 1 }), progressPercent({ total: 0, done: 0, failed: 0 })]).toEqual([67, 0]);
    expect((['created', 'active', 'retry', 'completed', 'failed', 'cancelled'] as const).filter(jobSettled)).toEqual(['completed', 'failed', 'cancelled']);
  });
});

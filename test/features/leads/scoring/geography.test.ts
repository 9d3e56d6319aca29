import { describe, expect, it } from 'vitest';
import { countryCode, DEFAULT_GEOGRAPHY_TARGETS, scoreGeography } from '../../../../src/features/leads/scoring/geography.js';

describe('scoreGeography', () => {
  it('New Zealand: 30 of 30 → 20', () => {
    expect(scoreGeography('NZ')).toEqual({
      points: 20,
      max: 20,
      raw_points: 30,
      raw_max: 30,
      items: [{ factor: 'region', points: 30, max: 30, reason: 'Based in New Zealand' }],
      region: 'nz',
      country: 'NZ',
    });
  });

  it('Australia: 25 × 20 / 30 = 16.67', () => {
    expect(scoreGeography('au')).toMatchObject({ points: 16.67, raw_points: 25, region: 'au', items: [{ reason: 'Based in Australia' }] });
  });

  it('Pacific Islands: 20 × 20 / 30 = 13.33, for each listed island state', () => {
    expect(scoreGeography('FJ')).toMatchObject({ points: 13.33, raw_points: 20, region: 'pacific', items: [{ reason: 'Based in Fiji (Pacific Islands)' }] });
    for (const code of ['WS', 'TO', 'PG', 'SB', 'VU', 'CK', 'NU', 'TK', 'PF', 'NC', 'KI', 'TV', 'NR', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'WF', 'PN']) {
      expect(scoreGeography(code).region, code).toBe('pacific');
    }
  });

  it('other countries: 5 × 20 / 30 = 3.33', () => {
    expect(scoreGeography('DE')).toMatchObject({
      points: 3.33,
      raw_points: 5,
      region: 'other',
      items: [{ reason: 'Based in Germany (outside the target regions)' }],
    });
    expect(scoreGeography('US').region).toBe('other');
  });

  it('unknown country: scored as other', () => {
    for (const country of [null, undefined, '', 'New Zealand', 'NZL']) {
      expect(scoreGeography(country)).toMatchObject({
        points: 3.33,
        raw_points: 5,
        region: 'unknown',
        country: null,
        items: [{ reason: 'Country not known' }],
      });
    }
  });

  it('reads an ISO 3166-2 subdivision as its country', () => {
    expect(countryCode('NZ-AUK')).toBe('NZ');
    expect(scoreGeography('AU-NSW').region).toBe('au');
  });

  it('takes configurable targets, scaled so the best region gets 20', () => {
    const targets = {
      regions: [
        { id: 'nordics', name: 'Nordics', countries: ['SE', 'NO', 'DK', 'FI', 'IS'], points: 50 },
        { id: 'nz', name: 'New Zealand', countries: ['NZ'], points: 10 },
      ],
      other: 0,
      unknown: 25,
    };
    expect(scoreGeography('SE', targets)).toMatchObject({ points: 20, raw_max: 50, region: 'nordics', items: [{ reason: 'Based in Sweden (Nordics)' }] });
    expect(scoreGeography('NZ', targets)).toMatchObject({ points: 4, region: 'nz' }); // 10 × 20 / 50
    expect(scoreGeography('AU', targets)).toMatchObject({ points: 0, region: 'other' });
    expect(scoreGeography(null, targets)).toMatchObject({ points: 10, region: 'unknown' }); // 25 × 20 / 50
    expect(scoreGeography('NZ', { regions: [], other: 0 })).toMatchObject({ points: 0, raw_max: 0 });
  });

  it('refuses negative or non-finite target points', () => {
    expect(() => scoreGeography('NZ', { ...DEFAULT_GEOGRAPHY_TARGETS, other: -1 })).toThrow(RangeError);
    expect(() => scoreGeography('NZ', { regions: [{ id: 'x', name: 'X', countries: ['NZ'], points: Number.NaN }], other: 5 })).toThrow('region x');
  });
});

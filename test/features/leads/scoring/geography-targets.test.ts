import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOGRAPHY_TARGETS, scoreGeography } from '../../../../src/features/leads/scoring/geography.js';
import { parseGeographyTargets } from '../../../../src/features/leads/scoring/geography-targets.js';

describe('LEADS_GEOGRAPHY_TARGETS', () => {
  it('is the defaults when empty', () => {
    expect(parseGeographyTargets('  ')).toEqual({ targets: DEFAULT_GEOGRAPHY_TARGETS, problems: [] });
  });

  it('reads regions of countries with points, other and unknown', () => {
    const { targets, problems } = parseGeographyTargets('uk=GB:30; ie=ie:25;nz=NZ:10;other=5;unknown=2');
    expect(problems).toEqual([]);
    expect(targets).toEqual({
      regions: [
        { id: 'uk', name: 'uk', countries: ['GB'], points: 30 },
        { id: 'ie', name: 'ie', countries: ['IE'], points: 25 },
        { id: 'nz', name: 'New Zealand', countries: ['NZ'], points: 10 },
      ],
      other: 5,
      unknown: 2,
    });
    expect(scoreGeography('GB', targets)).toMatchObject({ region: 'uk', points: 20 });
    expect(scoreGeography(null, targets)).toMatchObject({ region: 'unknown', raw_points: 2 });
  });

  it('names each problem: a bad entry, an unknown country, negative points, a region twice, no other', () => {
    expect(parseGeographyTargets('uk=GB').problems[0]).toContain('"uk=GB" is not region=COUNTRIES:points');
    expect(parseGeographyTargets('uk=XQ:30;other=5').problems).toEqual(['LEADS_GEOGRAPHY_TARGETS: region "uk" names XQ, not ISO 3166-1 alpha-2 countries']);
    expect(parseGeographyTargets('uk=GB:-1;other=5').problems[0]).toContain('needs points that are a number ≥ 0');
    expect(parseGeographyTargets('uk=GB:3;uk=IE:2;other=5').problems).toEqual(['LEADS_GEOGRAPHY_TARGETS: region "uk" is named twice']);
    expect(parseGeographyTargets('uk=GB:30').problems[0]).toContain('give other=points');
  });
});

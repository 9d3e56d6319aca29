import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOGRAPHY_TARGETS } from '../../../../src/features/leads/scoring/geography.js';
import { parseGeographyTargets } from '../../../../src/features/leads/scoring/geography-targets.js';
import { describeRegionNames, regionIdOf } from '../../../../src/features/leads/scoring/region-names.js';

describe('region names of a filter', () => {
  it('names the default regions by id or by the original Prism names', () => {
    const ids = ['nz', 'new_zealand', 'australia', 'au', 'pacific_islands', 'Pacific Islands', 'other', 'unknown'].map((name) =>
      regionIdOf(name, DEFAULT_GEOGRAPHY_TARGETS),
    );
    expect(ids).toEqual(['nz', 'nz', 'au', 'au', 'pacific', 'pacific', 'other', 'unknown']);
  });

  it('names no region for a value outside the targets', () => {
    expect(regionIdOf('europe', DEFAULT_GEOGRAPHY_TARGETS)).toBeNull();
    expect(regionIdOf('', DEFAULT_GEOGRAPHY_TARGETS)).toBeNull();
  });

  it('describes the accepted values with their original names', () => {
    expect(describeRegionNames(DEFAULT_GEOGRAPHY_TARGETS)).toBe('nz (new_zealand), au (australia), pacific (pacific_islands), other, unknown');
  });

  it('follows configured targets: a region named by its id only, hyphens kept', () => {
    const { targets } = parseGeographyTargets('uk-ie=GB,IE:30;other=5');
    expect(regionIdOf('uk-ie', targets)).toBe('uk-ie');
    expect(regionIdOf('new_zealand', targets)).toBeNull();
    expect(describeRegionNames(targets)).toBe('uk-ie (uk_ie), other, unknown');
  });
});

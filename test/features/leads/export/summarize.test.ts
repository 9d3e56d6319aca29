import { describe, expect, it } from 'vitest';
import { type ExportLead, summarize } from '../../../../src/features/leads/export/export-lead.js';
import { FILTERS, LEADS, NOW } from './export-fixtures.js';

describe('summarize', () => {
  it('counts the leads', () => {
    expect(summarize(LEADS, FILTERS, NOW).total).toBe(5);
  });

  it('counts leads per tier, every tier listed', () => {
    expect(summarize(LEADS.slice(0, 2), FILTERS, NOW).by_tier).toEqual({ A: 1, B: 1, C: 0, D: 0 });
  });

  it('counts leads per region, every known region listed in order, zero included', () => {
    const byRegion = summarize(LEADS.slice(0, 1), FILTERS, NOW).by_region;
    expect(Object.entries(byRegion)).toEqual([
      ['nz', 1],
      ['au', 0],
      ['pacific', 0],
      ['other', 0],
      ['unknown', 0],
    ]);
  });

  it('adds a region it does not know after the known ones', () => {
    const atlantis: ExportLead = { ...LEADS[0]!, region: 'atlantis' };
    expect(Object.keys(summarize([atlantis], FILTERS, NOW).by_region).at(-1)).toBe('atlantis');
  });

  it('averages the total scores to 2 decimals', () => {
    // (86.5 + 61.25 + 42 + 18.4 + 3.33) / 5 = 42.296
    expect(summarize(LEADS, FILTERS, NOW).average_score).toBe(42.3);
  });

  it('has no average score for an empty list', () => {
    expect(summarize([], FILTERS, NOW).average_score).toBeNull();
  });

  it('splits YouTube coverage into channel found, checked without a channel, and not checked', () => {
    expect(summarize(LEADS, FILTERS, NOW).youtube_coverage).toEqual({ with_channel: 2, without_channel: 1, not_checked: 2 });
  });

  it('records when it was generated and a copy of the filters', () => {
    const filters = { region: 'nz' };
    const summary = summarize(LEADS, filters, NOW);
    filters.region = 'au';
    expect(summary.generated_at).toBe(NOW);
    expect(summary.filters).toEqual({ region: 'nz' });
  });
});

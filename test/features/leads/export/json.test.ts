import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../src/features/leads/export/export-lead.js';
import { renderJson } from '../../../../src/features/leads/export/json.js';
import { FILTERS, LEADS, NOW } from './export-fixtures.js';

const summary = summarize(LEADS, FILTERS, NOW);
const withYoutube = renderJson(LEADS, summary, { includeYoutube: true });
const parsed = JSON.parse(withYoutube.toString('utf8'));

describe('renderJson', () => {
  it('is an object of the summary and the leads', () => {
    expect(Object.keys(parsed)).toEqual(['summary', 'leads']);
    expect(parsed.summary).toMatchObject({ total: 5, by_tier: { A: 1, B: 1, C: 1, D: 2 }, filters: FILTERS, average_score: 42.3 });
    expect(parsed.leads).toHaveLength(5);
  });

  it('is pretty-printed with 2 spaces', () => {
    expect(withYoutube.toString('utf8')).toMatch(/^\{\n {2}"summary": \{\n {4}"generated_at"/);
  });

  it('writes dates as ISO 8601 strings', () => {
    expect(parsed.summary.generated_at).toBe('2026-11-23T09:30:00.000Z');
    expect(parsed.leads[0].scored_at).toBe('2026-11-20T14:05:00.000Z');
  });

  it('keeps the leads as they are, accents, "=" and nulls included', () => {
    expect(parsed.leads.map((lead: { artist_name: string }) => lead.artist_name)).toEqual([
      'Kōwhai Collective',
      '=Rude Boy',
      'Tama & the Tides',
      '東京事変',
      'Nobody Knows',
    ]);
    expect(parsed.leads[4]).toMatchObject({ country: null, label_name: null, spotify_followers: null, youtube: null, genres: [] });
  });

  it('leaves out the youtube key unless asked for', () => {
    const withoutYoutube = JSON.parse(renderJson(LEADS, summary, { includeYoutube: false }).toString('utf8'));
    expect(withoutYoutube.leads.some((lead: object) => 'youtube' in lead)).toBe(false);
    expect(parsed.leads[1].youtube).toMatchObject({ channel_id: 'UCrudeboy0000000000000', subscribers: 5_000 });
  });
});

import { describe, expect, it } from 'vitest';
import { prefixTsQuery, trendingSince } from '../../../src/features/catalog/songs/discovery.js';

describe('trendingSince', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('starts a week or a month back, and never for all time', () => {
    expect(trendingSince('week', now)).toEqual(new Date('2026-11-16T12:00:00Z'));
    expect(trendingSince('month', now)).toEqual(new Date('2026-10-24T12:00:00Z'));
    expect(trendingSince('all', now)).toBeNull();
  });
});

describe('prefixTsQuery', () => {
  it('matches every word as a prefix', () => {
    expect(prefixTsQuery('midnight ci')).toBe('midnight:* & ci:*');
  });

  it('ignores repeated spaces', () => {
    expect(prefixTsQuery('  a  b ')).toBe('a:* & b:*');
  });
});

import { describe, expect, it } from 'vitest';
import { createdBetween, orderByFor, orderingValues } from '../../../../src/platform/common/http/listing-order.js';

describe('admin listing helpers', () => {
  it('lists each field ascending and descending', () => {
    expect(orderingValues(['track_name', 'created_at'])).toEqual(['track_name', '-track_name', 'created_at', '-created_at']);
  });

  it('orders by the column, then by id the same way', () => {
    expect(orderByFor('-created_at', { created_at: 'createdAt' })).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(orderByFor('track_name', { track_name: 'trackName' })).toEqual([{ trackName: 'asc' }, { id: 'asc' }]);
  });

  it('puts rows without a value last either way for nullable fields', () => {
    expect(orderByFor('-popularity', { popularity: 'popularity' }, ['popularity'])).toEqual([{ popularity: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }]);
    expect(orderByFor('popularity', { popularity: 'popularity' }, ['popularity'])).toEqual([{ popularity: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]);
  });

  it('refuses a field it has no column for', () => {
    expect(() => orderByFor('password_hash', { email: 'email' })).toThrow('Unknown ordering field password_hash');
  });

  it('builds a created_at range from either end', () => {
    const after = new Date('2026-01-01');
    const before = new Date('2026-02-01');
    expect(createdBetween()).toBeUndefined();
    expect(createdBetween(after)).toEqual({ gte: after });
    expect(createdBetween(undefined, before)).toEqual({ lt: before });
    expect(createdBetween(after, before)).toEqual({ gte: after, lt: before });
  });
});

import { describe, expect, it } from 'vitest';
import { adminQuery, changedFields, nextDay, nextOrdering, optionalInteger, sortState } from '../../../../web/src/features/admin/admin.js';

describe('the admin pages’ filters and edits', () => {
  it('sends only the filters that are set; the "to" day counts whole', () => {
    expect(
      adminQuery({
        search: '  blue ',
        from: '2026-11-01',
        to: '2026-11-30',
        flags: { is_hit: 'true', explicit: '', is_acoustic: 'false' },
        ordering: '-popularity',
        page: 2,
        pageSize: 25,
      }),
    ).toEqual({
      page: 2,
      page_size: 25,
      ordering: '-popularity',
      search: 'blue',
      is_hit: 'true',
      is_acoustic: 'false',
      created_after: '2026-11-01',
      created_before: '2026-12-01',
    });
    expect(adminQuery({ search: ' ', from: '', to: '', flags: {}, ordering: '-created_at', page: 1, pageSize: 25 })).toEqual({
      page: 1,
      page_size: 25,
      ordering: '-created_at',
    });
  });

  it('counts calendar days across months and years', () => {
    expect([nextDay('2026-12-31'), nextDay('2028-02-28')]).toEqual(['2027-01-01', '2028-02-29']);
  });

  it('sorts a new column its natural way first, and flips the same column', () => {
    expect([
      nextOrdering('-created_at', 'popularity', true),
      nextOrdering('-created_at', 'track_name', false),
      nextOrdering('track_name', 'track_name', false),
      nextOrdering('-popularity', 'popularity', true),
    ]).toEqual(['-popularity', 'track_name', '-track_name', 'popularity']);
    expect([sortState('-popularity', 'popularity'), sortState('popularity', 'popularity'), sortState('popularity', 'artists')]).toEqual([
      'descending',
      'ascending',
      'none',
    ]);
  });

  it('sends only the fields an edit changed', () => {
    const song = { track_name: 'A', popularity: 40 as number | null, is_hit: false, album_name: null as string | null };
    expect(changedFields(song, { track_name: 'A', popularity: 77, is_hit: false, album_name: null })).toEqual({ popularity: 77 });
    expect(changedFields(song, { ...song })).toEqual({});
  });

  it('reads a number field: empty is none, a whole number is itself, anything else goes to the API as typed', () => {
    expect([optionalInteger(''), optionalInteger(' 42 '), optionalInteger('4.5'), optionalInteger('lots')]).toEqual([null, 42, '4.5', 'lots']);
  });
});

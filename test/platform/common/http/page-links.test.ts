import { describe, expect, it } from 'vitest';
import { pageLink, withPageLinks } from '../../../../src/platform/common/http/page-links.js';

describe('pageLink', () => {
  it('keeps the path and every filter, replacing only the page', () => {
    expect(pageLink('/api/songs?genre=rock&page=2&page_size=5', 3)).toBe('/api/songs?genre=rock&page=3&page_size=5');
  });

  it('adds the page when the request had none', () => {
    expect(pageLink('/api/songs?q=a%20b', 2)).toBe('/api/songs?q=a+b&page=2');
  });
});

describe('withPageLinks', () => {
  const url = '/api/songs?genre=rock&page=2&page_size=5';

  it('puts next and previous between the page fields and the results', () => {
    const linked = withPageLinks({ count: 12, page: 2, page_size: 5, results: ['a'] }, url);
    expect(Object.keys(linked as object)).toEqual(['count', 'page', 'page_size', 'next', 'previous', 'results']);
    expect(linked).toMatchObject({ next: '/api/songs?genre=rock&page=3&page_size=5', previous: '/api/songs?genre=rock&page=1&page_size=5' });
  });

  it('keeps the fields a listing adds before its results (trending’s time_range)', () => {
    const linked = withPageLinks({ time_range: 'week', count: 1, page: 1, page_size: 5, results: [] }, url);
    expect(Object.keys(linked as object)).toEqual(['time_range', 'count', 'page', 'page_size', 'next', 'previous', 'results']);
  });

  it('answers null links on the only page', () => {
    expect(withPageLinks({ count: 0, page: 1, page_size: 5, results: [] }, url)).toMatchObject({ next: null, previous: null });
  });

  it('points previous at the last page when asked past it', () => {
    expect(withPageLinks({ count: 12, page: 9, page_size: 5, results: [] }, url)).toMatchObject({
      next: null,
      previous: '/api/songs?genre=rock&page=3&page_size=5',
    });
  });

  it('leaves any other body as it is', () => {
    const body = { results: ['a'], count: 1 };
    expect(withPageLinks(body, url)).toBe(body);
  });
});

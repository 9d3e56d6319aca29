import { describe, expect, it } from 'vitest';
import { pageLink } from '../../../src/common/http/page-links.js';

describe('pageLink', () => {
  it('keeps the path and every filter, replacing only the page', () => {
    expect(pageLink('/api/songs?genre=rock&page=2&page_size=5', 3)).toBe('/api/songs?genre=rock&page=3&page_size=5');
  });

  it('adds the page when the request had none', () => {
    expect(pageLink('/api/songs?q=a%20b', 2)).toBe('/api/songs?q=a+b&page=2');
  });
});

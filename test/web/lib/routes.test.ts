import { describe, expect, it } from 'vitest';
import { inSection, matchPath, safeNextPath, withQuery } from '../../../web/src/lib/routes.js';

const ORIGIN = 'http://localhost:3000';

describe('the SPA’s paths', () => {
  it('matches a pattern and decodes its parameters', () => {
    expect(matchPath('/catalog/albums/:id', '/catalog/albums/42')).toEqual({ id: '42' });
    expect(matchPath('/catalog/genres/:name', '/catalog/genres/Hip%20Hop')).toEqual({ name: 'Hip Hop' });
    expect(matchPath('/catalog', '/catalog/')).toEqual({});
  });

  it('does not match other paths, other lengths, or undecodable parameters', () => {
    expect(matchPath('/catalog/albums/:id', '/catalog/artists/42')).toBeNull();
    expect(matchPath('/catalog/albums/:id', '/catalog/albums/42/songs')).toBeNull();
    expect(matchPath('/catalog/genres/:name', '/catalog/genres/%E0%A4%A')).toBeNull();
  });

  it('knows the pages of a section', () => {
    expect([inSection('/catalog', '/catalog'), inSection('/catalog', '/catalog/search'), inSection('/catalog', '/catalogue')]).toEqual([true, true, false]);
  });

  it('adds the set query parameters', () => {
    expect(withQuery('/catalog/search', { q: 'blue moon', page: undefined })).toBe('/catalog/search?q=blue+moon');
    expect(withQuery('/catalog/search', { q: '' })).toBe('/catalog/search');
  });

  it('goes back after signing in only to a page of this app', () => {
    expect(safeNextPath('/catalog/library?tab=liked#top', ORIGIN)).toBe('/catalog/library?tab=liked#top');
    expect(safeNextPath(`${ORIGIN}/catalog/playlists`, ORIGIN)).toBe('/catalog/playlists');
    expect(
      ['https://evil.example', '//evil.example', '/\\evil.example', '/signin', '/register?next=/x', 'javascript:alert(1)', '', null].map((next) =>
        safeNextPath(next, ORIGIN),
      ),
    ).toEqual(Array(8).fill('/catalog'));
  });

  it('does not follow a next path that URL parsing turns into another host (tab, newline or backslash inside)', () => {
    const tricks = [
      '/\t/evil.example/phish',
      '/\n/evil.example/phish',
      '\t//evil.example/phish',
      '/\r\n/evil.example',
      '\\/evil.example',
      '/\\/evil.example',
      'https:evil.example',
    ];
    // Each is a link to another site as the browser reads it, which is what a string check misses.
    for (const next of tricks) expect(new URL(next, ORIGIN).origin).not.toBe(ORIGIN);
    expect(tricks.map((next) => safeNextPath(next, ORIGIN))).toEqual(Array(tricks.length).fill('/catalog'));
  });
});

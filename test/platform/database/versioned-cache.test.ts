import { describe, expect, it } from 'vitest';
import { VersionedCache } from '../../../src/platform/database/versioned-cache.js';

const cacheOf = (maxSize: number) => new VersionedCache<string>(maxSize, (_key, value) => value.length);

describe('a versioned cache', () => {
  it('gives a value back for the version it was read at', () => {
    const cache = cacheOf(100);
    cache.set('page 1', '7', 'songs');
    expect(cache.get('page 1', '7')).toBe('songs');
  });

  it('gives nothing back for another version, though it says it holds the key', () => {
    const cache = cacheOf(100);
    cache.set('page 1', '7', 'songs');
    expect(cache.has('page 1')).toBe(true);
    expect(cache.get('page 1', '8')).toBeUndefined();
  });

  it('replaces a value read at an older version', () => {
    const cache = cacheOf(100);
    cache.set('page 1', '7', 'old songs');
    cache.set('page 1', '8', 'new songs');
    expect(cache.get('page 1', '7')).toBeUndefined();
    expect(cache.get('page 1', '8')).toBe('new songs');
  });

  it('lets the least recently used values go when full', () => {
    const cache = cacheOf(10);
    cache.set('a', '1', 'aaaa');
    cache.set('b', '1', 'bbbb');
    cache.get('a', '1');
    cache.set('c', '1', 'cccc');
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a', '1')).toBe('aaaa');
    expect(cache.get('c', '1')).toBe('cccc');
  });

  it('keeps no value larger than the whole cache', () => {
    const cache = cacheOf(3);
    cache.set('a', '1', 'aaaa');
    expect(cache.has('a')).toBe(false);
  });

  it('gives the latest value with the version it was read at, for the caller to check later', () => {
    const cache = cacheOf(100);
    cache.set('track', '7', 'song');
    expect(cache.latest('track')).toMatchObject({ version: '7', value: 'song' });
    expect(cache.latest('other')).toBeUndefined();
  });

  it('counts a value given by latest as used, so others go first when full', () => {
    const cache = cacheOf(10);
    cache.set('a', '1', 'aaaa');
    cache.set('b', '1', 'bbbb');
    cache.latest('a');
    cache.set('c', '1', 'cccc');
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
  });
});

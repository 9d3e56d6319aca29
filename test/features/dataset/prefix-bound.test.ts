import { describe, expect, it } from 'vitest';
import { prefixUpperBound } from '../../../src/features/dataset/prefix-bound.js';

describe('the upper bound of a prefix range', () => {
  it('is the prefix with its last character replaced by the next one', () => {
    expect(prefixUpperBound('river')).toBe('rives');
  });

  it('holds every text that starts with the prefix below it, in byte order', () => {
    const bound = Buffer.from(prefixUpperBound('caf')!);
    for (const text of ['caf', 'cafe', 'café', 'caf\u{10ffff}', 'caf zz']) expect(Buffer.compare(Buffer.from(text), bound)).toBe(-1);
    expect(Buffer.compare(Buffer.from('cag'), bound)).toBe(0);
  });

  it('steps over the surrogates, which UTF-8 text cannot hold', () => {
    expect(prefixUpperBound('a\u{d7ff}')).toBe('a\u{e000}');
  });

  it('drops trailing characters that have no next one', () => {
    expect(prefixUpperBound('ab\u{10ffff}')).toBe('ac');
    expect(prefixUpperBound('\u{10ffff}')).toBeUndefined();
  });
});

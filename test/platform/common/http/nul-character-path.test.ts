import { describe, expect, it } from 'vitest';
import { nulCharacterPath } from '../../../../src/platform/common/http/validation.js';

describe('nulCharacterPath', () => {
  it('finds nothing in a body without NUL characters, however many rows it has', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ tempo: i, title: `song ${i}`, tags: ['a', 'b'] }));
    expect(nulCharacterPath({ rows, note: null, ok: true })).toBeUndefined();
  });

  it('names the first value holding one by its dotted path, array indexes included', () => {
    expect(nulCharacterPath({ rows: [{ title: 'fine' }, { title: 'bad\u0000' }] })).toBe('rows.1.title');
    expect(nulCharacterPath({ a: { b: ['x', 'y\u0000z'] } })).toBe('a.b.1');
  });

  it('names a key holding one', () => {
    expect(nulCharacterPath({ outer: { 'k\u0000ey': 1 } })).toBe('outer.k\u0000ey');
  });

  it('starts from the parent given, and names it for a string itself', () => {
    expect(nulCharacterPath('a\u0000', 'id')).toBe('id');
    expect(nulCharacterPath({ q: 'a\u0000' }, 'query')).toBe('query.q');
  });

  it('reads own fields only, as Object.entries does', () => {
    const inherited = Object.create({ hidden: 'x\u0000' }) as object;
    expect(nulCharacterPath(inherited)).toBeUndefined();
  });
});

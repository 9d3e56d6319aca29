import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../../../src/platform/common/http/json-depth.js';

describe('jsonDepth', () => {
  it('counts each object or array level, a scalar being 0', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ rows: [{ tempo: 120 }], name: 'x' })).toBe(3);
  });

  it('walks a value far deeper than the call stack could recurse', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonDepth(deep)).toBe(100_000);
  });

  it('gives up just past the limit', () => {
    const deep = JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`);
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});

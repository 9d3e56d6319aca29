import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../src/features/catalog/songs/byte-range.js';

describe('parseRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, 5000)).toEqual({ kind: 'full' });
  });

  it('reads a closed range, both ends included', () => {
    expect(parseRange('bytes=1000-1999', 5000)).toEqual({ kind: 'partial', start: 1000, end: 1999 });
  });

  it('reads an open range to the end of the file', () => {
    expect(parseRange('bytes=4000-', 5000)).toEqual({ kind: 'partial', start: 4000, end: 4999 });
  });

  it('reads the last n bytes of a suffix range, all of them when n exceeds the size', () => {
    expect(parseRange('bytes=-500', 5000)).toEqual({ kind: 'partial', start: 4500, end: 4999 });
    expect(parseRange('bytes=-9000', 5000)).toEqual({ kind: 'partial', start: 0, end: 4999 });
  });

  it('clips an end past the file to its last byte', () => {
    expect(parseRange('bytes=4500-99999', 5000)).toEqual({ kind: 'partial', start: 4500, end: 4999 });
  });

  it('refuses a range that starts past the end', () => {
    expect(parseRange('bytes=5000-5100', 5000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 5000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('serves the whole file for headers it does not understand or several ranges', () => {
    for (const header of ['items=0-10', 'bytes=0-10,20-30', 'bytes=-', 'bytes=abc', 'bytes=20-10']) {
      expect(parseRange(header, 5000)).toEqual({ kind: 'full' });
    }
  });
});

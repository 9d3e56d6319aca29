import { describe, expect, it } from 'vitest';
import { copyLine } from '../../../src/platform/database/copy-text.js';

describe('copyLine', () => {
  it('joins values with tabs and ends the line with a newline', () => {
    expect(copyLine(['a', 'b', 'c'])).toBe('a\tb\tc\n');
  });

  it('writes null as \\N', () => {
    expect(copyLine(['a', null, 'c'])).toBe('a\t\\N\tc\n');
  });

  it('writes an empty string as an empty field, not as \\N', () => {
    expect(copyLine(['', null])).toBe('\t\\N\n');
  });

  it('writes booleans and numbers as text', () => {
    expect(copyLine([true, false, 0, 1.5, -7.727, 173533])).toBe('true\tfalse\t0\t1.5\t-7.727\t173533\n');
  });

  it('escapes backslashes, so a literal \\N string differs from null', () => {
    expect(copyLine(['C:\\dir'])).toBe('C:\\\\dir\n');
    expect(copyLine(['\\N'])).toBe('\\\\N\n');
  });

  it('escapes tabs, newlines and carriage returns inside a value', () => {
    expect(copyLine(['a\tb'])).toBe('a\\tb\n');
    expect(copyLine(['a\nb'])).toBe('a\\nb\n');
    expect(copyLine(['a\rb'])).toBe('a\\rb\n');
    expect(copyLine(['x\r\n\t\\y'])).toBe('x\\r\\n\\t\\\\y\n');
  });

  it('leaves other text, including non-ASCII, unchanged', () => {
    expect(copyLine(['Beyoncé — "Déjà Vu", 2006'])).toBe('Beyoncé — "Déjà Vu", 2006\n');
  });

  it('writes an empty row as a bare newline', () => {
    expect(copyLine([])).toBe('\n');
  });
});

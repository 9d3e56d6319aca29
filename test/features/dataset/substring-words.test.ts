import { describe, expect, it } from 'vitest';
import { substringWordPatterns } from '../../../src/features/dataset/substring-words.js';

describe('the vocabulary patterns of a substring', () => {
  it('finds a single fragment anywhere inside a word', () => {
    expect(substringWordPatterns('ove')).toEqual([{ like: '%ove%' }]);
  });

  it('spans a space: the first word ends a word, the last starts the next one', () => {
    expect(substringWordPatterns('ve you')).toEqual([{ like: '%ve' }, { like: 'you%' }]);
  });

  it('takes the words between the first and the last whole', () => {
    expect(substringWordPatterns('ve you and me fo')).toEqual([{ like: '%ve' }, { equals: 'you' }, { equals: 'and' }, { equals: 'me' }, { like: 'fo%' }]);
  });

  it('matches LIKE metacharacters literally', () => {
    expect(substringWordPatterns('50%_off')).toEqual([{ like: '%50\\%\\_off%' }]);
    expect(substringWordPatterns('a\\b c_')).toEqual([{ like: '%a\\\\b' }, { like: 'c\\_%' }]);
  });
});

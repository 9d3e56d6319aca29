import { describe, expect, it } from 'vitest';
import { titleCase, topProbabilities } from '../../../../web/src/features/genre/genre.js';

describe('genre page helpers', () => {
  it('capitalises each word of a place, accents and hyphens included', () => {
    expect([titleCase('são paulo'), titleCase('rio de janeiro'), titleCase('saint-étienne')]).toEqual(['São Paulo', 'Rio De Janeiro', 'Saint-Étienne']);
  });

  it('keeps the most probable genres and sums the rest last', () => {
    expect(topProbabilities({ Jazz: 0.1, Rock: 0.6, Latin: 0.2, Pop: 0.1 }, 2)).toEqual([
      { label: 'Rock', value: 0.6 },
      { label: 'Latin', value: 0.2 },
      { label: '2 other genres', value: 0.2 },
    ]);
  });

  it('adds no rest entry when every genre fits', () => {
    expect(topProbabilities({ Rock: 0.7, Jazz: 0.3 }, 5)).toHaveLength(2);
  });
});

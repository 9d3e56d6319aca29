import { describe, expect, it } from 'vitest';
import { DISTRIBUTORS, MAJOR_GROUPS, NAME_NOISE_WORDS, NAME_QUALIFIER_WORDS, type ReferenceName } from '../../../../src/features/leads/reference/labels.js';
import { matchReference, normalizeLabelName } from '../../../../src/features/leads/scoring/classify-label.js';

const entries: ReferenceName[] = [...MAJOR_GROUPS, ...MAJOR_GROUPS.flatMap((group) => group.labels), ...DISTRIBUTORS];

describe('label reference data', () => {
  it('lists aliases that are really other spellings (not the name again after normalization)', () => {
    for (const entry of entries) {
      const keys = [entry.name, ...(entry.aliases ?? [])].map(normalizeLabelName);
      expect(new Set(keys).size, `${entry.name}: ${keys.join(' | ')}`).toBe(keys.length);
      expect(
        keys.every((key) => key !== ''),
        entry.name,
      ).toBe(true);
    }
  });

  it('matches every listed name and alias to its own entry', () => {
    // Two companies of different groups or lists that normalize alike make classify-label.ts throw at import.
    for (const group of MAJOR_GROUPS) {
      for (const name of [group.name, ...(group.aliases ?? [])]) expect(matchReference(name), name).toMatchObject({ group: group.name });
      for (const imprint of group.labels) {
        for (const name of [imprint.name, ...(imprint.aliases ?? [])]) expect(matchReference(name), name).toMatchObject({ group: group.name });
      }
    }
    for (const distributor of DISTRIBUTORS) {
      for (const name of [distributor.name, ...(distributor.aliases ?? [])]) expect(matchReference(name), name).toMatchObject({ name: distributor.name });
    }
  });

  it('keeps the ownership facts the scores depend on', () => {
    const arm = (name: string) => MAJOR_GROUPS.find((group) => group.labels.some((imprint) => imprint.name === name && imprint.kind === 'distribution'))?.id;
    expect([arm('The Orchard'), arm('AWAL'), arm('ADA'), arm('Ingrooves'), arm('Virgin Music Group')]).toEqual(['sme', 'sme', 'wmg', 'umg', 'umg']);
    const distributor = (name: string) => DISTRIBUTORS.find((entry) => entry.name === name);
    expect(distributor('Level')).toMatchObject({ kind: 'diy', owner: 'Warner Music Group' });
    expect(distributor('Spinnup')).toMatchObject({ kind: 'diy', owner: 'Universal Music Group' });
    expect(distributor('TuneCore')).toMatchObject({ kind: 'diy', owner: 'Believe' });
    expect(distributor('Believe')).toMatchObject({ kind: 'independent' });
    expect(distributor('Symphonic')).toMatchObject({ kind: 'independent' });
    for (const name of [
      'DistroKid',
      'CD Baby',
      'Amuse',
      'Ditto Music',
      'UnitedMasters',
      'RouteNote',
      'Soundrop',
      'LANDR',
      'Songtradr',
      'Record Union',
      'iMusician',
      'FreshTunes',
    ]) {
      expect(distributor(name), name).toMatchObject({ kind: 'diy' });
    }
  });

  it('writes the normalization words as single lower-case words', () => {
    for (const word of [...NAME_NOISE_WORDS, ...NAME_QUALIFIER_WORDS]) expect(word).toMatch(/^[a-z0-9]+$/);
    expect(NAME_NOISE_WORDS.filter((word) => NAME_QUALIFIER_WORDS.includes(word))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeSearchText, searchWords } from '../../src/vocabulary/search-text.js';

describe('normalizeSearchText', () => {
  it('folds case and accents and turns punctuation into single spaces', () => {
    expect(normalizeSearchText('Beyoncé — Déjà Vu!')).toBe('beyonce deja vu');
  });

  it('lower-cases plain ASCII text', () => {
    expect(normalizeSearchText('HELLO World 42')).toBe('hello world 42');
  });

  it('folds letters Unicode does not decompose (ø, æ, œ, ß, ł, đ, ð, þ, ı)', () => {
    expect(normalizeSearchText('Sigur Rós Ágætis Byrjun')).toBe('sigur ros agaetis byrjun');
    expect(normalizeSearchText('Røyksopp')).toBe('royksopp');
    expect(normalizeSearchText('Œuvre Straße')).toBe('oeuvre strasse');
    expect(normalizeSearchText('Łódź đ ð þ ı')).toBe('lodz d d th i');
  });

  it('folds upper-case forms of the undecomposed letters too', () => {
    expect(normalizeSearchText('ØRESUND ÆON ẞ')).toBe('oresund aeon ss');
  });

  it('drops straight apostrophes and backticks instead of splitting the word', () => {
    expect(normalizeSearchText("Don't")).toBe('dont');
    expect(normalizeSearchText('Rock `n Roll')).toBe('rock n roll');
  });

  it('drops typographic apostrophes in non-ASCII text', () => {
    expect(normalizeSearchText('Don’t Stop Me Now')).toBe('dont stop me now');
    expect(normalizeSearchText('Don‘t')).toBe('dont');
    expect(normalizeSearchText('Donʼt')).toBe('dont');
  });

  it('collapses runs of punctuation and whitespace into one space', () => {
    expect(normalizeSearchText('AC/DC -- Back   in...Black?!')).toBe('ac dc back in black');
    expect(normalizeSearchText('a\t\n b')).toBe('a b');
  });

  it('trims leading and trailing separators', () => {
    expect(normalizeSearchText('  (Intro) ')).toBe('intro');
    expect(normalizeSearchText('¡Hola!')).toBe('hola');
  });

  it('gives text already in search form back as it is, and cleans text one space or case away from it', () => {
    expect(normalizeSearchText('back in black 1980')).toBe('back in black 1980');
    expect(['Back in black', 'back  in black', ' back in black', 'back in black ', "back in black'"].map(normalizeSearchText)).toEqual(
      Array(5).fill('back in black'),
    );
  });

  it('gives the same result on the ASCII and the Unicode path for equivalent text', () => {
    expect(normalizeSearchText("Beyonce - Deja Vu! Don't")).toBe(normalizeSearchText('Beyoncé — Déjà Vu! Don’t'));
    expect(normalizeSearchText('Mötley Crüe: Dr. Feelgood')).toBe(normalizeSearchText('Motley Crue: Dr. Feelgood'));
  });

  it('keeps digits and non-Latin letters', () => {
    expect(normalizeSearchText('99 Luftballons')).toBe('99 luftballons');
    expect(normalizeSearchText('Кино — Группа крови')).toBe('кино группа крови');
  });

  it('returns an empty string for empty, blank or punctuation-only text', () => {
    expect(normalizeSearchText('')).toBe('');
    expect(normalizeSearchText('   ')).toBe('');
    expect(normalizeSearchText(' \t\n ')).toBe('');
    expect(normalizeSearchText('?!—…')).toBe('');
  });
});

describe('searchWords', () => {
  it('splits a search into words as songs are searched', () => {
    expect(searchWords('  Beyoncé — DÉJÀ vu! ')).toEqual(['beyonce', 'deja', 'vu']);
    expect(searchWords('%_ ')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });
});

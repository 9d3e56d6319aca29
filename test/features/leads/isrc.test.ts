import { describe, expect, it } from 'vitest';
import { findIsrcs, parseIsrc } from '../../../src/features/leads/isrc.js';

const VALID = { ok: true, isrc: 'USRC17607839', formatted: 'US-RC1-76-07839', country: 'US', registrant: 'RC1', year: '76', designation: '07839' };

describe('parseIsrc', () => {
  it.each([
    'USRC17607839',
    'US-RC1-76-07839',
    'usrc17607839',
    'us-rc1-76-07839',
    '  USRC17607839\t',
    ' US-RC1-76-07839 \n',
    'US RC1 76 07839',
    'USRC1-76-07839',
    'US-RC17607839',
    'US–RC1–76–07839', // en dashes
    'ISRC US-RC1-76-07839',
    'isrc: USRC17607839',
    'ＵＳＲＣ１７６０７８３９', // full-width
  ])('accepts %j', (input) => {
    expect(parseIsrc(input)).toEqual(VALID);
  });

  it('accepts letters in the registrant code and keeps leading zeros', () => {
    expect(parseIsrc('gb-ajy-00-00001')).toEqual({
      ok: true,
      isrc: 'GBAJY0000001',
      formatted: 'GB-AJY-00-00001',
      country: 'GB',
      registrant: 'AJY',
      year: '00',
      designation: '00001',
    });
  });

  it('reads "ISRC" as a country and registrant when nothing separates it from the rest', () => {
    // IS (Iceland) RC1 76 07839: a valid ISRC, not a label
    expect(parseIsrc('ISRC17607839')).toMatchObject({ ok: true, isrc: 'ISRC17607839', country: 'IS' });
  });

  it('says the ISRC is empty', () => {
    for (const input of ['', '   ', null, undefined]) {
      expect(parseIsrc(input)).toEqual({ ok: false, error: 'the ISRC is empty (expected 12 characters, CC-XXX-YY-NNNNN)' });
    }
  });

  it('names the year when it is not two digits', () => {
    expect(parseIsrc('US-RC1-7X-07839')).toEqual({
      ok: false,
      error: '"US-RC1-7X-07839": the year (characters 6–7) must be two digits, found "7X"',
    });
  });

  it('names the country code when it is not letters', () => {
    expect(parseIsrc('U1RC17607839')).toEqual({
      ok: false,
      error: '"U1RC17607839": the country code (characters 1–2) must be two letters, found "U1"',
    });
  });

  it('names the designation code when it is not five digits', () => {
    expect(parseIsrc('USRC1760783A')).toEqual({
      ok: false,
      error: '"USRC1760783A": the designation code (characters 8–12) must be five digits, found "0783A"',
    });
  });

  it('names every wrong part at once, quoting them as typed', () => {
    expect(parseIsrc('12rc1ab0783x')).toEqual({
      ok: false,
      error:
        '"12rc1ab0783x": the country code (characters 1–2) must be two letters, found "12"; ' +
        'the year (characters 6–7) must be two digits, found "ab"; ' +
        'the designation code (characters 8–12) must be five digits, found "0783x"',
    });
  });

  it('names characters that are never part of an ISRC', () => {
    expect(parseIsrc('US_RC1_76_07839')).toEqual({
      ok: false,
      error: '"US_RC1_76_07839": contains "_"; an ISRC has only letters, digits and hyphens (CC-XXX-YY-NNNNN)',
    });
    expect(parseIsrc('USRÇ17607839')).toMatchObject({ ok: false, error: expect.stringContaining('contains "Ç"') });
  });

  it('gives the length when it is not 12 characters', () => {
    expect(parseIsrc('US-RC1-76-0783')).toEqual({
      ok: false,
      error: '"US-RC1-76-0783": an ISRC has 12 letters and digits (CC-XXX-YY-NNNNN, hyphens not counted), found 11',
    });
    expect(parseIsrc('USRC176078391')).toMatchObject({ ok: false, error: expect.stringContaining('found 13') });
  });

  it('refuses hyphens inside a part', () => {
    expect(parseIsrc('USR-C17-607839')).toEqual({
      ok: false,
      error: '"USR-C17-607839": hyphens may only separate the four parts, CC-XXX-YY-NNNNN (groups of 2, 3, 2 and 5); found groups of 3, 3, 6',
    });
  });

  it('shortens a very long input in the message', () => {
    const result = parseIsrc('X'.repeat(100));
    expect(result).toEqual({ ok: false, error: `"${'X'.repeat(40)}…": an ISRC has 12 letters and digits (CC-XXX-YY-NNNNN, hyphens not counted), found 100` });
  });

  it('accepts the ISRC agencies’ non-country prefixes without a warning', () => {
    for (const prefix of ['QM', 'QZ', 'QT', 'ZZ', 'UK', 'TC']) {
      const result = parseIsrc(`${prefix}ABC2400001`);
      expect(result).toMatchObject({ ok: true, country: prefix });
      expect(result).not.toHaveProperty('warning');
    }
  });

  it('accepts an unknown letters-only country code with a warning', () => {
    expect(parseIsrc('XXABC2400001')).toEqual({
      ok: true,
      isrc: 'XXABC2400001',
      formatted: 'XX-ABC-24-00001',
      country: 'XX',
      registrant: 'ABC',
      year: '24',
      designation: '00001',
      warning: 'the country code "XX" is neither an ISO 3166 country nor a known ISRC prefix; check the code',
    });
  });
});

describe('findIsrcs', () => {
  it('finds ISRCs in any column of a CSV, normalized, in order, each once', () => {
    const csv = [
      'title,artist,isrc,notes',
      'Song A,Jane Doe,USRC17607839,first',
      '"Song B","Jane Doe","gb-ajy-12-34567",""',
      'Song C,Jane Doe,,see NZABC2400001 in notes',
      'NZABC2400002;Song D;semicolons',
      'Song A again,Jane Doe,US-RC1-76-07839,duplicate of the first',
    ].join('\r\n');
    expect(findIsrcs(csv)).toEqual({
      isrcs: ['USRC17607839', 'GBAJY1234567', 'NZABC2400001', 'NZABC2400002'],
      invalid: [],
      duplicates: 1,
    });
  });

  it('finds one ISRC per line of a text file, in any case and form, and drops duplicates', () => {
    const text = 'USRC17607839\n  us-rc1-76-07839  \nISRC: AUXYZ2300015\nauxyz2300015\n\nQZES52400123\n';
    expect(findIsrcs(text)).toEqual({ isrcs: ['USRC17607839', 'AUXYZ2300015', 'QZES52400123'], duplicates: 2, invalid: [] });
  });

  it('finds ISRCs next to punctuation, tabs and file extensions', () => {
    expect(findIsrcs('(USRC17607839)\tGBAJY1234567.wav [NZABC2400001]').isrcs).toEqual(['USRC17607839', 'GBAJY1234567', 'NZABC2400001']);
  });

  it('reports ISRC-looking tokens that are invalid, with their line and the reason', () => {
    const text = ['isrc', 'USRC17607839', 'USRC1760783', 'US-RC1-7X-07839', 'USRC1760783', 'USRC176078390'].join('\n');
    expect(findIsrcs(text)).toEqual({
      isrcs: ['USRC17607839'],
      duplicates: 0,
      invalid: [
        { value: 'USRC1760783', line: 3, error: '"USRC1760783": an ISRC has 12 letters and digits (CC-XXX-YY-NNNNN, hyphens not counted), found 11' },
        { value: 'US-RC1-7X-07839', line: 4, error: '"US-RC1-7X-07839": the year (characters 6–7) must be two digits, found "7X"' },
        { value: 'USRC176078390', line: 6, error: '"USRC176078390": an ISRC has 12 letters and digits (CC-XXX-YY-NNNNN, hyphens not counted), found 13' },
      ],
    });
  });

  it('ignores tokens that do not look like ISRCs', () => {
    const text = [
      'title,isrc,upc,released,mbid,spotify',
      'Hello World,,123456789012,2024-01-15,5b11f4ce-a62d-471e-81fc-a69a8278c7da,4uLU6hMCjMI75M1A2tKUQC',
      'Recording2024 dQw4w9WgXcQ',
    ].join('\n');
    expect(findIsrcs(text)).toEqual({ isrcs: [], invalid: [], duplicates: 0 });
  });

  it('finds nothing in an empty text', () => {
    expect(findIsrcs('')).toEqual({ isrcs: [], invalid: [], duplicates: 0 });
  });
});

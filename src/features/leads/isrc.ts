/**
 * ISRC (International Standard Recording Code, ISO 3901) validation, normalization and scanning.
 * Pure functions: plain data in and out.
 *
 * An ISRC is 12 characters, written `CC-XXX-YY-NNNNN`:
 *
 * | part | characters | rule |
 * |---|---|---|
 * | country code | 1–2 | two letters (an ISO 3166-1 code or a prefix the ISRC agencies allocate) |
 * | registrant code | 3–5 | three letters or digits |
 * | year of reference | 6–7 | two digits |
 * | designation code | 8–12 | five digits |
 *
 * Accepted input: any case, surrounding spaces, with or without separators. Separators (hyphens,
 * Unicode dashes, spaces) may only stand between the parts (`US-RC1-76-07839`, `USRC17607839`,
 * `us rc1 76 07839`, `USRC1-76-07839`); a leading `ISRC ` or `ISRC:` label is ignored. The
 * normalized form is the 12 characters in upper case (`USRC17607839`); `formatted` is the
 * hyphenated one (`US-RC1-76-07839`).
 *
 * A country code that is letters but neither an ISO 3166-1 country nor one of the ISRC agencies'
 * extra prefixes (`ISRC_SPECIAL_PREFIXES`: QM, QZ, ZZ, ...) is accepted with a `warning`.
 */
import { isIsoCountry } from './reference/countries.js';
import { ISRC_SPECIAL_PREFIXES } from './reference/isrc-prefixes.js';

/** A valid ISRC, normalized. */
export interface ParsedIsrc {
  ok: true;
  /** The 12 characters in upper case, `USRC17607839`. */
  isrc: string;
  /** `US-RC1-76-07839`. */
  formatted: string;
  country: string;
  registrant: string;
  year: string;
  designation: string;
  /** Set when the country code is letters but not a known country or ISRC prefix. */
  warning?: string;
}

/** An invalid ISRC: `error` quotes the input and says which part is wrong. */
export interface IsrcError {
  ok: false;
  error: string;
}

export type IsrcParseResult = ParsedIsrc | IsrcError;

/** The four parts of an ISRC, in order, with their positions in the 12 characters. */
export const ISRC_PARTS = [
  { name: 'country code', start: 0, length: 2, pattern: /^[A-Z]{2}$/, rule: 'two letters' },
  { name: 'registrant code', start: 2, length: 3, pattern: /^[A-Z0-9]{3}$/, rule: 'three letters or digits' },
  { name: 'year', start: 5, length: 2, pattern: /^[0-9]{2}$/, rule: 'two digits' },
  { name: 'designation code', start: 7, length: 5, pattern: /^[0-9]{5}$/, rule: 'five digits' },
] as const;

const ISRC_LENGTH = 12;
/** Where a separator may stand: after the country code (2), the registrant code (5), the year (7). */
const PART_BOUNDARIES = new Set([2, 5, 7]);
const SEPARATOR_RUN = /[\s\u2010-\u2015\u2212-]+/;
const LABEL_PREFIX = /^ISRC(?:\s*:\s*|\s+)/i;
const NOT_ALPHANUMERIC = /[^A-Za-z0-9]/;
const SHAPE = 'CC-XXX-YY-NNNNN';

/**
 * Validates and normalizes one ISRC. Never throws: an invalid input gives `{ ok: false, error }`
 * whose message quotes the input and names each wrong part in plain words, e.g.
 * `"US-RC1-7X-07839": the year (characters 6–7) must be two digits, found "7X"`.
 */
export function parseIsrc(input: string | null | undefined): IsrcParseResult {
  const trimmed = typeof input === 'string' ? input.normalize('NFKC').trim() : '';
  if (trimmed === '') return { ok: false, error: `the ISRC is empty (expected 12 characters, ${SHAPE})` };
  const quoted = JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed);
  const fail = (problem: string): IsrcError => ({ ok: false, error: `${quoted}: ${problem}` });

  const groups = trimmed
    .replace(LABEL_PREFIX, '')
    .split(SEPARATOR_RUN)
    .filter((group) => group !== '');
  const code = groups.join('');
  const bad = NOT_ALPHANUMERIC.exec(code);
  if (bad) return fail(`contains ${JSON.stringify(bad[0])}; an ISRC has only letters, digits and hyphens (${SHAPE})`);
  if (code.length !== ISRC_LENGTH) {
    return fail(`an ISRC has 12 letters and digits (${SHAPE}, hyphens not counted), found ${code.length}`);
  }
  let offset = 0;
  for (const group of groups.slice(0, -1)) {
    offset += group.length;
    if (!PART_BOUNDARIES.has(offset)) {
      return fail(`hyphens may only separate the four parts, ${SHAPE} (groups of 2, 3, 2 and 5); found groups of ${groups.map((g) => g.length).join(', ')}`);
    }
  }

  const upper = code.toUpperCase();
  const problems: string[] = [];
  for (const part of ISRC_PARTS) {
    const value = upper.slice(part.start, part.start + part.length);
    if (!part.pattern.test(value)) {
      const found = code.slice(part.start, part.start + part.length);
      problems.push(`the ${part.name} (characters ${part.start + 1}–${part.start + part.length}) must be ${part.rule}, found "${found}"`);
    }
  }
  if (problems.length > 0) return fail(problems.join('; '));

  const [country, registrant, year, designation] = ISRC_PARTS.map((part) => upper.slice(part.start, part.start + part.length)) as [
    string,
    string,
    string,
    string,
  ];
  const parsed: ParsedIsrc = { ok: true, isrc: upper, formatted: `${country}-${registrant}-${year}-${designation}`, country, registrant, year, designation };
  if (!isIsoCountry(country) && ISRC_SPECIAL_PREFIXES[country] === undefined) {
    parsed.warning = `the country code "${country}" is neither an ISO 3166 country nor a known ISRC prefix; check the code`;
  }
  return parsed;
}

/** The normalized ISRC (`USRC17607839`) a source is asked about; a RangeError naming what is wrong for anything else. */
export function normalizedIsrc(input: string): string {
  const parsed = parseIsrc(input);
  if (!parsed.ok) throw new RangeError(`not an ISRC: ${parsed.error}`);
  return parsed.isrc;
}

/** A token of scanned text that looks like an ISRC but is not a valid one. */
export interface InvalidIsrc {
  /** The token as found. */
  value: string;
  /** 1-based line of its first occurrence. */
  line?: number;
  error: string;
}

export interface IsrcScan {
  /** The valid ISRCs found, normalized (`USRC17607839`), in order of first occurrence, each once. */
  isrcs: string[];
  /** ISRC-looking tokens that are not valid, each once (first occurrence). */
  invalid: InvalidIsrc[];
  /** How many repeated valid ISRCs were dropped. */
  duplicates: number;
}

/** A run of letters, digits and hyphens/dashes: every other character (comma, quote, space, dot...) separates tokens. */
const TOKEN = /[A-Za-z0-9\u2010-\u2015\u2212-]+/g;
const DASHES = /[\u2010-\u2015\u2212-]/g;
const EDGE_DASHES = /^[\u2010-\u2015\u2212-]+|[\u2010-\u2015\u2212-]+$/g;
/** Looks like an ISRC: two letters then 8 to 12 letters or digits, with at least 5 digits in all. */
const ISRC_LIKE = /^[A-Za-z]{2}[A-Za-z0-9]{8,12}$/;
const MIN_DIGITS = 5;

/**
 * Finds the ISRCs in a text: an uploaded CSV (any column) or TXT (any line), or a pasted list.
 * A token is a run of letters, digits and hyphens, so an ISRC is found whatever separates it from
 * its neighbours (commas, quotes, spaces, tabs, semicolons, a file extension's dot); within a
 * token, hyphens may separate its parts (`US-RC1-76-07839`). Case does not matter; the result is
 * normalized and deduplicated, in order of first occurrence.
 *
 * A token that looks like an ISRC (two letters, then 8–12 more letters or digits with at least 5
 * digits in all, hyphens not counted) but is not valid is reported in `invalid` with `parseIsrc`'s
 * error and its line. Other tokens (headers, titles, dates, UPCs, UUIDs, Spotify ids) are ignored.
 */
export function findIsrcs(text: string): IsrcScan {
  const isrcs: string[] = [];
  const seen = new Set<string>();
  const invalid: InvalidIsrc[] = [];
  const seenInvalid = new Set<string>();
  let duplicates = 0;
  const lines = text.normalize('NFKC').split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    for (const match of line.matchAll(TOKEN)) {
      const token = match[0].replace(EDGE_DASHES, '');
      const compact = token.replace(DASHES, '');
      if (!ISRC_LIKE.test(compact) || (compact.match(/[0-9]/g)?.length ?? 0) < MIN_DIGITS) continue;
      const parsed = parseIsrc(token);
      if (parsed.ok) {
        if (seen.has(parsed.isrc)) duplicates += 1;
        else {
          seen.add(parsed.isrc);
          isrcs.push(parsed.isrc);
        }
      } else if (!seenInvalid.has(token.toUpperCase())) {
        seenInvalid.add(token.toUpperCase());
        invalid.push({ value: token, line: index + 1, error: parsed.error });
      }
    }
  });
  return { isrcs, invalid, duplicates };
}

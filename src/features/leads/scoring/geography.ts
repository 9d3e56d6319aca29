/**
 * Geography, 20 % of the lead score: how close the artist is to the team's target markets, from
 * the artist's country (the MusicBrainz area's ISO 3166-1 code; an ISO 3166-2 subdivision such as
 * `NZ-AUK` counts as its country).
 *
 * Default targets (`DEFAULT_GEOGRAPHY_TARGETS`), in points out of 30:
 *
 * | region | countries | points | of the total (× 20 / 30) |
 * |---|---|---|---|
 * | New Zealand | NZ | 30 | 20 |
 * | Australia | AU | 25 | 16.67 |
 * | Pacific Islands | FJ WS TO PG SB VU CK NU TK PF NC KI TV NR FM MH PW AS GU MP WF PN | 20 | 13.33 |
 * | other | every other country | 5 | 3.33 |
 * | unknown | no or unreadable country | 5 (as other) | 3.33 |
 *
 *   points = region points × 20 / raw_max,   raw_max = the largest points of any region, other or unknown
 *
 * Targets are configurable: any regions (the first listing a country wins), `other` and `unknown`
 * points. The scale keeps the best region at the full 20 whatever the points are.
 */
import { countryName, PACIFIC_ISLANDS } from '../reference/countries.js';
import { type ComponentScore, round } from './facts.js';

export const GEOGRAPHY_MAX = 20;

export interface GeographyRegion {
  /** The region's id in answers and filters: `nz`, `au`, `pacific`. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: readonly string[];
  points: number;
}

export interface GeographyTargets {
  regions: readonly GeographyRegion[];
  /** Points of a known country in no region. */
  other: number;
  /** Points when the country is not known; default `other`. */
  unknown?: number;
}

export const DEFAULT_GEOGRAPHY_TARGETS: GeographyTargets = {
  regions: [
    { id: 'nz', name: 'New Zealand', countries: ['NZ'], points: 30 },
    { id: 'au', name: 'Australia', countries: ['AU'], points: 25 },
    { id: 'pacific', name: 'Pacific Islands', countries: PACIFIC_ISLANDS, points: 20 },
  ],
  other: 5,
};

export interface GeographyScore extends ComponentScore {
  /** A target region's id, `other` or `unknown`. */
  region: string;
  /** The ISO 3166-1 alpha-2 code used, or null. */
  country: string | null;
}

/** The ISO 3166-1 alpha-2 code of a country or subdivision code (`nz`, `NZ-AUK` → `NZ`), or null. */
export function countryCode(country: string | null | undefined): string | null {
  const match = /^([A-Za-z]{2})(?:-[A-Za-z0-9]{1,3})?$/.exec(country?.trim() ?? '');
  return match ? match[1]!.toUpperCase() : null;
}

function checkPoints(what: string, points: number): void {
  if (!Number.isFinite(points) || points < 0) throw new RangeError(`geography targets: ${what} must be a number ≥ 0; got ${points}`);
}

/** The geography component of a lead (see the module comment). Throws RangeError on negative or non-finite target points. */
export function scoreGeography(country: string | null | undefined, targets: GeographyTargets = DEFAULT_GEOGRAPHY_TARGETS): GeographyScore {
  for (const region of targets.regions) checkPoints(`region ${region.id}`, region.points);
  checkPoints('other', targets.other);
  const unknownPoints = targets.unknown ?? targets.other;
  checkPoints('unknown', unknownPoints);
  const rawMax = Math.max(targets.other, unknownPoints, ...targets.regions.map((region) => region.points));

  const code = countryCode(country);
  const region = code === null ? undefined : targets.regions.find((candidate) => candidate.countries.some((c) => c.toUpperCase() === code));
  let raw: number;
  let regionId: string;
  let reason: string;
  if (code === null) {
    [raw, regionId, reason] = [unknownPoints, 'unknown', 'Country not known'];
  } else if (region !== undefined) {
    const name = countryName(code);
    [raw, regionId, reason] = [region.points, region.id, name === region.name ? `Based in ${name}` : `Based in ${name} (${region.name})`];
  } else {
    [raw, regionId, reason] = [targets.other, 'other', `Based in ${countryName(code)} (outside the target regions)`];
  }
  return {
    points: rawMax === 0 ? 0 : round((raw * GEOGRAPHY_MAX) / rawMax, 2),
    max: GEOGRAPHY_MAX,
    raw_points: raw,
    raw_max: rawMax,
    items: [{ factor: 'region', points: raw, max: rawMax, reason }],
    region: regionId,
    country: code,
  };
}

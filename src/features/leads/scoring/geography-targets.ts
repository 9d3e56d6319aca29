/**
 * LEADS_GEOGRAPHY_TARGETS: the regions a label scouts in, as `region=COUNTRIES:points` entries
 * separated by ";" (countries ISO 3166-1 alpha-2, comma-separated), plus `other=points` for every
 * other known country and optionally `unknown=points`. Empty: the defaults (New Zealand 30,
 * Australia 25, Pacific Islands 20, other 5). Example, a UK label:
 *
 *   uk=GB:30;ie=IE:25;other=5
 *
 * A region keeps its default name when its id is a default one (nz, au, pacific), else its id.
 */
import type { AppConfig } from '../../../platform/config/app-config.js';
import { isIsoCountry } from '../reference/countries.js';
import { DEFAULT_GEOGRAPHY_TARGETS, type GeographyRegion, type GeographyTargets } from './geography.js';

const FORMAT = 'region=CC,CC:points entries separated by ";", plus other=points, e.g. nz=NZ:30;au=AU:25;other=5';

export function parseGeographyTargets(text: string): { targets: GeographyTargets; problems: string[] } {
  const entries = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) return { targets: DEFAULT_GEOGRAPHY_TARGETS, problems: [] };
  const problems: string[] = [];
  const regions: GeographyRegion[] = [];
  let other: number | undefined;
  let unknown: number | undefined;
  const points = (entry: string, value: string): number | undefined => {
    const number = Number(value);
    if (value.trim() !== '' && Number.isFinite(number) && number >= 0) return number;
    problems.push(`LEADS_GEOGRAPHY_TARGETS: "${entry}" needs points that are a number ≥ 0`);
    return undefined;
  };
  for (const entry of entries) {
    const special = /^(other|unknown)\s*=\s*(.*)$/.exec(entry);
    if (special) {
      if (special[1] === 'other') other = points(entry, special[2]!);
      else unknown = points(entry, special[2]!);
      continue;
    }
    const match = /^([a-z][\w-]*)\s*=\s*([A-Za-z, ]+):\s*(.*)$/i.exec(entry);
    if (!match) {
      problems.push(`LEADS_GEOGRAPHY_TARGETS: "${entry}" is not region=COUNTRIES:points (${FORMAT})`);
      continue;
    }
    const id = match[1]!.toLowerCase();
    const countries = match[2]!
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    const bad = countries.filter((code) => !isIsoCountry(code));
    if (bad.length > 0) problems.push(`LEADS_GEOGRAPHY_TARGETS: region "${id}" names ${bad.join(', ')}, not ISO 3166-1 alpha-2 countries`);
    if (regions.some((region) => region.id === id)) problems.push(`LEADS_GEOGRAPHY_TARGETS: region "${id}" is named twice`);
    const value = points(entry, match[3]!);
    const name = DEFAULT_GEOGRAPHY_TARGETS.regions.find((region) => region.id === id)?.name ?? id;
    if (value !== undefined) regions.push({ id, name, countries, points: value });
  }
  if (other === undefined && !problems.some((problem) => problem.includes('other')))
    problems.push(`LEADS_GEOGRAPHY_TARGETS: give other=points for the countries outside the regions (${FORMAT})`);
  return { targets: { regions, other: other ?? 0, ...(unknown !== undefined && { unknown }) }, problems };
}

/** The configured targets (LEADS_GEOGRAPHY_TARGETS, checked at start by geographyTargetsProblems). */
export function geographyTargets(config: Pick<AppConfig, 'LEADS_GEOGRAPHY_TARGETS'>): GeographyTargets {
  return parseGeographyTargets(config.LEADS_GEOGRAPHY_TARGETS).targets;
}

/** The start-time check of LEADS_GEOGRAPHY_TARGETS (see ConfigCheck). */
export function geographyTargetsProblems(config: Pick<AppConfig, 'LEADS_GEOGRAPHY_TARGETS'>): string[] {
  return parseGeographyTargets(config.LEADS_GEOGRAPHY_TARGETS).problems;
}

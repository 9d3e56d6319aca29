/**
 * How a region filter may name a region: by its id in the geography targets (`nz`, `au`,
 * `pacific`, `other`, `unknown`), or by its name in snake_case, which is how the original Prism
 * Analytics Engine's clients name them (`new_zealand`, `australia`, `pacific_islands`). Pure.
 */
import type { GeographyTargets } from './geography.js';

/** The regions every target set has besides its own. */
const OUTSIDE_REGIONS = ['other', 'unknown'] as const;

/** "Pacific Islands" → "pacific_islands". */
export function snakeCaseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Every accepted name of each region id: the id itself first, then its snake_case name when that differs. */
export function regionNames(targets: GeographyTargets): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of [...targets.regions.map((region) => region.id), ...OUTSIDE_REGIONS]) names.set(id, id);
  for (const region of targets.regions) {
    const name = snakeCaseName(region.name);
    if (!names.has(name)) names.set(name, region.id);
  }
  return names;
}

/** The region id a filter value names (any case, spaces or hyphens for underscores), or null when it names none. */
export function regionIdOf(value: string, targets: GeographyTargets): string | null {
  const names = regionNames(targets);
  return names.get(value.trim().toLowerCase()) ?? names.get(snakeCaseName(value)) ?? null;
}

/** The accepted values, for a message: "nz (new_zealand), au (australia), ..., other, unknown". */
export function describeRegionNames(targets: GeographyTargets): string {
  const aliases = new Map<string, string[]>();
  for (const [name, id] of regionNames(targets)) aliases.set(id, name === id ? (aliases.get(id) ?? []) : [...(aliases.get(id) ?? []), name]);
  return [...aliases].map(([id, others]) => (others.length > 0 ? `${id} (${others.join(', ')})` : id)).join(', ');
}

/**
 * Words and colours the human-facing exports (the PDF report, the Excel summary) use for the
 * API's codes; the data columns keep the codes themselves. One tier palette for the Excel tier
 * cells and the report's tier bars, light enough for black text on top.
 */
import type { LeadTier } from '../scoring/score-lead.js';

/** Hex RGB without "#" (Excel's ARGB takes it after "FF"). */
export const TIER_COLOURS: Record<LeadTier, string> = { A: '66BB6A', B: 'C5E1A5', C: 'FFD54F', D: 'E0E0E0' };

const REGION_NAMES: Record<string, string> = {
  nz: 'New Zealand',
  au: 'Australia',
  pacific: 'Pacific Islands',
  other: 'Other',
  unknown: 'Unknown',
};

const INDEPENDENCE_NAMES: Record<string, string> = {
  self_released: 'Self-released',
  small_distributor: 'Small distributor',
  indie_label: 'Indie label',
  major: 'Major',
  unknown: 'Unknown',
};

/** "New Zealand" for `nz`; an unexpected code as it is. */
export function regionName(region: string): string {
  return REGION_NAMES[region] ?? region;
}

/** "Self-released" for `self_released`; an unexpected code as it is. */
export function independenceName(independence: string): string {
  return INDEPENDENCE_NAMES[independence] ?? independence;
}

/** "Contacted" for `contacted`. */
export function outreachName(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** "tier = A, region = nz", or "none (every lead)". */
export function describeFilters(filters: Record<string, string | number>): string {
  const entries = Object.entries(filters);
  return entries.length === 0 ? 'none (every lead)' : entries.map(([name, value]) => `${name} = ${value}`).join(', ');
}

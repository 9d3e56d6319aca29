/**
 * The columns of the tabular exports (CSV and the Excel "Leads" sheet), in order, so both carry
 * the same data under the same headers. Values keep their type (numbers, dates, null for
 * unknown); each format writes them its own way. Lists are joined with "; ", which reads well in
 * a cell and is rare inside the items themselves. Codes (region, independence, outreach status)
 * stay the API's, so a filtered spreadsheet matches the API's filters.
 */
import type { ExportLead, ExportOptions } from './export-lead.js';

export type CellValue = string | number | Date | null;

export interface LeadColumn {
  header: string;
  /** Width in characters of the Excel column. */
  width: number;
  /** Excel number format of the column's numbers or dates. */
  numberFormat?: string;
  /** The cell of the lead ranked `rank` (1 first). */
  value(lead: ExportLead, rank: number): CellValue;
}

export const LIST_SEPARATOR = '; ';

const SCORE = '0.00';
const COUNT = '#,##0';

const LEAD_COLUMNS: readonly LeadColumn[] = [
  { header: 'Rank', width: 6, numberFormat: '0', value: (_lead, rank) => rank },
  { header: 'Artist', width: 28, value: (lead) => lead.artist_name },
  { header: 'Artist ID', width: 38, value: (lead) => lead.artist_id },
  { header: 'Tier', width: 6, value: (lead) => lead.tier },
  { header: 'Total score', width: 11, numberFormat: SCORE, value: (lead) => lead.total_score },
  { header: 'Independence score', width: 12, numberFormat: SCORE, value: (lead) => lead.independence_score },
  { header: 'Opportunity score', width: 12, numberFormat: SCORE, value: (lead) => lead.opportunity_score },
  { header: 'Geography score', width: 12, numberFormat: SCORE, value: (lead) => lead.geography_score },
  { header: 'Country', width: 8, value: (lead) => lead.country },
  { header: 'Region', width: 16, value: (lead) => lead.region },
  { header: 'Independence', width: 18, value: (lead) => lead.independence },
  { header: 'Label', width: 24, value: (lead) => lead.label_name },
  { header: 'Distributor', width: 20, value: (lead) => lead.distributor_name },
  { header: 'Genres', width: 24, value: (lead) => joinList(lead.genres) },
  { header: 'Spotify followers', width: 12, numberFormat: COUNT, value: (lead) => lead.spotify_followers },
  { header: 'Spotify popularity', width: 12, numberFormat: '0', value: (lead) => lead.spotify_popularity },
  { header: 'Last.fm listeners', width: 12, numberFormat: COUNT, value: (lead) => lead.lastfm_listeners },
  // Demo leads are invented: a spreadsheet read on its own must still say so.
  { header: 'Demo', width: 6, value: (lead) => (lead.demo ? 'yes' : 'no') },
];

const YOUTUBE_COLUMNS: readonly LeadColumn[] = [
  { header: 'YouTube channel ID', width: 26, value: (lead) => lead.youtube?.channel_id ?? null },
  { header: 'YouTube subscribers', width: 12, numberFormat: COUNT, value: (lead) => lead.youtube?.subscribers ?? null },
  { header: 'YouTube views', width: 14, numberFormat: COUNT, value: (lead) => lead.youtube?.views ?? null },
  { header: 'YouTube uploads (90 days)', width: 12, numberFormat: '0', value: (lead) => lead.youtube?.recent_uploads_90d ?? null },
  { header: 'YouTube opportunities', width: 30, value: (lead) => (lead.youtube ? joinList(lead.youtube.opportunities) : null) },
];

const OUTREACH_COLUMNS: readonly LeadColumn[] = [
  { header: 'Outreach status', width: 12, value: (lead) => lead.outreach_status },
  { header: 'Contacts', width: 40, value: (lead) => joinList(lead.contacts.map((contact) => `${contact.kind}: ${contact.value}`)) },
  { header: 'ISRCs', width: 30, value: (lead) => joinList(lead.isrcs) },
  { header: 'Reasons', width: 60, value: (lead) => joinList(lead.reasons) },
  { header: 'Scored at (UTC)', width: 18, numberFormat: 'yyyy-mm-dd hh:mm', value: (lead) => lead.scored_at },
];

/** The columns of an export, YouTube's only when asked for. */
export function leadColumns(options: ExportOptions): LeadColumn[] {
  return [...LEAD_COLUMNS, ...(options.includeYoutube ? YOUTUBE_COLUMNS : []), ...OUTREACH_COLUMNS];
}

/** A list as one cell; an empty list is an empty cell. */
function joinList(items: readonly string[]): string | null {
  return items.length === 0 ? null : items.join(LIST_SEPARATOR);
}

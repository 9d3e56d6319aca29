/**
 * The lead list as JSON: `{ "summary": ExportSummary, "leads": ExportLead[] }`, pretty-printed
 * (2 spaces) for people who open it in an editor, dates as ISO 8601 strings in UTC. Without
 * YouTube, each lead's `youtube` key is left out (not null, which would read as "not checked").
 */
import type { ExportLead, ExportOptions, ExportSummary } from './export-lead.js';

/** The leads and their summary as a JSON file's bytes (UTF-8, no byte-order mark). */
export function renderJson(leads: readonly ExportLead[], summary: ExportSummary, options: ExportOptions): Buffer {
  const exported = options.includeYoutube ? leads : leads.map(({ youtube: _youtube, ...lead }) => lead);
  return Buffer.from(`${JSON.stringify({ summary, leads: exported }, null, 2)}\n`, 'utf8');
}

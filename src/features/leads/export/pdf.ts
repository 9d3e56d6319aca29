/**
 * The lead list as a PDF report for people: title, when it was generated, the filters, the
 * summary numbers, bar charts of leads per tier and per region, then the lead table
 * (`pdf-table.ts`). Fonts: `pdf-document.ts`. The same leads and summary give the same bytes.
 */
import { type ExportLead, type ExportSummary, LEAD_TIERS } from './export-lead.js';
import { describeFilters, regionName, TIER_COLOURS } from './export-labels.js';
import { drawBarChart } from './pdf-charts.js';
import { BOLD, createReportDocument, finishDocument, printable, REGULAR } from './pdf-document.js';
import { drawLeadTable } from './pdf-table.js';

const REPORT_TITLE = 'Encore — A&R lead report';

const REGION_BAR_COLOUR = '90A4AE';
const CHART_GAP = 24;

/** The report as a PDF file's bytes (see the module comment). */
export function renderPdf(leads: readonly ExportLead[], summary: ExportSummary): Promise<Buffer> {
  const doc = createReportDocument({ title: REPORT_TITLE, createdAt: summary.generated_at });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(BOLD).fontSize(18).text(REPORT_TITLE);
  doc.moveDown(0.3);
  doc.font(REGULAR).fontSize(10);
  doc.text(`Generated ${formatUtc(summary.generated_at)}`);
  doc.text(`Filters: ${printable(describeFilters(summary.filters))}`);
  doc.moveDown(0.5);
  doc.text(`Leads: ${summary.total}    Average score: ${summary.average_score?.toFixed(2) ?? '—'}`);
  const coverage = summary.youtube_coverage;
  doc.text(`YouTube: ${coverage.with_channel} with a channel, ${coverage.without_channel} with no channel found, ${coverage.not_checked} not checked`);
  doc.moveDown(1);

  const chartWidth = (width - CHART_GAP) / 2;
  const chartsTop = doc.y;
  const tierBottom = drawBarChart(doc, {
    title: 'Leads per tier',
    bars: LEAD_TIERS.map((tier) => ({ label: `Tier ${tier}`, value: summary.by_tier[tier], colour: TIER_COLOURS[tier] })),
    x: left,
    y: chartsTop,
    width: chartWidth,
  });
  const regionBottom = drawBarChart(doc, {
    title: 'Leads per region',
    bars: Object.entries(summary.by_region).map(([region, count]) => ({ label: regionName(region), value: count, colour: REGION_BAR_COLOUR })),
    x: left + chartWidth + CHART_GAP,
    y: chartsTop,
    width: chartWidth,
  });

  const tableTitleTop = Math.max(tierBottom, regionBottom) + 16;
  doc.font(BOLD).fontSize(12).fillColor('black').text('Leads', left, tableTitleTop, { lineBreak: false });
  drawLeadTable(doc, leads, tableTitleTop + 20);
  return finishDocument(doc);
}

/** "2026-11-23 09:30 UTC". */
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

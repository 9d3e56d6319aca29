/**
 * The report's lead table: rank, artist, tier, score, region, label, independence and outreach
 * status, one line per lead (long text cut with "…"), the tier cell in its tier's colour. A row
 * that would cross the bottom margin starts a new page, which repeats the header row.
 */
import type { ExportLead } from './export-lead.js';
import { independenceName, outreachName, regionName, TIER_COLOURS } from './export-labels.js';
import { BOLD, fitText, REGULAR } from './pdf-document.js';

interface TableColumn {
  header: string;
  width: number;
  align: 'left' | 'center' | 'right';
  text(lead: ExportLead, rank: number): string;
}

const UNKNOWN = '—';

/** Widths add up to A4's 515 points between 40-point margins. */
const COLUMNS: readonly TableColumn[] = [
  { header: 'Rank', width: 28, align: 'right', text: (_lead, rank) => String(rank) },
  { header: 'Artist', width: 124, align: 'left', text: (lead) => lead.artist_name },
  { header: 'Tier', width: 26, align: 'center', text: (lead) => lead.tier },
  { header: 'Score', width: 36, align: 'right', text: (lead) => lead.total_score.toFixed(2) },
  { header: 'Region', width: 70, align: 'left', text: (lead) => regionName(lead.region) },
  { header: 'Label', width: 100, align: 'left', text: (lead) => lead.label_name ?? UNKNOWN },
  { header: 'Independence', width: 76, align: 'left', text: (lead) => independenceName(lead.independence) },
  { header: 'Outreach', width: 55, align: 'left', text: (lead) => outreachName(lead.outreach_status) },
];

const ROW_HEIGHT = 14;
const FONT_SIZE = 8;
const PADDING = 3;

/** Draws the table from `y` on, over as many pages as it takes. */
export function drawLeadTable(doc: PDFKit.PDFDocument, leads: readonly ExportLead[], y: number): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let top = drawHeader(doc, left, y);
  if (leads.length === 0) {
    doc
      .font(REGULAR)
      .fontSize(FONT_SIZE)
      .fillColor('black')
      .text('No leads match these filters.', left + PADDING, top + PADDING, { lineBreak: false });
    return;
  }
  leads.forEach((lead, index) => {
    if (top + ROW_HEIGHT > bottom()) {
      doc.addPage();
      top = drawHeader(doc, left, doc.page.margins.top);
    }
    drawRow(doc, lead, index + 1, left, top);
    top += ROW_HEIGHT;
  });
}

function drawHeader(doc: PDFKit.PDFDocument, left: number, top: number): number {
  doc.font(BOLD).fontSize(FONT_SIZE).fillColor('black');
  let x = left;
  for (const column of COLUMNS) {
    drawCell(doc, column.header, column, x, top);
    x += column.width;
  }
  const below = top + ROW_HEIGHT;
  doc.moveTo(left, below).lineTo(x, below).lineWidth(0.75).stroke('black');
  return below + 1;
}

function drawRow(doc: PDFKit.PDFDocument, lead: ExportLead, rank: number, left: number, top: number): void {
  if (rank % 2 === 0) doc.rect(left, top, tableWidth(), ROW_HEIGHT).fill('#F5F5F5');
  doc.font(REGULAR).fontSize(FONT_SIZE);
  let x = left;
  for (const column of COLUMNS) {
    if (column.header === 'Tier') doc.rect(x + 1, top + 1, column.width - 2, ROW_HEIGHT - 2).fill(`#${TIER_COLOURS[lead.tier]}`);
    doc.fillColor('black');
    drawCell(doc, column.text(lead, rank), column, x, top);
    x += column.width;
  }
}

/** One cell's text, cut to its column and aligned in it, without pdfkit's line wrapping (which could add pages). */
function drawCell(doc: PDFKit.PDFDocument, text: string, column: TableColumn, x: number, top: number): void {
  const room = column.width - 2 * PADDING;
  const fitted = fitText(doc, text, room);
  const slack = room - doc.widthOfString(fitted);
  const offset = column.align === 'right' ? slack : column.align === 'center' ? slack / 2 : 0;
  doc.text(fitted, x + PADDING + offset, top + (ROW_HEIGHT - FONT_SIZE) / 2 - 1, { lineBreak: false });
}

function tableWidth(): number {
  return COLUMNS.reduce((sum, column) => sum + column.width, 0);
}

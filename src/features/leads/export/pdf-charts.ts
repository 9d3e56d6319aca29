/**
 * Horizontal bar charts drawn with pdfkit's vector shapes: one row per bar with its label on the
 * left (cut to fit) and its value as text after the bar, so the numbers can be read (and
 * extracted) as well as seen. Bars scale to the largest value; a zero is a bare value.
 */
import { BOLD, fitText, REGULAR } from './pdf-document.js';

export interface Bar {
  label: string;
  value: number;
  /** Hex RGB without "#". */
  colour: string;
}

export interface BarChart {
  title: string;
  bars: readonly Bar[];
  /** Top-left corner and width of the chart, in points. */
  x: number;
  y: number;
  width: number;
}

const TITLE_HEIGHT = 16;
const BAR_HEIGHT = 11;
const BAR_GAP = 5;
const LABEL_WIDTH = 78;
const VALUE_WIDTH = 34;
const FONT_SIZE = 8;

/** Draws the chart; returns the y just below it. */
export function drawBarChart(doc: PDFKit.PDFDocument, chart: BarChart): number {
  doc.font(BOLD).fontSize(10).fillColor('black').text(chart.title, chart.x, chart.y, { lineBreak: false });
  const barsTop = chart.y + TITLE_HEIGHT;
  const barArea = chart.width - LABEL_WIDTH - VALUE_WIDTH;
  const largest = Math.max(0, ...chart.bars.map((bar) => bar.value));
  doc.font(REGULAR).fontSize(FONT_SIZE);
  chart.bars.forEach((bar, index) => {
    const top = barsTop + index * (BAR_HEIGHT + BAR_GAP);
    const textTop = top + (BAR_HEIGHT - FONT_SIZE) / 2 - 1;
    const length = largest === 0 ? 0 : (bar.value / largest) * barArea;
    doc.fillColor('black').text(fitText(doc, bar.label, LABEL_WIDTH - 4), chart.x, textTop, { lineBreak: false });
    if (length > 0) doc.rect(chart.x + LABEL_WIDTH, top, length, BAR_HEIGHT).fill(`#${bar.colour}`);
    doc.fillColor('black').text(String(bar.value), chart.x + LABEL_WIDTH + length + 4, textTop, { lineBreak: false });
  });
  const bottom = barsTop + chart.bars.length * (BAR_HEIGHT + BAR_GAP);
  doc
    .moveTo(chart.x + LABEL_WIDTH, barsTop - 2)
    .lineTo(chart.x + LABEL_WIDTH, bottom - BAR_GAP + 2)
    .lineWidth(0.5)
    .stroke('#757575');
  return bottom;
}

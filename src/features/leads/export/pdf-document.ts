/**
 * The report's PDF document, its fonts, and text made safe for them.
 *
 * Font: DejaVu Sans Condensed (regular and bold), embedded from the `dejavu-fonts-ttf` package
 * (Bitstream Vera licence, DejaVu's changes public domain: free to embed and redistribute), not
 * pdfkit's built-in Helvetica. Helvetica encodes only WinAnsi, and pdfkit writes anything else as
 * garbage (garbling the rest of the line with it), while Encore's leads are largely from New
 * Zealand and the Pacific, whose names carry macrons (Kōwhai, Tūī) the report must show as they
 * are. DejaVu covers Latin with all its extensions, Greek and Cyrillic. A character it has no
 * glyph for (CJK, most emoji) is written as "?" (`printable`): pdfkit would draw an empty box,
 * measure it wrong and drop it from the text layer. pdfkit embeds only the glyphs used, so a
 * report stays small. The CSV, Excel and JSON exports carry every name exactly, whatever the script.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * The font files, for `doc.font(...)`. Selected by path rather than by a registered alias: pdfkit
 * caches a font under the key it was selected with, except when it matches one opened under another
 * key (the default font), which it then parses anew at every switch.
 */
export const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf');
export const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf');

const MISSING_GLYPH = '?';

let regularGlyphs: fontkit.Font | undefined;

/** The regular font, to ask which characters it has; read on the first use (not when the module loads). */
function glyphCoverage(): fontkit.Font {
  regularGlyphs ??= fontkit.create(readFileSync(REGULAR)) as fontkit.Font;
  return regularGlyphs;
}

export interface ReportDocumentOptions {
  title: string;
  /** Recorded as the PDF's creation date, which also seeds its file ID: same input, same bytes. */
  createdAt: Date;
}

/** An A4 portrait document set in the regular report font (never pdfkit's default Helvetica). */
export function createReportDocument(options: ReportDocumentOptions): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margin: 40,
    font: REGULAR,
    info: { Title: options.title, Author: 'Encore', Creator: 'Encore', CreationDate: options.createdAt },
  });
}

/** Ends the document and resolves with its bytes. */
export function finishDocument(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** `text` with every character the report font has no glyph for replaced by "?" (see the module comment). */
export function printable(text: string): string {
  const coverage = glyphCoverage();
  let result = '';
  for (const character of text) {
    result += coverage.hasGlyphForCodePoint(character.codePointAt(0)!) ? character : MISSING_GLYPH;
  }
  return result;
}

/** Printable `text`, shortened with "…" to fit `width` points in the current font and size. */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const safe = printable(text);
  if (doc.widthOfString(safe) <= width) return safe;
  const characters = [...safe];
  const shortened = (count: number) => `${characters.slice(0, count).join('').trimEnd()}…`;
  let fits = 0;
  let tooLong = characters.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (doc.widthOfString(shortened(middle)) <= width) fits = middle;
    else tooLong = middle;
  }
  return shortened(fits);
}

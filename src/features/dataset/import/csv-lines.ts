import { StringDecoder } from 'node:string_decoder';
import { RowError } from './csv-formats.js';

/** A line of a text file, with its number counted from 1. */
export interface NumberedLine {
  line: number;
  text: string;
}

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * The lines of a UTF-8 stream, without their ends. CRLF, LF and CR all end a line, so a file
 * mixing them still reads one row per line. A leading byte-order mark is dropped.
 */
export async function* readLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<NumberedLine> {
  for await (const lines of readLineBatches(chunks)) yield* lines;
}

/**
 * The lines of a UTF-8 stream as readLines gives them, those of each chunk read together: a
 * reader that takes a chunk's lines at once spares a promise per line (an import reads millions).
 */
export async function* readLineBatches(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<NumberedLine[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (line === 0 && pending.startsWith('\uFEFF')) pending = pending.slice(1);
    // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
    const splittable = pending.endsWith('\r') ? pending.length - 1 : pending.length;
    const lines: NumberedLine[] = [];
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let end = LINE_BREAK.exec(pending); end && end.index < splittable; end = LINE_BREAK.exec(pending)) {
      lines.push({ line: ++line, text: pending.slice(start, end.index) });
      start = end.index + end[0].length;
    }
    pending = pending.slice(start);
    if (lines.length > 0) yield lines;
  }
  const texts = (pending + decoder.end()).split(LINE_BREAK);
  if (texts.at(-1) === '') texts.pop(); // the end of the last line, not a line of its own
  if (texts.length > 0) yield texts.map((text) => ({ line: ++line, text }));
}

/**
 * The fields of one CSV line: comma-separated, a field in double quotes may hold commas, and
 * `""` in it is a quote. A record never spans lines here, so a quote left open costs only its
 * own line. Throws RowError for a quote left open or text after a closing quote.
 */
export function splitCsvLine(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] !== '"') {
      const comma = text.indexOf(',', at);
      if (comma < 0) {
        fields.push(text.slice(at));
        return fields;
      }
      fields.push(text.slice(at, comma));
      at = comma + 1;
      continue;
    }
    let value = '';
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) throw new RowError(`field ${fields.length + 1} opens a quote that the line never closes`);
      value += text.slice(from, quote);
      if (text[quote + 1] !== '"') {
        at = quote + 1;
        break;
      }
      value += '"';
      from = quote + 2;
    }
    fields.push(value);
    if (at === text.length) return fields;
    if (text[at] !== ',') throw new RowError(`field ${fields.length} has text after its closing quote`);
    at++;
  }
}

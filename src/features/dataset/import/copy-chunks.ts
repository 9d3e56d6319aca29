import { searchColumns } from '../../../vocabulary/search-text.js';
import type { ImportVocabulary } from './import-vocabulary.js';
import { songCopyLine } from './song-copy-line.js';
import type { SongRecord } from './song-record.js';

/** Rows per chunk: each chunk's text stays small (a whole batch as one string would go to V8's large-object space). */
const ROWS_PER_CHUNK = 200;

/**
 * Songs as the text of `COPY songs (COLUMNS) FROM STDIN`, gathered as they come, in chunks of
 * ROWS_PER_CHUNK rows, each a Buffer once full: the text waiting for its batch's write then lies
 * outside V8's heap, where scavenges neither copy nor promote it (songs held until the write
 * cost an import a fifth of its CPU in scavenges, docs/benchmarks.md). Their words go to the vocabulary.
 */
export class CopyChunks {
  private chunks: Buffer[] = [];
  private chunk = '';
  private inChunk = 0;
  /** Songs added since the last take. */
  rows = 0;

  constructor(private readonly vocabulary: ImportVocabulary) {}

  add(song: SongRecord): void {
    const search = searchColumns(song.trackName, song.artists);
    this.vocabulary.addSongText(search.searchTitle, search.searchArtists);
    this.chunk += songCopyLine(song, search);
    this.rows++;
    if (++this.inChunk === ROWS_PER_CHUNK) this.close();
  }

  /** The chunks of the songs added since the last take; starts again. */
  take(): Buffer[] {
    if (this.inChunk > 0) this.close();
    const chunks = this.chunks;
    this.chunks = [];
    this.rows = 0;
    return chunks;
  }

  private close(): void {
    this.chunks.push(Buffer.from(this.chunk));
    this.chunk = '';
    this.inChunk = 0;
  }
}

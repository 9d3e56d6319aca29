import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { SongImportService } from '../import/song-import.service.js';
import type { ImportReport } from '../import/import-report.js';
import { SongsService } from '../songs.service.js';
import { demoSongCsvLines } from './demo-songs.js';

/** Songs in the demo dataset: enough to search and to train a model on. */
export const DEMO_SONG_COUNT = 5000;
export const DEMO_DATASET = 'demo';

/** Fills an empty song table with the generated (synthetic) demo dataset, through the real importer. */
@Injectable()
export class DemoSongsService {
  private readonly logger = new Logger('DemoSongs');

  constructor(
    private readonly songs: SongsService,
    private readonly importer: SongImportService,
  ) {}

  /**
   * Imports the demo songs into an empty table, or completes them when a start was killed during
   * the import (the table then holds only some of them: the importer commits batch by batch and
   * upserts, so running it again adds exactly the missing ones).
   */
  async importIfEmpty(): Promise<ImportReport | undefined> {
    const [total, demo] = await Promise.all([this.songs.count(), this.songs.count({ dataset: DEMO_DATASET })]);
    if (total > 0 && (demo !== total || demo >= DEMO_SONG_COUNT)) return undefined;
    const report = await this.import(DEMO_SONG_COUNT);
    this.logger.log(
      `Imported ${report.inserted} synthetic demo songs (${report.hits} hits) into a song table without other songs. ` +
        'See the README to import a real dataset.',
    );
    return report;
  }

  import(count: number, seed = 42): Promise<ImportReport> {
    const stream = Readable.from((function* () {
      for (const line of demoSongCsvLines({ count, seed })) yield `${line}\n`;
    })());
    return this.importer.import([{ name: `demo (synthetic, ${count} songs)`, stream, dataset: DEMO_DATASET }], { clear: false });
  }
}

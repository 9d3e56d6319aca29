import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { SongImportService } from '../import/song-import.service.js';
import type { ImportReport } from '../import/import-report.js';
import { SettingsService } from '../../../platform/settings/settings.service.js';
import { SongsService } from '../songs.service.js';
import { DEMO_DATASET } from './demo-mark.js';
import { demoSongCsvLines } from './demo-songs.js';

/** Songs in the demo dataset: enough to search and to train a model on. */
export const DEMO_SONG_COUNT = 5000;
export { DEMO_DATASET };

/** Fills an empty song table with the generated (synthetic) demo dataset, through the real importer. */
@Injectable()
export class DemoSongsService {
  private readonly logger = new Logger('DemoSongs');

  constructor(
    private readonly songs: SongsService,
    private readonly importer: SongImportService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Imports the demo songs into an empty table, or completes them when a start was killed during
   * the import (the table then holds only some of them: the importer commits batch by batch and
   * upserts, so running it again adds exactly the missing ones). Nothing once demo data was removed.
   */
  async importIfEmpty(): Promise<ImportReport | undefined> {
    if (await this.settings.demoDataRemoved()) return undefined;
    const [total, demo] = await Promise.all([this.songs.count(), this.songs.count({ dataset: DEMO_DATASET })]);
    if (total > 0 && (demo !== total || demo >= DEMO_SONG_COUNT)) return undefined;
    const report = await this.import(DEMO_SONG_COUNT);
    this.logger.log(
      `Imported ${report.inserted} synthetic demo songs (${report.hits} hits) into a song table without other songs. ` +
        'See the README to import a real dataset.',
    );
    return report;
  }

  /** Adds the demo songs that are missing, beside any other songs (`demo add`); returns how many were added. */
  async addDemo(): Promise<number> {
    if ((await this.songs.count({ dataset: DEMO_DATASET })) >= DEMO_SONG_COUNT) return 0;
    return (await this.import(DEMO_SONG_COUNT)).inserted;
  }

  /** Deletes the demo songs and what depends on them (predictions and their audit logs); returns how many songs. */
  async removeDemo(): Promise<number> {
    return (await this.songs.deleteWhere({ dataset: DEMO_DATASET })).count;
  }

  import(count: number, seed = 42): Promise<ImportReport> {
    const stream = Readable.from(
      (function* () {
        for (const line of demoSongCsvLines({ count, seed })) yield `${line}\n`;
      })(),
    );
    return this.importer.import([{ name: `demo (synthetic, ${count} songs)`, stream, dataset: DEMO_DATASET }], { clear: false });
  }
}

import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { DEMO_DATASET } from '../features/dataset/demo/demo-songs.service.js';
import { checkSongCsvFiles } from '../features/dataset/import/csv-file.js';
import { formatImportReport } from '../features/dataset/import/import-report.js';
import { SongImportService } from '../features/dataset/import/song-import.service.js';
import { SongsService } from '../features/dataset/songs.service.js';
import type { CliContext } from './context.js';
import { positiveInteger } from './options.js';
import { Progress } from './progress.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** What import-songs and clear-songs start beside the platform: see CliContext.withApp. */
const songsFeature = async () => [(await import('../features/dataset/songs.module.js')).SongsModule];

/** What an import with clearing is about to delete, said before it does. */
function clearingNotice(cleared: Map<string | null, number>, dryRun: boolean): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const total = [...cleared.values()].reduce((sum, n) => sum + n, 0);
  const what = `dataset songs: ${count(total)}, of which demo: ${count(cleared.get(DEMO_DATASET) ?? 0)}`;
  return dryRun
    ? `The import would clear first (dry run: nothing is deleted): ${what}.`
    : `Clearing before the import (--no-clear keeps them; songs with predictions stay): ${what}.`;
}

interface ImportSongsOptions {
  csv: string[];
  batchSize: number;
  clear: boolean;
  dryRun: boolean;
}

export function registerSongsCommands(program: Command, context: CliContext): void {
  program
    .command('import-songs')
    .description('import songs from CSV files (Kaggle "Spotify Tracks" or "Spotify Hit Predictor" format)')
    .requiredOption('--csv <path>', 'a CSV file; repeat for several', collect, [])
    .option('--batch-size <rows>', 'songs per transaction', (value) => positiveInteger(value), 2000)
    .option('--no-clear', 'keep the songs already imported and upsert on track id')
    .option('--dry-run', 'read and check everything, write nothing', false)
    .action(async (options: ImportSongsOptions) => {
      // Every file must exist and have a known header before anything is written.
      await checkSongCsvFiles(options.csv);
      const files = options.csv.map((path) => ({ path, size: statSync(path).size }));
      await context.withApp(async (app) => {
        const importer = app.get(SongImportService);
        if (options.clear) context.out(clearingNotice(await importer.clearedByDataset(), options.dryRun));
        const streams = files.map((file) => createReadStream(file.path));
        const totalBytes = files.reduce((sum, file) => sum + file.size, 0) || 1;
        const progress = new Progress();
        const abort = new AbortController();
        process.once('SIGINT', () => {
          context.log('\nStopping after the batches in flight (Ctrl-C again to quit at once)...');
          abort.abort();
          process.once('SIGINT', () => process.exit(130));
        });
        const report = await importer.import(
          files.map((file, i) => ({ name: file.path, stream: streams[i]! })),
          {
            batchSize: options.batchSize,
            clear: options.clear,
            dryRun: options.dryRun,
            signal: abort.signal,
            onProgress: (now) => {
              const bytes = streams.reduce((sum, stream) => sum + stream.bytesRead, 0);
              progress.update(bytes / totalBytes, now.rowsRead, 'rows');
            },
          },
        );
        progress.done();
        context.out(formatImportReport(report));
        if (report.aborted) process.exitCode = 130;
      }, songsFeature);
    });

  program
    .command('clear-songs')
    .description('delete every song with its predictions and audit logs')
    .option('--yes', 'confirm: this cannot be undone')
    .action((options: { yes?: boolean }) => {
      if (!options.yes) throw new Error('clear-songs deletes every song, prediction and audit log: add --yes to confirm.');
      return context.withApp(async (app) => {
        const removed = await app.get(SongsService).clearAll();
        context.out(`Deleted ${removed.toLocaleString('en-US')} songs and everything that referred to them.`);
      }, songsFeature);
    });
}

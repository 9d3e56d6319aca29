import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import type { CliContext } from './context.js';

/**
 * What the demo commands start: the demo feature, which imports every feature with demo data, and
 * auth, which provides the AccountWrites that subscriptions (under catalog) needs.
 */
const demoFeature = async () => [(await import('../features/auth/auth.module.js')).AuthModule, (await import('../features/demo/demo.module.js')).DemoModule];

/** The app's demo data service, loaded when a demo command runs (not for every command's start). */
async function demoData(app: INestApplicationContext) {
  const { DemoDataService } = await import('../features/demo/demo-data.service.js');
  return app.get(DemoDataService);
}

/** A table of what was done per kind: one line each, counts right-aligned. */
function table(rows: Array<[kind: string, count: number, note?: string]>): string[] {
  const width = Math.max(...rows.map(([kind]) => kind.length));
  return rows.map(([kind, count, note]) => `  ${kind.padEnd(width)}  ${count.toLocaleString('en-US').padStart(7)}${note ? `  ${note}` : ''}`);
}

export function registerDemoCommands(program: Command, context: CliContext): void {
  const demo = program.command('demo').description('the generated demo data (marked "demo": true in the API): remove it, or add it back');

  demo
    .command('remove')
    .description('delete every demo record with what depends on it (predictions, plays, playlist entries, ...); later starts add none again')
    .action(() =>
      context.withApp(async (app) => {
        const removed = await (await demoData(app)).remove();
        const total = Object.values(removed).reduce((sum, count) => sum + count, 0);
        context.out(total === 0 ? 'No demo data was left: nothing removed.' : 'Removed the demo data:');
        if (total > 0) {
          for (const line of table([
            ['dataset songs', removed.datasetSongs, 'with their predictions'],
            ['catalog songs', removed.catalogSongs, 'with their audio files, plays, likes and playlist entries'],
            ['albums', removed.albums, 'with their covers'],
            [
              'analytics artists',
              removed.analyticsArtists,
              `${removed.metricDays.toLocaleString('en-US')} metric days, ${removed.scores.toLocaleString('en-US')} scores, posts, fan events, alerts`,
            ],
            ['leads', removed.leads, 'with their contacts, recordings and outreach'],
            ['artists', removed.artists, 'every demo artist: the demo label, analytics and leads'],
          ]))
            context.out(line);
        }
        context.out('Later starts add no demo data; npm run cli -- demo add brings it back.');
      }, demoFeature),
    );

  demo
    .command('add')
    .description('add the demo data that is missing, beside your own data, and let later starts add it again')
    .action(() =>
      context.withApp(async (app) => {
        const added = await (await demoData(app)).add();
        context.out('Added the demo data that was missing:');
        for (const line of table([
          ['dataset songs', added.datasetSongs],
          ['catalog songs', added.catalogSongs],
          ['analytics artists', added.analyticsArtists, 'metrics up to today, scored'],
          ['leads', added.leads],
        ]))
          context.out(line);
      }, demoFeature),
    );
}

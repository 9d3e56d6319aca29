import { BadRequestException } from '@nestjs/common';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { MetricsIngestionService } from '../features/analytics/ingestion/metrics-ingestion.service.js';
import { AnalyticsScoringJobs } from '../features/analytics/jobs/analytics-scoring.jobs.js';
import { PrismaService } from '../platform/database/prisma.service.js';
import { ArtistsService } from '../features/catalog/artists/artists.service.js';
import type { CliContext } from './context.js';

/**
 * What the analytics commands start: the analytics feature (with what it imports), and auth, which
 * provides the AccountWrites that subscriptions (under catalog) needs.
 */
const analyticsFeature = async () => [
  (await import('../features/auth/auth.module.js')).AuthModule,
  (await import('../features/analytics/analytics.module.js')).AnalyticsModule,
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerAnalyticsCommands(program: Command, context: CliContext): void {
  program
    .command('import-metrics')
    .description("import an artist's daily platform metrics from a CSV (the format of POST /api/analytics/artists/:id/metrics/csv)")
    .argument('<file>', 'CSV with platform, date and metric columns')
    .requiredOption('--artist <id or name>', "the artist's id, or its exact name")
    .option('--create', 'create the artist when no artist has this name')
    .action((file: string, options: { artist: string; create?: boolean }) =>
      context.withApp(async (app) => {
        const artistId = await resolveArtist(app.get(PrismaService), app.get(ArtistsService), options.artist, options.create ?? false);
        try {
          const result = await app.get(MetricsIngestionService).upsertDailyCsv(artistId, await readFile(file));
          context.out(
            `Imported ${file} for artist ${artistId}: ${result.inserted} new and ${result.updated} updated platform-days, ${result.first_date} to ${result.last_date}.`,
          );
        } catch (error) {
          // The service speaks HTTP; on the command line its 400 is just the message.
          if (error instanceof BadRequestException) throw new Error(`${file}: ${error.message}`, { cause: error });
          throw error;
        }
      }, analyticsFeature),
    );

  program
    .command('score-analytics')
    .description("compute every artist's FVS, momentum and breakout now and raise their alerts (the scheduled jobs do this too)")
    .action(() =>
      context.withApp(async (app) => {
        const { fvs, momentum, spikes } = await app.get(AnalyticsScoringJobs).scoreEverything();
        context.out(
          `Scored ${momentum.scored} of ${momentum.artists} artists (FVS ${fvs.scored}); alerts created: ${momentum.alerts_created + spikes.created}.`,
        );
      }, analyticsFeature),
    );
}

async function resolveArtist(prisma: PrismaService, artists: ArtistsService, artist: string, create: boolean): Promise<string> {
  if (UUID.test(artist)) {
    const found = await prisma.artist.findUnique({ where: { id: artist }, select: { id: true } });
    if (!found) throw new Error(`No artist with id ${artist}.`);
    return found.id;
  }
  const named = await prisma.artist.findMany({ where: { name: artist }, select: { id: true } });
  if (named.length > 1) throw new Error(`${named.length} artists are named "${artist}": give the id (${named.map((a) => a.id).join(', ')}).`);
  if (named[0]) return named[0].id;
  if (!create) throw new Error(`No artist is named "${artist}"; add --create to create it.`);
  return (await artists.createArtist({ name: artist })).id;
}

import type { INestApplicationContext } from '@nestjs/common';
import { DemoAnalyticsService } from './features/analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from './features/analytics/jobs/analytics-scoring.jobs.js';
import { DemoCatalogService } from './features/catalog/demo/demo-catalog.service.js';
import { ChinookImportService } from './features/genre/chinook/chinook-import.service.js';
import { GenreModelTrainerService } from './features/genre/genre-model-trainer.service.js';
import { HitModelTrainerService } from './features/hit-prediction/model/hit-model-trainer.service.js';
import { DemoLeadsService } from './features/leads/demo/demo-leads.service.js';
import { DemoSongsService } from './features/dataset/demo/demo-songs.service.js';

/** One feature's part of a first start: fills what is empty, says what it does, does nothing on a restart. */
export type FirstStartStep = (app: INestApplicationContext) => Promise<unknown>;

/**
 * What the features fill on a first start, in this order (a step may read what an earlier one
 * made: the genre model trains on the Chinook store, the demo analytics describe the demo
 * catalog's artists). The demo catalog's audio is synthesized on a worker thread meanwhile.
 */
const FIRST_START_STEPS: readonly FirstStartStep[] = [
  (app) => app.get(DemoCatalogService).prepareIfEmpty(),
  (app) => app.get(DemoSongsService).importIfEmpty(),
  (app) => app.get(HitModelTrainerService).activateShippedOrTrain(),
  (app) => app.get(ChinookImportService).importSampleIfEmpty(),
  (app) => app.get(GenreModelTrainerService).activateShippedOrTrain(),
  (app) => app.get(DemoCatalogService).importIfEmpty(),
  // Scores are otherwise computed on schedule: a new install's dashboards should not wait for 03:00.
  async (app) => (await app.get(DemoAnalyticsService).importIfEmpty()) && app.get(AnalyticsScoringJobs).scoreEverything(),
  (app) => app.get(DemoLeadsService).importIfEmpty(),
];

export async function runFirstStart(app: INestApplicationContext): Promise<void> {
  for (const step of FIRST_START_STEPS) await step(app);
}

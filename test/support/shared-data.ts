import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.js';

/** The real datasets CI keeps beside the repository (never copied into it). */
export const sharedDataDir = join(projectRoot, '..', 'shared', 'data');

export const hitPredictorFiles = ['60s', '70s', '80s', '90s'].map((decade) =>
  join(sharedDataDir, 'hit-predictor', `dataset-of-${decade}.csv`),
);

export const chinookScript = join(sharedDataDir, 'chinook', 'Chinook_PostgreSql.sql');

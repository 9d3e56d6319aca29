import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.js';

/** The Chinook store's PostgreSQL script, shipped in the repository (MIT). */
export const chinookScript = join(projectRoot, 'data', 'samples', 'chinook', 'Chinook_PostgreSql.sql');

/** Invented songs in the hit-predictor files' format (test/fixtures/README.md says what each exercises). */
export const hitPredictorFixtures = ['dataset-of-fixture-crlf.csv', 'dataset-of-fixture-lf.csv'].map((name) =>
  join(projectRoot, 'test', 'fixtures', 'hit-predictor', name),
);

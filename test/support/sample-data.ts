import { join } from 'node:path';
import { projectRoot } from '../../src/platform/config/paths.js';

/** The Chinook store's PostgreSQL script, shipped in the repository (MIT): the one the first start imports. */
export { CHINOOK_SAMPLE_SCRIPT as chinookScript } from '../../src/features/genre/chinook/chinook-import.service.js';

/** Invented songs in the hit-predictor files' format (test/fixtures/README.md says what each exercises). */
export const hitPredictorFixtures = ['dataset-of-fixture-crlf.csv', 'dataset-of-fixture-lf.csv'].map((name) =>
  join(projectRoot, 'test', 'fixtures', 'hit-predictor', name),
);

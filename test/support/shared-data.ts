import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';

/**
 * The real datasets kept beside the repository, never copied into it (their licence is
 * unknown): ENCORE_SHARED_DATA, else ../shared/data. CI always has them; a fresh clone need not.
 */
export const sharedDataDir = resolve(process.env.ENCORE_SHARED_DATA || join(projectRoot, '..', 'shared', 'data'));

export const hitPredictorFiles = ['60s', '70s', '80s', '90s'].map((decade) =>
  join(sharedDataDir, 'hit-predictor', `dataset-of-${decade}.csv`),
);

const absentFiles = hitPredictorFiles.filter((path) => !existsSync(path));

/** Why the tests that need the real hit-predictor files cannot run here; undefined when they can. */
export const hitPredictorDataMissing: string | undefined =
  absentFiles.length === 0
    ? undefined
    : `${absentFiles.length} of ${hitPredictorFiles.length} hit-predictor files missing from ${join(sharedDataDir, 'hit-predictor')} (ENCORE_SHARED_DATA names the data folder)`;

/** A describe block that needs the real hit-predictor files: without them it is skipped, its name saying why. */
export function describeWithHitPredictorData(name: string, body: () => void): void {
  describe.skipIf(hitPredictorDataMissing !== undefined)(
    hitPredictorDataMissing === undefined ? name : `${name} [skipped: ${hitPredictorDataMissing}]`,
    body,
  );
}

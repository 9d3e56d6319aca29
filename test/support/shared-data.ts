import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { projectRoot } from '../../src/platform/config/paths.js';

/**
 * The real datasets kept beside the repository, never copied into it (their licence is
 * unknown): ENCORE_SHARED_DATA, else ../shared/data. CI always has them; a fresh clone need not.
 */
export const sharedDataDir = resolve(process.env.ENCORE_SHARED_DATA || join(projectRoot, '..', 'shared', 'data'));

export const hitPredictorFiles = ['60s', '70s', '80s', '90s'].map((decade) => join(sharedDataDir, 'hit-predictor', `dataset-of-${decade}.csv`));

const absentFiles = hitPredictorFiles.filter((path) => !existsSync(path));

/** Why the tests that need the real hit-predictor files cannot run here; undefined when they can. */
export const hitPredictorDataMissing: string | undefined =
  absentFiles.length === 0
    ? undefined
    : `${absentFiles.length} of ${hitPredictorFiles.length} hit-predictor files missing from ${join(sharedDataDir, 'hit-predictor')} (ENCORE_SHARED_DATA names the data folder)`;

/** Real MusicBrainz ws/2 answers with their origins and the facts they hold (its SOURCES.md). */
export const musicBrainzDataDir = join(sharedDataDir, 'musicbrainz');

/** Why the tests that need the real MusicBrainz answers cannot run here; undefined when they can. */
export const musicBrainzDataMissing: string | undefined = existsSync(join(musicBrainzDataDir, 'SOURCES.md'))
  ? undefined
  : `the MusicBrainz answers (SOURCES.md and its files) are missing from ${musicBrainzDataDir} (ENCORE_SHARED_DATA names the data folder)`;

/** The parsed JSON of one real MusicBrainz answer, by its file name in the musicbrainz folder. */
export function musicBrainzAnswer(file: string): unknown {
  return JSON.parse(readFileSync(join(musicBrainzDataDir, file), 'utf8')) as unknown;
}

/** A describe block skipped, its name saying why, when `missing` says its data is absent. */
function describeWithData(missing: string | undefined, name: string, body: () => void): void {
  describe.skipIf(missing !== undefined)(missing === undefined ? name : `${name} [skipped: ${missing}]`, body);
}

/** A describe block that needs the real hit-predictor files: without them it is skipped, its name saying why. */
export function describeWithHitPredictorData(name: string, body: () => void): void {
  describeWithData(hitPredictorDataMissing, name, body);
}

/** A describe block that needs the real MusicBrainz answers: without them it is skipped, its name saying why. */
export function describeWithMusicBrainzData(name: string, body: () => void): void {
  describeWithData(musicBrainzDataMissing, name, body);
}

/** Every real dataset some test needs and that is absent here, each with why. */
export const sharedDataMissing: string[] = [hitPredictorDataMissing, musicBrainzDataMissing].filter((why): why is string => why !== undefined);

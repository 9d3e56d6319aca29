import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsString, validateSync, ValidateNested, type ValidatorOptions } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { compileValidityCheck } from '../../../../src/platform/common/http/compiled-validation.js';
import { ManualPredictionDto } from '../../../../src/features/hit-prediction/dto/manual-prediction.dto.js';
import { SpotifyPredictionDto } from '../../../../src/features/hit-prediction/dto/spotify-prediction.dto.js';
import { UpdateAdminSongDto } from '../../../../src/features/admin/dto/admin-song.dto.js';

const PIPE_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false, validationError: { target: false } };

const VALID_FEATURES = {
  duration_ms: 210_000,
  danceability: 0.6,
  energy: 0.7,
  valence: 0.5,
  acousticness: 0.2,
  instrumentalness: 0,
  explicit: 1,
  loudness: -6.5,
  tempo: 120,
  mode: 1,
};

/** Bodies around each rule: valid ones, each field broken in each way, extra and missing fields. */
function featureBodies(): object[] {
  const bodies: object[] = [
    VALID_FEATURES,
    { ...VALID_FEATURES, explicit: 'true' },
    { ...VALID_FEATURES, explicit: false },
    { ...VALID_FEATURES, duration_ms: 1.5 },
  ];
  const broken = [undefined, null, '', '0.5', Number.NaN, Number.POSITIVE_INFINITY, -1e9, 1e9, 0.5, 2, -61, 301, true, [], {}];
  for (const name of Object.keys(VALID_FEATURES)) {
    for (const value of broken) bodies.push({ ...VALID_FEATURES, [name]: value });
    const { [name as keyof typeof VALID_FEATURES]: _left, ...without } = VALID_FEATURES;
    bodies.push(without);
  }
  bodies.push({ ...VALID_FEATURES, speechiness: 0.1 }, {}, { constructor: ManualPredictionDto });
  return bodies;
}

/** What class-validator says of `body` as the ValidationPipe would ask it: no error, or some. */
function classValidatorAccepts(target: new () => object, body: object): boolean {
  return validateSync(plainToInstance(target, body), PIPE_OPTIONS).length === 0;
}

describe('compileValidityCheck', () => {
  it('vouches only for the feature bodies class-validator accepts, and for all of them', () => {
    const check = compileValidityCheck(ManualPredictionDto, PIPE_OPTIONS)!;
    for (const body of featureBodies()) {
      expect({ body, valid: check(plainToInstance(ManualPredictionDto, body)) }).toEqual({ body, valid: classValidatorAccepts(ManualPredictionDto, body) });
    }
  });

  it('agrees with class-validator on optional fields, left out, null or of the wrong type', () => {
    const check = compileValidityCheck(SpotifyPredictionDto, PIPE_OPTIONS)!;
    const bodies = [
      {},
      { track_id: 'abc' },
      { track_id: null },
      { track_id: 7 },
      { url: 'x'.repeat(501) },
      { title: 'Help!', artist: 'The Beatles' },
      { title: 'Help!', album: 'Help!' },
    ];
    for (const body of bodies) {
      expect({ body, valid: check(plainToInstance(SpotifyPredictionDto, body)) }).toEqual({ body, valid: classValidatorAccepts(SpotifyPredictionDto, body) });
    }
  });

  it('agrees with class-validator on fields that may be left out but not sent as null', () => {
    const check = compileValidityCheck(UpdateAdminSongDto, PIPE_OPTIONS)!;
    for (const body of [{}, { tempo: 120 }, { tempo: null }, { tempo: 'fast' }, { key: 11 }, { key: 12 }]) {
      expect({ body, valid: check(plainToInstance(UpdateAdminSongDto, body)) }).toEqual({ body, valid: classValidatorAccepts(UpdateAdminSongDto, body) });
    }
  });

  it('leaves classes with nested objects, and options it does not reproduce, to class-validator', () => {
    class Inner {
      @IsString() name!: string;
    }
    class Outer {
      @ValidateNested() inner!: Inner;
    }
    expect(compileValidityCheck(Outer, PIPE_OPTIONS)).toBeUndefined();
    expect(compileValidityCheck(ManualPredictionDto, { ...PIPE_OPTIONS, groups: ['admin'] })).toBeUndefined();
    expect(compileValidityCheck(class NoRules {}, PIPE_OPTIONS)).toBeUndefined();
  });
});

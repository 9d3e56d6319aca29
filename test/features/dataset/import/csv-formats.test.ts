import { describe, expect, it } from 'vitest';
import { detectFormat, HIT_PREDICTOR_FORMAT, KAGGLE_FORMAT, parseSongRow, UnknownCsvHeaderError } from '../../../../src/features/dataset/import/csv-formats.js';
import { rowError } from '../../../support/row-error.js';
import type { SongRecord } from '../../../../src/features/dataset/import/song-record.js';

/** A row in the layout of the hit-predictor decade files (invented, as in test/fixtures/hit-predictor/), by column. */
const HIT_PREDICTOR_ROW: Record<string, string> = {
  track: 'Harbour River',
  artist: 'Mara Lintel',
  uri: 'spotify:track:EncoreFixtureTrack0001',
  danceability: '0.734',
  energy: '0.564',
  key: '10',
  loudness: '-7.867',
  mode: '1',
  speechiness: '0.0308',
  acousticness: '0.9191',
  instrumentalness: '0',
  liveness: '0.1618',
  valence: '0.577',
  tempo: '99.511',
  duration_ms: '158308',
  time_signature: '3',
  chorus_hit: '51.602',
  sections: '12',
  target: '1',
  decade: '1960',
};

/** A row in the layout of the Kaggle "Spotify Tracks Dataset", by column. */
const KAGGLE_ROW: Record<string, string> = {
  track_id: '5SuOikwiRyPMVoIQDJUgSV',
  artists: 'Gen Hoshino',
  album_name: 'Comedy',
  track_name: 'Comedy',
  popularity: '73',
  duration_ms: '230666',
  explicit: 'False',
  danceability: '0.676',
  energy: '0.461',
  key: '1',
  loudness: '-6.746',
  mode: '0',
  speechiness: '0.143',
  acousticness: '0.0322',
  instrumentalness: '1.01e-06',
  liveness: '0.358',
  valence: '0.715',
  tempo: '87.917',
  time_signature: '4',
  track_genre: 'acoustic',
};

const THRESHOLD = 50;

const kaggleLayout = detectFormat([...KAGGLE_FORMAT.columns]);
const hitPredictorLayout = detectFormat([...HIT_PREDICTOR_FORMAT.columns]);

/** The cells of a row in the given column order, with some values replaced. */
function cells(columns: readonly string[], values: Record<string, string>, overrides: Record<string, string> = {}): string[] {
  return columns.map((column) => overrides[column] ?? values[column] ?? '');
}

const parseKaggle = (overrides: Record<string, string> = {}, threshold = THRESHOLD) =>
  parseSongRow(kaggleLayout, cells(KAGGLE_FORMAT.columns, KAGGLE_ROW, overrides), threshold);
const parseHitPredictor = (overrides: Record<string, string> = {}) =>
  parseSongRow(hitPredictorLayout, cells(HIT_PREDICTOR_FORMAT.columns, HIT_PREDICTOR_ROW, overrides), THRESHOLD);

describe('detectFormat', () => {
  it('recognises the Kaggle header', () => {
    const layout = detectFormat([...KAGGLE_FORMAT.columns]);
    expect(layout.format).toBe(KAGGLE_FORMAT);
    expect(layout.columns.track_id.at).toBe(0);
    expect(layout.columns.track_genre.at).toBe(19);
  });

  it('recognises the Kaggle header with a leading unnamed index column and shifts the indexes', () => {
    const layout = detectFormat(['', ...KAGGLE_FORMAT.columns]);
    expect(layout.format.name).toBe('kaggle');
    expect(layout.columns.track_id.at).toBe(1);
    expect(layout.columns.track_genre.at).toBe(20);
  });

  it('recognises a header whose columns are in any order', () => {
    const reversed = [...KAGGLE_FORMAT.columns].reverse();
    const layout = detectFormat(reversed);
    expect(layout.format.name).toBe('kaggle');
    for (const column of KAGGLE_FORMAT.columns) expect(layout.columns[column].at).toBe(reversed.indexOf(column));
  });

  it('ignores case, surrounding whitespace and a byte-order mark in header cells', () => {
    const header = HIT_PREDICTOR_FORMAT.columns.map((column) => ` ${column.toUpperCase()}\t`);
    header[0] = `\uFEFF${header[0]}`;
    const layout = detectFormat(header);
    expect(layout.format.name).toBe('hit-predictor');
    expect(layout.columns.track.at).toBe(0);
    expect(layout.columns.decade.at).toBe(19);
  });

  it('ignores extra columns', () => {
    const layout = detectFormat(['notes', ...HIT_PREDICTOR_FORMAT.columns, 'comment']);
    expect(layout.format.name).toBe('hit-predictor');
    expect(layout.columns.track.at).toBe(1);
  });

  it('recognises the hit-predictor header with a decade column', () => {
    const layout = detectFormat([...HIT_PREDICTOR_FORMAT.columns]);
    expect(layout.format).toBe(HIT_PREDICTOR_FORMAT);
    expect(layout.columns.decade.at).toBe(19);
  });

  it('recognises the hit-predictor header without the optional decade column', () => {
    const layout = detectFormat(HIT_PREDICTOR_FORMAT.columns.filter((column) => column !== 'decade'));
    expect(layout.format).toBe(HIT_PREDICTOR_FORMAT);
    expect(layout.columns.decade.at).toBe(-1);
    expect(layout.columns.target.at).toBe(18);
  });

  it('rejects a header missing a required column with UnknownCsvHeaderError', () => {
    expect(() => detectFormat(HIT_PREDICTOR_FORMAT.columns.filter((column) => column !== 'target'))).toThrow(UnknownCsvHeaderError);
    expect(() => detectFormat(KAGGLE_FORMAT.columns.filter((column) => column !== 'explicit'))).toThrow(UnknownCsvHeaderError);
  });

  it('names the header it got and lists the expected columns of both formats in the error', () => {
    let error: unknown;
    try {
      detectFormat(['Name', ' Artist ', 'Year']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownCsvHeaderError);
    const message = (error as Error).message;
    expect(message).toContain('name,artist,year');
    expect(message).toContain(KAGGLE_FORMAT.columns.join(','));
    expect(message).toContain(HIT_PREDICTOR_FORMAT.columns.join(','));
    expect(message).toContain(KAGGLE_FORMAT.description);
    expect(message).toContain(HIT_PREDICTOR_FORMAT.description);
  });
});

describe('parseSongRow (hit-predictor)', () => {
  it('parses a row of a decade file', () => {
    expect(parseHitPredictor()).toEqual({
      trackId: 'EncoreFixtureTrack0001',
      trackName: 'Harbour River',
      artists: 'Mara Lintel',
      albumName: null,
      popularity: null,
      trackGenre: null,
      danceability: 0.734,
      energy: 0.564,
      valence: 0.577,
      acousticness: 0.9191,
      instrumentalness: 0,
      speechiness: 0.0308,
      liveness: 0.1618,
      loudness: -7.867,
      tempo: 99.511,
      durationMs: 158308,
      key: 10,
      mode: 1,
      timeSignature: 3,
      explicit: false,
      explicitKnown: false,
      isHit: true,
      hitSource: 'label',
      decade: 1960,
      dataset: 'hit-predictor',
      decimalsText: '0.734\t0.564\t0.577\t0.9191\t0\t-7.867\t99.511\t0.0308\t0.1618',
    });
  });

  it('takes the track id from the spotify:track: URI', () => {
    expect(parseHitPredictor({ uri: 'spotify:track:6uk8tI6pwxxdVTNlNOJeJh' }).trackId).toBe('6uk8tI6pwxxdVTNlNOJeJh');
  });

  it('marks explicit as false and unknown, since the format has no explicit column', () => {
    const song = parseHitPredictor();
    expect(song.explicit).toBe(false);
    expect(song.explicitKnown).toBe(false);
  });

  it('decides isHit from target with hitSource "label"', () => {
    expect(parseHitPredictor({ target: '1' })).toMatchObject({ isHit: true, hitSource: 'label' });
    expect(parseHitPredictor({ target: '0' })).toMatchObject({ isHit: false, hitSource: 'label' });
  });

  it('ignores the popularity threshold', () => {
    const layout = hitPredictorLayout;
    const row = cells(HIT_PREDICTOR_FORMAT.columns, HIT_PREDICTOR_ROW, { target: '0' });
    expect(parseSongRow(layout, row, 0).isHit).toBe(false);
  });

  it('keeps a decade that is already a decade', () => {
    expect(parseHitPredictor({ decade: '1960' }).decade).toBe(1960);
  });

  it('rounds a year down to its decade', () => {
    expect(parseHitPredictor({ decade: '1965' }).decade).toBe(1960);
    expect(parseHitPredictor({ decade: '1999' }).decade).toBe(1990);
  });

  it('gives a null decade when the cell is empty', () => {
    expect(parseHitPredictor({ decade: '' }).decade).toBeNull();
  });

  it('gives a null decade when the file has no decade column', () => {
    const columns = HIT_PREDICTOR_FORMAT.columns.filter((column) => column !== 'decade');
    const song = parseSongRow(detectFormat(columns), cells(columns, HIT_PREDICTOR_ROW), THRESHOLD);
    expect(song.decade).toBeNull();
    expect(song.trackId).toBe('EncoreFixtureTrack0001');
  });

  it('reads cells by header position, whatever the column order', () => {
    const columns = [...HIT_PREDICTOR_FORMAT.columns].reverse();
    const song = parseSongRow(detectFormat(columns), cells(columns, HIT_PREDICTOR_ROW), THRESHOLD);
    expect(song).toEqual(parseHitPredictor());
  });

  it('accepts numbers in scientific notation', () => {
    expect(parseHitPredictor({ instrumentalness: '1.05E-06' }).instrumentalness).toBe(1.05e-6);
  });

  it('keeps the decimals as written for COPY, a zero as "0" (a "-0", or a number too small for a double)', () => {
    const song = parseHitPredictor({ danceability: ' 0.50 ', energy: '-0', valence: '1e-400', instrumentalness: '1.05E-06', loudness: '+.5' });
    expect(song.decimalsText!.split('\t').slice(0, 5)).toEqual(['0.50', '0', '0', '0.9191', '1.05E-06']);
    expect(song.decimalsText!.split('\t')[5]).toBe('+.5');
  });

  it('trims whitespace around cells', () => {
    const song = parseHitPredictor({ track: '  Harbour River ', tempo: ' 99.511 ' });
    expect(song.trackName).toBe('Harbour River');
    expect(song.tempo).toBe(99.511);
  });

  it('rounds duration_ms to a whole number of milliseconds', () => {
    expect(parseHitPredictor({ duration_ms: '158308.6' }).durationMs).toBe(158309);
  });

  it('rejects a URI that is not a spotify:track: URI', () => {
    expect(rowError(() => parseHitPredictor({ uri: 'spotify:album:EncoreFixtureTrack0001' })).message).toBe(
      'uri is not a spotify:track: URI: "spotify:album:EncoreFixtureTrack0001"',
    );
    expect(rowError(() => parseHitPredictor({ uri: 'EncoreFixtureTrack0001' })).message).toMatch(/^uri is not a spotify:track: URI/);
  });

  it('rejects a spotify:track: URI whose id is not a Spotify id', () => {
    expect(rowError(() => parseHitPredictor({ uri: 'spotify:track:EncoreFixture' })).message).toMatch(/^uri /);
    expect(rowError(() => parseHitPredictor({ uri: 'spotify:track:EncoreFixtureTrack000-' })).message).toMatch(/^uri /);
  });

  it('rejects a missing title, artist or URI', () => {
    expect(rowError(() => parseHitPredictor({ track: '' })).message).toBe('missing track');
    expect(rowError(() => parseHitPredictor({ artist: '  ' })).message).toBe('missing artist');
    expect(rowError(() => parseHitPredictor({ uri: '' })).message).toBe('missing uri');
  });

  it('rejects a row cut short before a required column', () => {
    const row = cells(HIT_PREDICTOR_FORMAT.columns, HIT_PREDICTOR_ROW).slice(0, 3);
    expect(rowError(() => parseSongRow(hitPredictorLayout, row, THRESHOLD)).message).toBe('missing danceability');
  });

  it('rejects a target other than 0 or 1', () => {
    expect(rowError(() => parseHitPredictor({ target: '2' })).message).toMatch(/^target out of range/);
    expect(rowError(() => parseHitPredictor({ target: 'yes' })).message).toMatch(/^target is not a number/);
  });

  it('rejects a decade outside 1900…2100', () => {
    expect(rowError(() => parseHitPredictor({ decade: '60' })).message).toMatch(/^decade out of range/);
  });
});

describe('parseSongRow (kaggle)', () => {
  it('parses a row of the Kaggle dataset', () => {
    expect(parseKaggle()).toEqual({
      trackId: '5SuOikwiRyPMVoIQDJUgSV',
      trackName: 'Comedy',
      artists: 'Gen Hoshino',
      albumName: 'Comedy',
      popularity: 73,
      trackGenre: 'acoustic',
      danceability: 0.676,
      energy: 0.461,
      valence: 0.715,
      acousticness: 0.0322,
      instrumentalness: 1.01e-6,
      speechiness: 0.143,
      liveness: 0.358,
      loudness: -6.746,
      tempo: 87.917,
      durationMs: 230666,
      key: 1,
      mode: 0,
      timeSignature: 4,
      explicit: false,
      explicitKnown: true,
      isHit: true,
      hitSource: 'popularity',
      decade: null,
      dataset: 'kaggle',
      decimalsText: '0.676\t0.461\t0.715\t0.0322\t1.01e-06\t-6.746\t87.917\t0.143\t0.358',
    });
  });

  it('reads a row with a leading index column', () => {
    const layout = detectFormat(['', ...KAGGLE_FORMAT.columns]);
    const song = parseSongRow(layout, ['0', ...cells(KAGGLE_FORMAT.columns, KAGGLE_ROW)], THRESHOLD);
    expect(song).toEqual(parseKaggle());
  });

  it('reads explicit "True" and "False" as a known flag', () => {
    expect(parseKaggle({ explicit: 'True' })).toMatchObject({ explicit: true, explicitKnown: true });
    expect(parseKaggle({ explicit: 'False' })).toMatchObject({ explicit: false, explicitKnown: true });
  });

  it('reads explicit in any case and as 1/0', () => {
    expect(parseKaggle({ explicit: 'TRUE' }).explicit).toBe(true);
    expect(parseKaggle({ explicit: 'false' }).explicit).toBe(false);
    expect(parseKaggle({ explicit: '1' }).explicit).toBe(true);
    expect(parseKaggle({ explicit: '0' }).explicit).toBe(false);
  });

  it('rejects an explicit value that is not True/False', () => {
    expect(rowError(() => parseKaggle({ explicit: 'yes' })).message).toBe('explicit is not True/False: "yes"');
  });

  it('rejects a missing explicit value', () => {
    expect(rowError(() => parseKaggle({ explicit: '' })).message).toBe('missing explicit');
  });

  it('is a hit with hitSource "popularity" when popularity reaches the threshold', () => {
    expect(parseKaggle({ popularity: '50' }, 50)).toMatchObject({ isHit: true, hitSource: 'popularity', popularity: 50 });
  });

  it('is a flop when popularity is below the threshold', () => {
    expect(parseKaggle({ popularity: '49' }, 50)).toMatchObject({ isHit: false, hitSource: 'popularity', popularity: 49 });
  });

  it('uses the threshold it is given', () => {
    expect(parseKaggle({ popularity: '49' }, 40).isHit).toBe(true);
    expect(parseKaggle({ popularity: '73' }, 80).isHit).toBe(false);
  });

  it('gives null for an empty album name or genre', () => {
    const song = parseKaggle({ album_name: '', track_genre: ' ' });
    expect(song.albumName).toBeNull();
    expect(song.trackGenre).toBeNull();
  });

  it('rejects a track_id that is not a 22-character Spotify id', () => {
    expect(rowError(() => parseKaggle({ track_id: 'abc' })).message).toBe('track_id is not a Spotify id: "abc"');
    expect(rowError(() => parseKaggle({ track_id: '5SuOikwiRyPMVoIQDJUgSVx' })).message).toMatch(/^track_id /);
    expect(rowError(() => parseKaggle({ track_id: 'spotify:track:5SuOikwiRyPMVoIQDJUgSV' })).message).toMatch(/^track_id /);
  });

  it('rejects a popularity that is not a whole number from 0 to 100', () => {
    expect(rowError(() => parseKaggle({ popularity: '101' })).message).toMatch(/^popularity out of range/);
    expect(rowError(() => parseKaggle({ popularity: '-1' })).message).toMatch(/^popularity out of range/);
    expect(rowError(() => parseKaggle({ popularity: '50.5' })).message).toMatch(/^popularity is not a whole number/);
  });

  it('rejects a missing track name or artists', () => {
    expect(rowError(() => parseKaggle({ track_name: '' })).message).toBe('missing track_name');
    expect(rowError(() => parseKaggle({ artists: '' })).message).toBe('missing artists');
  });
});

describe('parseSongRow audio feature validation', () => {
  const layouts: Array<[string, (overrides: Record<string, string>) => unknown]> = [
    ['kaggle', (overrides) => parseKaggle(overrides)],
    ['hit-predictor', (overrides) => parseHitPredictor(overrides)],
  ];

  for (const [name, parse] of layouts) {
    describe(name, () => {
      it('rejects a missing feature value naming the column', () => {
        expect(rowError(() => parse({ energy: '' })).message).toBe('missing energy');
      });

      it('rejects a non-numeric value naming the column', () => {
        expect(rowError(() => parse({ energy: 'loud' })).message).toBe('energy is not a number: "loud"');
        expect(rowError(() => parse({ tempo: 'Infinity' })).message).toBe('tempo is not a number: "Infinity"');
        expect(rowError(() => parse({ key: '0x3' })).message).toBe('key is not a number: "0x3"');
      });

      it('rejects the binary, octal and hexadecimal literals that Number() reads', () => {
        for (const literal of ['0b1', '0B1', '0o7', '0O7', '0X1', '0x0']) {
          expect(rowError(() => parse({ key: literal })).message).toBe(`key is not a number: "${literal}"`);
        }
      });

      it('reads every way a dataset writes a decimal', () => {
        const song = parse({ tempo: '5.', energy: '.5', danceability: '+0.25', loudness: '-1E1', key: '0', mode: '01' }) as SongRecord;
        expect([song.tempo, song.energy, song.danceability, song.loudness, song.key, song.mode]).toEqual([5, 0.5, 0.25, -10, 0, 1]);
      });

      it('rejects danceability above 1', () => {
        expect(rowError(() => parse({ danceability: '1.2' })).message).toBe('danceability out of range 0…1: 1.2');
      });

      it('rejects loudness below -60 dB', () => {
        expect(rowError(() => parse({ loudness: '-61' })).message).toBe('loudness out of range -60…5: -61');
      });

      it('rejects tempo above 300', () => {
        expect(rowError(() => parse({ tempo: '301' })).message).toBe('tempo out of range 0…300: 301');
      });

      it('rejects a duration of 0 ms', () => {
        expect(rowError(() => parse({ duration_ms: '0' })).message).toBe('duration_ms out of range 1…21600000: 0');
      });

      it('rejects a key that is not a whole number', () => {
        expect(rowError(() => parse({ key: '3.5' })).message).toBe('key is not a whole number: "3.5"');
      });

      it('rejects a mode or time signature out of range', () => {
        expect(rowError(() => parse({ mode: '2' })).message).toMatch(/^mode out of range/);
        expect(rowError(() => parse({ time_signature: '8' })).message).toMatch(/^time_signature out of range/);
      });

      it('accepts values on the inclusive range bounds', () => {
        expect(() => parse({ danceability: '1', energy: '0', loudness: '-60', tempo: '300', duration_ms: '1', key: '-1', time_signature: '7' })).not.toThrow();
        expect(() => parse({ loudness: '5', key: '11', tempo: '0', duration_ms: '21600000', time_signature: '0' })).not.toThrow();
      });
    });
  }
});

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSongCsvLines } from '../../../../src/features/dataset/demo/demo-songs.js';
import { SongImportService, type ImportSource } from '../../../../src/features/dataset/import/song-import.service.js';
import { createDatasetSong } from '../../../support/dataset-rows.js';
import { hitPredictorFixtures } from '../../../support/sample-data.js';
import { describeWithHitPredictorData, hitPredictorFiles } from '../../../support/shared-data.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const fileSources = (paths: string[]): ImportSource[] => paths.map((path) => ({ name: path, stream: createReadStream(path) }));
const textSource = (name: string, text: string): ImportSource => ({ name, stream: Readable.from([text]) });

/** A test app for the describe block it is called in, with its song importer. */
function useImportApp(): { t: TestApp; importer: SongImportService } {
  const app = {} as { t: TestApp; importer: SongImportService };
  beforeAll(async () => {
    app.t = await createTestApp();
    app.importer = app.t.app.get(SongImportService);
  });
  afterAll(() => app.t.close());
  return app;
}

const KAGGLE_HEADER =
  ',track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre';

describe('importing the hit-predictor fixtures (CRLF and LF files)', () => {
  const app = useImportApp();

  it('stores one song per track id, a hit if any of its rows says so, and counts the repeats', async () => {
    const report = await app.importer.import(fileSources(hitPredictorFixtures));
    expect(report).toMatchObject({ rowsRead: 41, inserted: 38, duplicates: 3, labelConflicts: 2, titleConflicts: 1, skipped: 0, hits: 19, flops: 19 });
    expect(await app.t.prisma.song.count()).toBe(38);
    expect(await app.t.prisma.song.count({ where: { isHit: true } })).toBe(19);
    const relabelled = await app.t.prisma.song.findMany({ where: { trackId: { in: ['EncoreFixtureTrack0003', 'EncoreFixtureTrack0005'] } } });
    expect(relabelled.map((song) => song.isHit)).toEqual([true, true]);
  });

  it('leaves the song table with every index after loading it empty (they are built once, at the end), and analysed', async () => {
    const indexes = await app.t.prisma.$queryRaw<Array<{ indexname: string }>>`SELECT indexname FROM pg_indexes WHERE tablename = 'songs' ORDER BY 1`;
    expect(indexes.map((index) => index.indexname)).toEqual(expect.arrayContaining(['songs_pkey', 'songs_words_search_idx', 'songs_track_id_key']));
    expect(indexes.length).toBeGreaterThanOrEqual(7);
    expect(await app.t.prisma.$queryRaw`SELECT name FROM song_import_deferred_indexes`).toEqual([]);
    const [stats] = await app.t.prisma.$queryRaw<
      Array<{ analysed: boolean }>
    >`SELECT last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables WHERE relname = 'songs'`;
    expect(stats).toEqual({ analysed: true });
  });

  it('leaves statistics for the columns listings filter and sort on, and none for the audio features nothing filters on', async () => {
    const rows = await app.t.prisma.$queryRaw<Array<{ attname: string }>>`SELECT attname FROM pg_stats WHERE tablename = 'songs'`;
    const columns = rows.map((row) => row.attname);
    expect(columns).toEqual(expect.arrayContaining(['id', 'track_id', 'is_hit', 'popularity', 'decade', 'source', 'dataset', 'search_text', 'is_acoustic']));
    expect(columns.filter((column) => ['danceability', 'tempo', 'key', 'duration_ms', 'album_name', 'updated_at'].includes(column))).toEqual([]);
  });

  it('reads quoted titles and artists with commas and doubled quotes, E-notation numbers and both line ends', async () => {
    const song = (trackId: string) => app.t.prisma.song.findUniqueOrThrow({ where: { trackId } });
    expect(await song('EncoreFixtureTrack0007')).toMatchObject({ trackName: 'Rain, Again, Tomorrow', artists: 'Northgate Choir', decade: 1970 });
    expect(await song('EncoreFixtureTrack0011')).toMatchObject({ trackName: 'Marble Island', artists: 'Lumen, Vale & Co' });
    expect(await song('EncoreFixtureTrack0025')).toMatchObject({ trackName: 'Say "When", Darling', decade: 1980 });
    expect(await song('EncoreFixtureTrack0009')).toMatchObject({ instrumentalness: 1.74e-6, isInstrumental: false, hitSource: 'label' });
    expect(await song('EncoreFixtureTrack0027')).toMatchObject({ acousticness: 3.2e-5, isAcoustic: false });
    // The later row of a repeated track gives its values; the title change is kept.
    expect(await song('EncoreFixtureTrack0006')).toMatchObject({ trackName: 'Copper Parade (Remastered)', decade: 1980, isHit: false });
  });

  it('changes nothing when the same files are imported again with --no-clear', async () => {
    const report = await app.importer.import(fileSources(hitPredictorFixtures), { clear: false });
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 38, duplicates: 3 });
    expect(await app.t.prisma.song.count()).toBe(38);
    expect(await app.t.prisma.song.count({ where: { isHit: true } })).toBe(19);
  });

  it('counts nothing as imported, and clears nothing, when a file has no good row', async () => {
    const before = await app.t.prisma.song.count();
    const report = await app.importer.import([textSource('bad.csv', `${KAGGLE_HEADER}\n0,nope,A,B,C,1,1,False,0,0,0,0,0,0,0,0,0,0,0,4,x\n`)]);
    expect(report).toMatchObject({ rowsRead: 1, skipped: 1, inserted: 0, hits: 0, flops: 0, cleared: 0, songsInTable: before });
    expect(await app.t.prisma.song.count()).toBe(before);
  });

  it('never deletes user songs when it clears the dataset', async () => {
    await createDatasetSong(app.t, 'Asked About By A User', 'Someone');
    const report = await app.importer.import([
      textSource(
        'one.csv',
        `${KAGGLE_HEADER}\n0,4uLU6hMCjMI75M1A2tKUQC,Rick Astley,Whenever You Need Somebody,Never Gonna Give You Up,82,213573,False,0.727,0.939,8,-11.855,1,0.0369,0.135,0,0.151,0.918,113.309,4,dance\n`,
      ),
    ]);
    expect(report.cleared).toBe(38);
    expect(await app.t.prisma.song.count({ where: { source: 'user' } })).toBe(1);
    expect(await app.t.prisma.song.count()).toBe(2);
  });
});

/** Words of the songs' search text that the vocabulary lacks, as the trigger would add them. */
const MISSING_WORDS = `SELECT word FROM songs, unnest(song_search_words(search_text)) AS word WHERE word <> '' EXCEPT SELECT word FROM search_words`;

describe('the vocabulary of an import (search_words)', () => {
  const app = useImportApp();

  it('holds every word of the imported songs, a word past 200 characters cut as song_search_words cuts it', async () => {
    const long = `Über${'a'.repeat(230)}`;
    const csv = [
      KAGGLE_HEADER,
      `0,4uLU6hMCjMI75M1A2tKUQC,Rick Astley,Whenever,${long} Déjà Vu,82,213573,False,0.727,0.939,8,-11.855,1,0.0369,0.135,0,0.151,0.918,113.309,4,dance`,
      '1,5SuOikwiRyPMVoIQDJUgSV,Gen Hoshino,Comedy,Comedy,73,230666,False,0.676,0.461,1,-6.746,0,0.143,0.0322,1.01e-06,0.358,0.715,87.917,4,acoustic',
    ].join('\n');
    await app.importer.import([textSource('words.csv', csv)]);
    await app.importer.import(fileSources(hitPredictorFixtures), { clear: false, batchSize: 7 });
    expect(await app.t.prisma.$queryRawUnsafe(MISSING_WORDS)).toEqual([]);
    const [cut] = await app.t.prisma.$queryRaw<Array<{ word: string }>>`SELECT word FROM search_words WHERE word LIKE 'uber%'`;
    expect(cut!.word).toBe(`uber${'a'.repeat(196)}`);
  });

  it('still gets the words of songs written after an import, on the connections it used', async () => {
    await app.importer.import(fileSources(hitPredictorFixtures));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.t.prisma.$executeRawUnsafe(
          `INSERT INTO songs (track_name, artists, duration_ms, danceability, energy, valence, acousticness, instrumentalness, speechiness, liveness,
         loudness, tempo, mode, key, time_signature, is_acoustic, is_instrumental, is_hit, hit_source, source, search_text, search_title, search_artists)
       VALUES ('Later', 'Someone', 200000, 0.5, 0.5, 0.5, 0.5, 0, 0.05, 0.1, -8, 120, 1, 5, 4, false, false, false, 'popularity', 'user',
         'afterwards${i} someone', 'afterwards${i}', 'someone')`,
        ),
      ),
    );
    expect(await app.t.prisma.$queryRawUnsafe(MISSING_WORDS)).toEqual([]);
  });
});

describe('an import into an empty table, its batches of new songs written two at once', () => {
  const app = useImportApp();
  const BATCH_SIZE = 10;
  const lines = [...demoSongCsvLines({ count: 100, seed: 7 })];
  const trackIds = lines.slice(1).map((line) => line.slice(0, line.indexOf(',')));
  const demoSource = (): ImportSource => ({ name: 'demo.csv', stream: Readable.from([lines.join('\n')]) });
  const songTracks = async () => new Set((await app.t.prisma.song.findMany({ select: { trackId: true } })).map((song) => song.trackId));
  /** Whether each batch of the file is in the table whole, or not at all (in file order). */
  const batchesInTable = async () => {
    const tracks = await songTracks();
    return Array.from({ length: trackIds.length / BATCH_SIZE }, (_, at) => {
      const found = trackIds.slice(at * BATCH_SIZE, (at + 1) * BATCH_SIZE).filter((track) => tracks.has(track)).length;
      return found === BATCH_SIZE ? 'whole' : found === 0 ? 'none' : 'part';
    });
  };

  it('counts as committed only rows of batches written, with every batch before them, in the order read', async () => {
    const counted: Array<{ committedRows: number; songs: Promise<number> }> = [];
    const report = await app.importer.import([demoSource()], {
      batchSize: BATCH_SIZE,
      onProgress: ({ committedRows }) => counted.push({ committedRows, songs: app.t.prisma.song.count() }),
    });
    expect(report).toMatchObject({ inserted: 100, committedRows: 100 });
    expect(counted.map((progress) => progress.committedRows)).toEqual(Array.from({ length: 10 }, (_, at) => (at + 1) * BATCH_SIZE));
    for (const progress of counted) expect(await progress.songs).toBeGreaterThanOrEqual(progress.committedRows);
    expect(await songTracks()).toEqual(new Set(trackIds));
    expect(await app.t.prisma.$queryRawUnsafe(MISSING_WORDS)).toEqual([]);
  });

  it('stops after the batches in flight when aborted, counting every song they committed', async () => {
    const abort = new AbortController();
    const report = await app.importer.import([demoSource()], { batchSize: BATCH_SIZE, onProgress: () => abort.abort(), signal: abort.signal });
    expect(report.aborted).toBe(true);
    expect(report.committedRows).toBeLessThan(100);
    expect(report.committedRows % BATCH_SIZE).toBe(0);
    expect(await app.t.prisma.song.count()).toBe(report.committedRows);
    expect(await batchesInTable()).not.toContain('part');
  });

  it('fails with the error of a batch written beside another, keeping whole batches, every index built back', async () => {
    // PostgreSQL refuses the third batch (rows 21–30, the second connection's first): a fault of the test's own.
    await app.t.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_song() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await app.t.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_song BEFORE INSERT ON songs FOR EACH ROW WHEN (NEW.track_id = '${trackIds[24]}') EXECUTE FUNCTION refuse_song()`,
    );
    try {
      await expect(app.importer.import([demoSource()], { batchSize: BATCH_SIZE })).rejects.toThrow('refused by the test');
      const batches = await batchesInTable();
      expect(batches.slice(0, 3)).toEqual(['whole', 'whole', 'none']);
      expect(batches).not.toContain('part');
      expect(await app.t.prisma.$queryRaw`SELECT name FROM song_import_deferred_indexes`).toEqual([]);
      expect(await app.t.prisma.$queryRaw`SELECT indexname FROM pg_indexes WHERE indexname = 'songs_words_search_idx'`).toHaveLength(1);
    } finally {
      await app.t.prisma.$executeRawUnsafe('DROP TRIGGER refuse_song ON songs; DROP FUNCTION refuse_song()');
    }
    expect(await app.importer.import([demoSource()], { batchSize: BATCH_SIZE })).toMatchObject({ songsInTable: 100 });
  });

  it('writes one batch at a time from a pool of two, and builds the indexes on its own connection when the other is taken', async () => {
    const small = await createTestApp({ DATABASE_POOL_SIZE: '2', DATABASE_TIMEOUT_MS: '200' });
    const other = await small.prisma.pool.connect();
    try {
      const report = await small.app.get(SongImportService).import([demoSource()], { batchSize: BATCH_SIZE });
      expect(report).toMatchObject({ inserted: 100, committedRows: 100 });
      expect((await other.query('SELECT name FROM song_import_deferred_indexes')).rows).toEqual([]);
      expect((await other.query(`SELECT indexname FROM pg_indexes WHERE indexname = 'songs_words_search_idx'`)).rows).toHaveLength(1);
    } finally {
      other.release();
      await small.close();
    }
  });

  it('writes one batch at a time when the pool has no second connection to spare, and still builds every index', async () => {
    const busy = await createTestApp({ DATABASE_POOL_SIZE: '3', DATABASE_TIMEOUT_MS: '200' });
    const others = [await busy.prisma.pool.connect(), await busy.prisma.pool.connect()];
    const importing = busy.app.get(SongImportService).import([demoSource()], { batchSize: BATCH_SIZE });
    try {
      expect(await importing).toMatchObject({ inserted: 100, committedRows: 100 });
      expect((await others[0]!.query('SELECT name FROM song_import_deferred_indexes')).rows).toEqual([]);
    } finally {
      for (const other of others) other.release();
      await importing.catch(() => undefined);
      await busy.close();
    }
  });
});

describeWithHitPredictorData('importing the real hit-predictor files', () => {
  const app = useImportApp();

  it('reads all 28,836 rows into 28,530 songs, 14,121 of them hits, 9 tracks labelled both ways', async () => {
    const report = await app.importer.import(fileSources(hitPredictorFiles));
    expect(report).toMatchObject({ rowsRead: 28_836, inserted: 28_530, duplicates: 306, labelConflicts: 9, skipped: 0, hits: 14_121 });
    expect(await app.t.prisma.song.count({ where: { isHit: true } })).toBe(14_121);
  });

  it('records the label, the decade, and that the explicit flag was absent', async () => {
    const song = await app.t.prisma.song.findUniqueOrThrow({ where: { trackId: '3EQBI1Fiv7z3QfqTeb9Tqk' } });
    expect(song).toMatchObject({
      trackName: "Can't Buy Me Love",
      artists: 'The Beatles',
      isHit: true,
      hitSource: 'label',
      decade: 1960,
      explicit: false,
      explicitKnown: false,
      dataset: 'hit-predictor',
      source: 'dataset',
      isAcoustic: true,
      isInstrumental: true,
    });
  });

  it('changes nothing when the same files are imported again with --no-clear', async () => {
    expect(await app.importer.import(fileSources(hitPredictorFiles), { clear: false })).toMatchObject({ inserted: 0, updated: 0, unchanged: 28_530 });
  });
});

describe('importing a Kaggle-format file and a file with broken rows', () => {
  const app = useImportApp();

  it('keeps artists, album, popularity, genre and explicit of the Kaggle format', async () => {
    const csv = [
      KAGGLE_HEADER,
      '0,5SuOikwiRyPMVoIQDJUgSV,Gen Hoshino,Comedy,Comedy,73,230666,False,0.676,0.461,1,-6.746,0,0.143,0.0322,1.01e-06,0.358,0.715,87.917,4,acoustic',
      '1,4qPNDBW1i3p13qLCt0Ki3A,Ben Woodward,Ghost (Acoustic),Ghost - Acoustic,55,149610,True,0.42,0.166,1,-17.235,1,0.0763,0.924,5.56e-06,0.101,0.267,77.489,4,acoustic',
      '2,1iJBSr7s7jYXzM8EGcbK5b,Ingrid Michaelson;ZAYN,To Begin Again,To Begin Again,49,210826,False,0.438,0.359,0,-9.734,1,0.0557,0.21,0,0.117,0.12,76.332,4,acoustic',
    ].join('\n');
    const report = await app.importer.import([textSource('kaggle.csv', csv)]);
    expect(report).toMatchObject({ inserted: 3, skipped: 0, hits: 2, flops: 1 });
    const duet = await app.t.prisma.song.findUniqueOrThrow({ where: { trackId: '1iJBSr7s7jYXzM8EGcbK5b' } });
    expect(duet).toMatchObject({
      artists: 'Ingrid Michaelson;ZAYN',
      albumName: 'To Begin Again',
      popularity: 49,
      trackGenre: 'acoustic',
      explicit: false,
      explicitKnown: true,
      isHit: false,
      hitSource: 'popularity',
      dataset: 'kaggle',
    });
    const explicitSong = await app.t.prisma.song.findUniqueOrThrow({ where: { trackId: '4qPNDBW1i3p13qLCt0Ki3A' } });
    expect(explicitSong).toMatchObject({ explicit: true, popularity: 55, isHit: true, albumName: 'Ghost (Acoustic)' });
  });

  it('stores decimals written with a sign, trailing zeros, an exponent or too small for a double as the numbers they are', async () => {
    const csv = [
      KAGGLE_HEADER,
      '0,0DecimalsAsWritten0001,Decimal Band,Forms,Forms,10,200000,False, 0.50 ,-0,1,-6.0E0,0,1e-400,+.25,1.05E-06,0.1000,1.,120.,4,jazz',
    ].join('\n');
    expect(await app.importer.import([textSource('decimals.csv', csv)], { clear: false })).toMatchObject({ inserted: 1, skipped: 0 });
    const song = await app.t.prisma.song.findUniqueOrThrow({ where: { trackId: '0DecimalsAsWritten0001' } });
    expect(song).toMatchObject({
      danceability: 0.5,
      loudness: -6,
      speechiness: 0,
      acousticness: 0.25,
      instrumentalness: 1.05e-6,
      liveness: 0.1,
      valence: 1,
      tempo: 120,
    });
    expect(Object.is(song.energy, 0)).toBe(true);
  });

  it('imports the good rows and reports each bad one by line and reason, a NUL character included', async () => {
    const csv = [
      'track,artist,uri,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature,chorus_hit,sections,target,decade',
      'Good One,Band,spotify:track:EncoreBrokenTrack00001,0.52,0.61,4,-7.5,1,0.041,0.38,0,0.09,0.71,121.4,181000,4,30.1,9,1,1960',
      'No Energy,Band,spotify:track:EncoreBrokenTrack00002,0.48,,2,-11.2,1,0.035,0.12,0.1,0.17,0.64,104.2,207000,4,41.5,10,0,1960',
      'Too Danceable,Band,spotify:track:EncoreBrokenTrack00003,1.7,0.6,7,-9.1,1,0.038,0.02,0,0.15,0.45,98.3,184000,4,22.8,9,1,1960',
      'Bad Id,Band,spotify:track:nope,0.5,0.6,7,-9.1,1,0.038,0.02,0,0.15,0.45,98.3,184000,4,22.8,9,1,1960',
      'Words,Band,spotify:track:EncoreBrokenTrack00004,0.39,loud,5,-4.1,0,0.047,0.3,0,0.08,0.88,77.9,142000,4,31.2,7,1,1960',
      'Good Two,Band,spotify:track:EncoreBrokenTrack00005,0.81,0.33,0,-12.1,1,0.06,0.79,0.81,0.11,0.58,101.6,133000,4,19.7,6,0,1960',
      'Nul In Artist,Null\0Band,spotify:track:EncoreBrokenTrack00006,0.81,0.33,0,-12.1,1,0.06,0.79,0.81,0.11,0.58,101.6,133000,4,19.7,6,0,1960',
    ].join('\n');
    const report = await app.importer.import([textSource('broken.csv', csv)], { clear: false });
    expect(report).toMatchObject({ rowsRead: 7, inserted: 2, skipped: 5 });
    expect(report.errors).toEqual([
      { file: 'broken.csv', line: 3, reason: 'missing energy' },
      { file: 'broken.csv', line: 4, reason: 'danceability out of range 0…1: 1.7' },
      { file: 'broken.csv', line: 5, reason: 'uri is not a spotify:track: URI: "spotify:track:nope"' },
      { file: 'broken.csv', line: 6, reason: 'energy is not a number: "loud"' },
      { file: 'broken.csv', line: 8, reason: 'field 2 holds a NUL character' },
    ]);
  });

  it('writes nothing on a dry run but reports what it would do', async () => {
    const before = await app.t.prisma.song.count();
    const csv = `${KAGGLE_HEADER}\n0,4uLU6hMCjMI75M1A2tKUQC,Rick Astley,Whenever You Need Somebody,Never Gonna Give You Up,82,213573,False,0.727,0.939,8,-11.855,1,0.0369,0.135,0,0.151,0.918,113.309,4,dance\n`;
    const report = await app.importer.import([textSource('dry.csv', csv)], { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, inserted: 1 });
    expect(await app.t.prisma.song.count()).toBe(before);
  });

  it('stops after the batches in flight when aborted, keeping what was committed', async () => {
    const before = await app.t.prisma.song.count();
    const abort = new AbortController();
    const report = await app.importer.import(fileSources(hitPredictorFixtures), {
      clear: false,
      batchSize: 10,
      onProgress: () => abort.abort(),
      signal: abort.signal,
    });
    expect(report.aborted).toBe(true);
    expect(report.committedRows).toBeGreaterThanOrEqual(10);
    expect(report.committedRows).toBeLessThan(41);
    expect(await app.t.prisma.song.count()).toBe(before + report.inserted);
  });

  it('refuses a file with an unknown header, naming the expected columns', async () => {
    await expect(app.importer.import([textSource('odd.csv', 'name,band,year\nx,y,1999\n')])).rejects.toThrow(
      /^odd\.csv: Unrecognised CSV header: name,band,year[\s\S]*track_id,artists,album_name[\s\S]*track,artist,uri/,
    );
  });

  it('imports the rest of a file with an open quote, mixed line ends and rows of the wrong width, naming each bad row', async () => {
    const [header, ...rows] = (await readFile(hitPredictorFixtures[1]!, 'utf8')).trimEnd().split('\n');
    const csv = `${header}\r\n${rows[0]}\r\n"Never Closed, ${rows[1]}\n${rows[2]}\r\n${rows[3]},extra\n${rows[4]}\n`;
    const report = await app.importer.import([{ ...textSource('rough.csv', csv), dataset: 'rough' }], { clear: false });
    expect(report).toMatchObject({ rowsRead: 5, skipped: 2 });
    expect(report.errors).toEqual([
      { file: 'rough.csv', line: 3, reason: 'field 1 opens a quote that the line never closes' },
      { file: 'rough.csv', line: 5, reason: '21 fields where the header has 20' },
    ]);
    const imported = await app.t.prisma.song.findMany({ where: { dataset: 'rough' }, select: { trackId: true }, orderBy: { trackId: 'asc' } });
    expect(imported.map((song) => song.trackId)).toEqual(['EncoreFixtureTrack0023', 'EncoreFixtureTrack0025', 'EncoreFixtureTrack0027']);
  });
});

describe('a source that cannot be read', () => {
  const app = useImportApp();

  it('fails the import with the read error instead of hanging', async () => {
    const missing = createReadStream('/nonexistent/songs.csv');
    await expect(app.importer.import([{ name: 'missing.csv', stream: missing }])).rejects.toThrow(/ENOENT/);
  });
});

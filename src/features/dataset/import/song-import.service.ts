import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../../../platform/config/app-config.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { BatchLanes } from './batch-lanes.js';
import { readSongRecords } from './csv-file.js';
import { buildDroppedSongIndexes, dropSongIndexes } from './deferred-indexes.js';
import { emptyReport, MAX_REPORTED_ERRORS, type ImportReport } from './import-report.js';
import { addWordsSql, ImportVocabulary, VOCABULARY_TRIGRAM_INDEX, WORDS_BY_IMPORT_SETTING } from './import-vocabulary.js';
import { openSongCsv, type SongCsvRow } from './song-csv-reader.js';
import { COLUMNS } from './song-copy-line.js';
import { CopyChunks } from './copy-chunks.js';
import { mergeSongRows, type SongRecord } from './song-record.js';
import { TrackFilter } from './track-filter.js';

export interface ImportSource {
  /** Shown in the report, e.g. the file path. */
  name: string;
  stream: Readable;
  /** Overrides the dataset name the format gives (the demo data is "demo"). */
  dataset?: string;
}

export interface ImportOptions {
  /** Songs per transaction. */
  batchSize?: number;
  /** Delete the dataset's songs first (in the first batch's transaction); user songs stay. */
  clear?: boolean;
  /** Run everything in one transaction and roll it back. */
  dryRun?: boolean;
  /** Called after each committed batch. */
  onProgress?: (report: ImportReport) => void;
  /** Stops the import after the batches in flight; what was committed stays. */
  signal?: AbortSignal;
}

/** The songs an import with clearing deletes first: dataset songs, except those someone asked for a prediction about. */
const CLEARED_SONGS = `source = 'dataset' AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.song_id = songs.id)`;

/** A fingerprint of a song's imported data, to see whether an import changed it. */
const CONTENT_HASH = (alias: string) => `md5(ROW(${COLUMNS.map((c) => `${alias}.${c}`).join(', ')})::text)`;

/** Metadata a later row without it must not erase. */
const KEPT_WHEN_MISSING = new Set(['album_name', 'popularity', 'track_genre', 'decade']);
/** Decided by the merge rule (a hit if any row of this import says so), not overwritten. */
const MERGED = new Set(['is_hit', 'hit_source', 'explicit', 'explicit_known']);

/** Whether the conflicting track was written by an earlier batch of this import (see song_import_seen). */
const SEEN_BEFORE = `EXISTS (SELECT 1 FROM song_import_seen s WHERE s.track_id = EXCLUDED.track_id)`;

/**
 * One statement per batch: remember each new track's state before this import (to tell
 * updated from unchanged at the end), then upsert. Every part sees the table as it was
 * before the statement, so SEEN_BEFORE means "written by an earlier batch". Into a table that
 * was empty when the import began, every song is new and every conflict is with an earlier
 * batch: nothing to remember.
 */
function upsertSql(intoEmptyTable: boolean): string {
  const seenBefore = intoEmptyTable ? 'true' : SEEN_BEFORE;
  const remember = intoEmptyTable
    ? ''
    : `WITH remembered AS (
    INSERT INTO song_import_seen (track_id, existed, prior)
    SELECT st.track_id, so.track_id IS NOT NULL, CASE WHEN so.track_id IS NOT NULL THEN ${CONTENT_HASH('so')} END
    FROM song_import_staging st LEFT JOIN songs so USING (track_id)
    ON CONFLICT (track_id) DO NOTHING
  )`;
  return `${remember}
  INSERT INTO songs (${COLUMNS.join(', ')}, source)
  SELECT ${COLUMNS.join(', ')}, 'dataset' FROM song_import_staging
  ON CONFLICT (track_id) DO UPDATE SET
    ${COLUMNS.filter((c) => c !== 'track_id' && !MERGED.has(c))
      .map((c) => (KEPT_WHEN_MISSING.has(c) ? `${c} = COALESCE(EXCLUDED.${c}, songs.${c})` : `${c} = EXCLUDED.${c}`))
      .join(',\n    ')},
    is_hit = CASE WHEN ${seenBefore} THEN songs.is_hit OR EXCLUDED.is_hit ELSE EXCLUDED.is_hit END,
    hit_source = CASE WHEN ${seenBefore} AND songs.hit_source = 'label' THEN 'label' ELSE EXCLUDED.hit_source END,
    explicit = CASE WHEN EXCLUDED.explicit_known THEN EXCLUDED.explicit ELSE songs.explicit END,
    explicit_known = songs.explicit_known OR EXCLUDED.explicit_known,
    updated_at = now()
  WHERE (${COLUMNS.map((c) => `songs.${c}`).join(', ')})
    IS DISTINCT FROM (${COLUMNS.map((c) => (c === 'is_hit' ? `(EXCLUDED.is_hit OR (songs.is_hit AND ${seenBefore}))` : `EXCLUDED.${c}`)).join(', ')})
`;
}
const UPSERT = upsertSql(false);
const UPSERT_INTO_EMPTY_TABLE = upsertSql(true);

/**
 * Streams song CSVs into the songs table: parse and validate each row, merge rows of one
 * track, COPY each batch into a staging table and upsert it on track_id, one transaction per
 * batch. Memory stays flat in file size: what this import has seen is kept in a temp table.
 */
@Injectable()
export class SongImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Every good row of the CSV files as songs, one per track (as the import merges them), in
   * memory and without touching the database: what the hit model trains on from files.
   */
  readSongFiles(paths: string[]): Promise<SongRecord[]> {
    return readSongRecords(paths, this.config.HIT_POPULARITY_THRESHOLD);
  }

  async import(sources: ImportSource[], options: ImportOptions = {}): Promise<ImportReport> {
    // A file stream can fail (not found) before we read it: keep the error for then, not crash.
    for (const source of sources) source.stream.on('error', () => undefined);
    const { batchSize = 2000, clear = true, dryRun = false, signal } = options;
    const started = Date.now();
    const report = emptyReport(dryRun);
    const client = await this.prisma.pool.connect();
    let pendingClear = clear;
    // Into a table empty when the import begins (once cleared), a full load: see dropSongIndexes.
    let intoEmptyTable = false;
    let indexesDropped = false;
    // The batch's songs to upsert, merged by track (into an empty table, only those `written` may hold).
    let batch = new Map<string, SongRecord>();
    // The batches being written: the next one is parsed meanwhile, so JS and PostgreSQL work in
    // parallel. Into an empty table, on a second connection too (see flush).
    const lanes = new BatchLanes(client);
    let second: PoolClient | undefined;

    // Into an empty table, the tracks written so far: a row surely not among them is new.
    const written = new TrackFilter();
    // The vocabulary words of the songs, added by this import itself (see import-vocabulary.ts).
    const vocabulary = new ImportVocabulary();
    // Into an empty table, the batch's songs surely new, as COPY text from the moment they are read.
    const fresh = new CopyChunks(vocabulary);

    const write = async (connection: PoolClient, copyText: BatchText, { clearing, alone, last }: BatchKind) => {
      // Statements go in as few messages as they can: while the next batch is parsed, every
      // answer waits for the parser to let the event loop run.
      const start = dryRun || alone ? [] : ['BEGIN'];
      // Waiting for the disk at every batch's commit would cost more than the batch itself.
      // Skipping it risks nothing but the durability of the newest batches on an OS crash
      // (never a half batch), and the last batch's commit flushes all before it to disk. (Into
      // an empty table it is off for the session, see below, and on for the last batch.)
      if (!dryRun && !last && !intoEmptyTable) start.push('SET LOCAL synchronous_commit = off');
      if (!dryRun && last && intoEmptyTable) start.push('SET LOCAL synchronous_commit = on');
      // Songs someone asked for a prediction about stay (with their predictions); the import updates them.
      if (clearing) start.push(`DELETE FROM songs WHERE ${CLEARED_SONGS}`);
      // The batch's new words in its transaction; a batch that is one COPY (none) adds them just
      // before it: an import stopped between the two leaves words of no song, as clearing does.
      const addWords = copyText.words.length > 0 ? addWordsSql(copyText.words, (word) => connection.escapeLiteral(word)) : undefined;
      if (addWords && start.length > 0) start.push(addWords);
      try {
        if (addWords && start.length === 0) await connection.query(addWords);
        if (start.length > 0) {
          const started = await connection.query(start.join('; '));
          if (clearing) report.cleared = [started].flat().find((result) => result.command === 'DELETE')!.rowCount ?? 0;
        }
        await this.writeBatch(connection, copyText, report, intoEmptyTable, !dryRun && !alone);
      } catch (error) {
        if (!dryRun) await connection.query('ROLLBACK');
        throw error;
      }
    };
    const flush = async (last = false) => {
      // The rest of the batch as COPY text at once, so its songs are garbage before it is written:
      // held until then, they would outlive the young generation and grow the heap. Made before
      // waiting for a batch in flight: PostgreSQL writes that one meanwhile, where it would
      // otherwise wait for this work (a third of the import's JavaScript) after it.
      const copyText =
        batch.size + fresh.rows === 0 ? undefined : { fresh: fresh.take(), merged: toCopyChunks(batch.values(), vocabulary), words: vocabulary.takeNew() };
      batch = new Map();
      const committedRows = report.rowsRead - report.skipped;
      if (!copyText) return;
      // Into an empty table, a batch of new songs only is one COPY: a statement of its own is a
      // transaction of its own, no BEGIN and COMMIT round trips (two of its three). Such batches
      // touch no row of each other's, so they go to the two connections in turn: PostgreSQL's
      // side of the load, one COPY at a time, was where the import waited (docs/benchmarks.md).
      const kind = { clearing: pendingClear, alone: intoEmptyTable && !pendingClear && !last && copyText.merged.length === 0, last };
      pendingClear = false;
      const committed = () => {
        report.committedRows = committedRows;
        options.onProgress?.(report);
      };
      if (kind.alone) await lanes.inTurn((connection) => write(connection, copyText, kind), committed);
      else await lanes.afterAll((connection) => write(connection, copyText, kind), committed);
    };

    try {
      await client.query(`DROP TABLE IF EXISTS song_import_seen, song_import_staging; SET ${WORDS_BY_IMPORT_SETTING} = on`);
      await client.query(
        `CREATE TEMP TABLE song_import_staging ON COMMIT DELETE ROWS AS
         SELECT ${COLUMNS.join(', ')} FROM songs WITH NO DATA`,
      );
      if (dryRun) {
        await client.query(`CREATE TEMP TABLE song_import_seen (track_id varchar(64) PRIMARY KEY, existed boolean, prior text)`);
        await client.query('BEGIN');
      } else {
        intoEmptyTable = await this.leavesTableEmpty(client, clear);
        if (intoEmptyTable) {
          await dropSongIndexes(client);
          indexesDropped = true;
          // Reset before the connections go back to the pool (finally below).
          await client.query('SET synchronous_commit = off');
          // Not from a pool too small to leave a connection to others (and to the index builds); one
          // the pool cannot give in time (all busy) only means one COPY at a time.
          if (this.config.DATABASE_POOL_SIZE > 2) second = await this.prisma.pool.connect().catch(() => undefined);
          if (second) {
            lanes.addConnection(second);
            await second.query(`SET synchronous_commit = off; SET ${WORDS_BY_IMPORT_SETTING} = on`);
          }
        } else {
          // Indexes an import that was killed had dropped: this import's upserts need them.
          await buildDroppedSongIndexes(this.prisma.pool, client);
          await client.query(`CREATE TEMP TABLE song_import_seen (track_id varchar(64) PRIMARY KEY, existed boolean, prior text)`);
        }
      }

      for (const source of sources) {
        if (signal?.aborted) break;
        const file = { name: source.name, format: '', rows: 0 };
        report.files.push(file);
        try {
          // Reading the stream itself: a source that cannot be read fails the import.
          const csv = await openSongCsv(source.name, source.stream, this.config.HIT_POPULARITY_THRESHOLD);
          file.format = csv.layout.format.name;
          reading: for await (const rows of csv.rowBatches) {
            for (const row of rows) {
              if (signal?.aborted) break reading;
              file.rows++;
              report.rowsRead++;
              const song = this.goodSong(row, source, report);
              if (!song) continue;
              // Into an empty table, a track surely not written yet (and not in this batch) is new:
              // COPY text at once. Any other is merged into the batch, to be upserted; one this batch
              // copied merges with its copy in the upsert, as with an earlier batch's.
              if (intoEmptyTable && !batch.has(song.trackId) && !written.mayHaveThenAdd(song.trackId)) fresh.add(song);
              else mergeIntoBatch(batch, song, report);
              if (batch.size + fresh.rows >= batchSize) await flush();
            }
          }
        } finally {
          source.stream.destroy();
        }
      }
      if (signal?.aborted) report.aborted = true;
      else await flush(true);
      await lanes.finish();
      // Back to the pool for the index builds.
      await releaseImportConnection(second);
      second = undefined;
      if (indexesDropped) {
        await buildDroppedSongIndexes(this.prisma.pool, client);
        indexesDropped = false;
      }

      // An import that wrote no batch did not clear either: the table's songs are not its own.
      if (intoEmptyTable && pendingClear) report.songsInTable = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM songs')).rows[0]!.n);
      else await this.countOutcomes(client, report, intoEmptyTable);
      if (dryRun) await client.query('ROLLBACK');
      // Fresh statistics for the planner (search above all) once the table changed.
      else if (report.inserted + report.updated + report.cleared > 0) {
        await client.query('ANALYZE songs');
        // The vocabulary's new words wait in its trigram index's pending list, which the search's
        // word lookups would read in full (docs/benchmarks.md): merged once here, in bulk.
        await client.query(`SELECT gin_clean_pending_list('${VOCABULARY_TRIGRAM_INDEX}'::regclass)`);
      }
    } finally {
      await lanes.settle();
      await releaseImportConnection(second);
      if (dryRun) await client.query('ROLLBACK').catch(() => undefined);
      // The batches a failed import committed get their indexes too (a killed one's: at the next import).
      if (indexesDropped) await buildDroppedSongIndexes(this.prisma.pool, client).catch(() => undefined);
      report.elapsedMs = Date.now() - started;
      await releaseImportConnection(client);
    }
    return report;
  }

  /** The songs an import with clearing would delete now, counted by dataset name. */
  async clearedByDataset(): Promise<Map<string | null, number>> {
    const { rows } = await this.prisma.pool.query<{ dataset: string | null; songs: number }>(
      `SELECT dataset, count(*)::int AS songs FROM songs WHERE ${CLEARED_SONGS} GROUP BY dataset`,
    );
    return new Map(rows.map((row) => [row.dataset, row.songs]));
  }

  /** Whether the table holds no songs once the import's clearing (if any) is done. */
  private async leavesTableEmpty(client: PoolClient, clear: boolean): Promise<boolean> {
    const { rows } = await client.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM songs WHERE ${clear ? `NOT (${CLEARED_SONGS})` : 'true'}) AS empty`,
    );
    return rows[0]!.empty;
  }

  /** A good row's song, with the source's dataset name; a bad row is counted and reported. */
  private goodSong(row: SongCsvRow, source: ImportSource, report: ImportReport): SongRecord | undefined {
    if (row.error) {
      report.skipped++;
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ file: source.name, line: row.line, reason: row.error.message });
      return undefined;
    }
    if (source.dataset) row.song.dataset = source.dataset;
    return row.song;
  }

  /**
   * Copies a batch's surely new songs (COPY text) straight into songs, the others into the
   * staging table to be upserted; then commits, when told to.
   */
  private async writeBatch(client: PoolClient, copyText: BatchText, report: ImportReport, intoEmptyTable: boolean, commit: boolean): Promise<void> {
    // One COPY message stream per batch: row-sized writes would cost a round of buffering each.
    if (copyText.fresh.length > 0) await pipeline(Readable.from(copyText.fresh), client.query(copyFrom(`COPY songs (${COLUMNS.join(', ')}) FROM STDIN`)));
    if (copyText.merged.length === 0) {
      if (commit) await client.query('COMMIT');
      return;
    }
    if (report.dryRun) await client.query('TRUNCATE song_import_staging'); // no commit empties it
    const copy = client.query(copyFrom(`COPY song_import_staging (${COLUMNS.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyText.merged), copy);

    // Rows of tracks an earlier batch of this import already wrote are duplicates: compare them
    // (the staged search_title is the normalized title). Into a table that was empty, every song
    // there is this import's. One track_id lookup per staged row (OFFSET 0 keeps the planner
    // from joining instead): the tables have no statistics yet, and a hash join would read all
    // of songs at every batch. The count reads the table as it was before the upsert, which
    // comes in the same message.
    const results = await client.query(
      `SELECT count(*)::int AS duplicates, count(*) FILTER (WHERE so.is_hit <> st.is_hit)::int AS label_conflicts,
              count(*) FILTER (WHERE so.search_title <> st.search_title)::int AS title_conflicts
       FROM song_import_staging st ${intoEmptyTable ? '' : 'JOIN song_import_seen USING (track_id)'},
            LATERAL (SELECT is_hit, search_title FROM songs WHERE songs.track_id = st.track_id OFFSET 0) so;
       ${intoEmptyTable ? UPSERT_INTO_EMPTY_TABLE : UPSERT}${commit ? '; COMMIT' : ''}`,
    );
    const earlier = ([results].flat()[0] as QueryResult<Record<'duplicates' | 'label_conflicts' | 'title_conflicts', number>>).rows[0]!;
    report.duplicates += earlier.duplicates;
    report.labelConflicts += earlier.label_conflicts;
    report.titleConflicts += earlier.title_conflicts;
  }

  /** New, updated and unchanged songs: each track's state now against before the import. */
  private async countOutcomes(client: PoolClient, report: ImportReport, intoEmptyTable: boolean): Promise<void> {
    if (intoEmptyTable) {
      // Every dataset song is new: this import wrote it (user songs may have come meanwhile).
      const { rows } = await client.query<Record<'hits' | 'total' | 'in_table', string>>(
        `SELECT count(*) FILTER (WHERE is_hit AND source = 'dataset') AS hits, count(*) FILTER (WHERE source = 'dataset') AS total, count(*) AS in_table FROM songs`,
      );
      const counts = rows[0]!;
      report.inserted = Number(counts.total);
      report.hits = Number(counts.hits);
      report.flops = report.inserted - report.hits;
      report.songsInTable = Number(counts.in_table);
      return;
    }
    const { rows } = await client.query<Record<'inserted' | 'updated' | 'unchanged' | 'hits' | 'total' | 'in_table', string>>(
      `SELECT count(*) FILTER (WHERE NOT seen.existed) AS inserted,
              count(*) FILTER (WHERE seen.existed AND seen.prior IS DISTINCT FROM ${CONTENT_HASH('so')}) AS updated,
              count(*) FILTER (WHERE seen.existed AND seen.prior = ${CONTENT_HASH('so')}) AS unchanged,
              count(*) FILTER (WHERE so.is_hit) AS hits,
              count(*) AS total,
              (SELECT count(*) FROM songs) AS in_table
       FROM song_import_seen seen JOIN songs so USING (track_id)`,
    );
    const counts = rows[0]!;
    report.inserted = Number(counts.inserted);
    report.updated = Number(counts.updated);
    report.unchanged = Number(counts.unchanged);
    report.hits = Number(counts.hits);
    report.flops = Number(counts.total) - report.hits;
    report.songsInTable = Number(counts.in_table);
  }
}

/** A batch as COPY text: songs surely new (straight into songs) and the others (staged and upserted), and its new vocabulary words. */
interface BatchText {
  fresh: Buffer[];
  merged: Buffer[];
  words: string[];
}

/** Gives a connection back to the pool without this import's settings; one that keeps them (the vocabulary's above all) is closed instead. */
async function releaseImportConnection(connection: PoolClient | undefined): Promise<void> {
  if (!connection) return;
  const reset = await connection
    .query(`DROP TABLE IF EXISTS song_import_seen, song_import_staging; RESET synchronous_commit; RESET ${WORDS_BY_IMPORT_SETTING}`)
    .then(
      () => undefined,
      (error: unknown) => error as Error,
    );
  connection.release(reset);
}

/** How a batch is written: whether it clears the dataset first, is one COPY of new songs only, or is the import's last. */
interface BatchKind {
  clearing: boolean;
  alone: boolean;
  last: boolean;
}

/** Adds a song to the batch, merged with an earlier row of the same track there; counts the repeat. */
function mergeIntoBatch(batch: Map<string, SongRecord>, song: SongRecord, report: ImportReport): void {
  const earlier = batch.get(song.trackId);
  if (earlier) {
    const { merged, labelConflict, titleConflict } = mergeSongRows(earlier, song);
    report.duplicates++;
    if (labelConflict) report.labelConflicts++;
    if (titleConflict) report.titleConflicts++;
    song = merged;
  }
  batch.set(song.trackId, song);
}

/** The songs as COPY text chunks; their words go to the vocabulary. */
function toCopyChunks(songs: Iterable<SongRecord>, vocabulary: ImportVocabulary): Buffer[] {
  const chunks = new CopyChunks(vocabulary);
  for (const song of songs) chunks.add(song);
  return chunks.take();
}

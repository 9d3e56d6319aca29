import type pg from 'pg';
import { CoalescingWriter } from '../../platform/database/coalescing-writer.js';
import { queryPrepared } from '../../platform/database/prepared-query.js';
import { Prisma, type Prediction } from '../../generated/prisma/client.js';
import { DATASET_VERSION } from '../dataset/dataset-version.js';

export type PredictionValues = Omit<Prediction, 'id' | 'createdAt'>;

/** What the audit log keeps of a request: the request and the response as they were. */
export interface PredictionAudit {
  endpoint: string;
  requestId: string | undefined;
  request: object;
  /** Stored with `prediction_id` set to the new prediction's id. */
  response: object;
}

export interface PredictionToStore {
  values: PredictionValues;
  audit: PredictionAudit;
  /**
   * For a prediction of a song kept from an earlier request: the songs' version it was read at.
   * The prediction is stored only if that is still the version (else its result is null).
   */
  songKeptAt: string | null;
}

/**
 * Most predictions stored by one statement. Under load a batch holds about as many as requests
 * arrive during one commit (tens); the cap bounds the statement's arrays.
 */
export const MAX_PREDICTIONS_PER_STATEMENT = 200;

/** One row of storePredictions' JSON parameter: the columns of a prediction and its audit log. */
const storedRow = ({ values, audit, songKeptAt }: PredictionToStore) => ({
  song_id: values.songId,
  is_hit: values.isHit,
  confidence: values.confidence,
  model_prediction: values.modelPrediction,
  model_confidence: values.modelConfidence,
  model_version: values.modelVersion,
  in_dataset: values.inDataset,
  adjusted_by_dataset: values.adjustedByDataset,
  dataset_label: values.datasetLabel,
  dataset_popularity: values.datasetPopularity,
  endpoint: audit.endpoint,
  request_id: audit.requestId ?? null,
  request: audit.request,
  response: audit.response,
  song_kept_at: songKeptAt,
});

/**
 * Stores predictions with their audit logs in one statement and one commit (atomic: all or none),
 * answering their ids in the given order: null for a prediction of a kept song that changed since
 * (`songKeptAt`, checked in the statement's own snapshot), which is not stored. The rows travel as
 * one jsonb parameter (`jsonb_to_recordset`), so the statement's text, and its prepared plan, is
 * the same for any number of rows; one JSON.stringify costs Node a third of what pg spent quoting
 * fourteen arrays (the audit's JSON texts escaped again inside them), and PostgreSQL about the
 * same as parsing them (docs/benchmarks.md, "Prediction history: one jsonb parameter"). The ids
 * are drawn from the sequence first, in order, so each audit log and each answer gets its own
 * prediction's.
 */
export async function storePredictions(pool: pg.Pool, batch: PredictionToStore[]): Promise<Array<number | null>> {
  const rows = await queryPrepared<{ position: number; id: number }>(
    pool,
    Prisma.sql`
    WITH songs_now AS MATERIALIZED (
      SELECT ${Prisma.raw(DATASET_VERSION)} AS version
    ), input AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('predictions', 'id'))::int AS id, given.*
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(batch.map(storedRow))}::jsonb) AS (
             song_id int, is_hit boolean, confidence float8, model_prediction boolean, model_confidence float8, model_version text,
             in_dataset boolean, adjusted_by_dataset boolean, dataset_label boolean, dataset_popularity int,
             endpoint text, request_id text, request jsonb, response jsonb, song_kept_at text))
        WITH ORDINALITY AS given(song_id, is_hit, confidence, model_prediction, model_confidence, model_version, in_dataset,
                                 adjusted_by_dataset, dataset_label, dataset_popularity, endpoint, request_id, request, response,
                                 song_kept_at, position)
      WHERE song_kept_at IS NULL OR song_kept_at = (SELECT version FROM songs_now)
      ORDER BY position
    ), prediction AS (
      INSERT INTO predictions (id, song_id, is_hit, confidence, model_prediction, model_confidence, model_version,
                               in_dataset, adjusted_by_dataset, dataset_label, dataset_popularity)
      SELECT id, song_id, is_hit, confidence, model_prediction, model_confidence, model_version,
             in_dataset, adjusted_by_dataset, dataset_label, dataset_popularity
      FROM input
    ), audit AS (
      INSERT INTO prediction_audit_logs (prediction_id, endpoint, request_id, request, response)
      SELECT id, endpoint, request_id, request, response || jsonb_build_object('prediction_id', id)
      FROM input
    )
    SELECT position::int, id FROM input ORDER BY position`,
  );
  const ids: Array<number | null> = batch.map(() => null);
  for (const row of rows) ids[row.position - 1] = row.id;
  return ids;
}

/** An error the database raised for the rows themselves (bad data, a constraint): nothing was written. */
const rowsRefused = (error: unknown) => /^2[23]/.test(((error as { code?: unknown }).code as string) ?? '');

/**
 * The prediction history's writer: predictions of requests that arrive while a statement is in
 * flight are stored together by the next one, so concurrent requests share one commit (one WAL
 * flush) instead of waiting for one each. Every request is answered after its row has committed,
 * so a database crash cannot lose a prediction already answered.
 */
export function predictionHistoryWriter(pool: pg.Pool): CoalescingWriter<PredictionToStore, number | null> {
  return new CoalescingWriter((batch) => storePredictions(pool, batch), MAX_PREDICTIONS_PER_STATEMENT, rowsRefused);
}

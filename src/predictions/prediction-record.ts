import type pg from 'pg';
import { CoalescingWriter } from '../database/coalescing-writer.js';
import { queryPrepared } from '../database/prepared-query.js';
import { Prisma, type Prediction } from '../generated/prisma/client.js';

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
}

/**
 * Most predictions stored by one statement. Under load a batch holds about as many as requests
 * arrive during one commit (tens); the cap bounds the statement's arrays.
 */
export const MAX_PREDICTIONS_PER_STATEMENT = 200;

/**
 * Stores predictions with their audit logs in one statement and one commit (atomic: all or none),
 * answering their ids in the given order. Each column travels as one array (`unnest`), so the
 * statement's text, and its prepared plan, is the same for any number of rows. The ids are drawn
 * from the sequence first, in order, so each audit log and each answer gets its own prediction's.
 */
export async function storePredictions(pool: pg.Pool, batch: PredictionToStore[]): Promise<number[]> {
  const column = <T>(pick: (entry: PredictionToStore) => T) => batch.map(pick);
  const rows = await queryPrepared<{ id: number }>(pool, Prisma.sql`
    WITH input AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('predictions', 'id'))::int AS id, given.*
      FROM unnest(${column((e) => e.values.songId)}::int[], ${column((e) => e.values.isHit)}::boolean[],
                  ${column((e) => e.values.confidence)}::float8[], ${column((e) => e.values.modelPrediction)}::boolean[],
                  ${column((e) => e.values.modelConfidence)}::float8[], ${column((e) => e.values.modelVersion)}::text[],
                  ${column((e) => e.values.inDataset)}::boolean[], ${column((e) => e.values.adjustedByDataset)}::boolean[],
                  ${column((e) => e.values.datasetLabel)}::boolean[], ${column((e) => e.values.datasetPopularity)}::int[],
                  ${column((e) => e.audit.endpoint)}::text[], ${column((e) => e.audit.requestId ?? null)}::text[],
                  ${column((e) => JSON.stringify(e.audit.request))}::jsonb[], ${column((e) => JSON.stringify(e.audit.response))}::jsonb[])
        WITH ORDINALITY AS given(song_id, is_hit, confidence, model_prediction, model_confidence, model_version, in_dataset,
                               adjusted_by_dataset, dataset_label, dataset_popularity, endpoint, request_id, request, response, position)
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
    SELECT id FROM input ORDER BY position`);
  return rows.map((row) => row.id);
}

/** An error the database raised for the rows themselves (bad data, a constraint): nothing was written. */
const rowsRefused = (error: unknown) => /^2[23]/.test((error as { code?: unknown }).code as string ?? '');

/**
 * The prediction history's writer: predictions of requests that arrive while a statement is in
 * flight are stored together by the next one, so concurrent requests share one commit (one WAL
 * flush) instead of waiting for one each. Every request is answered after its row has committed,
 * so a database crash cannot lose a prediction already answered.
 */
export function predictionHistoryWriter(pool: pg.Pool): CoalescingWriter<PredictionToStore, number> {
  return new CoalescingWriter((batch) => storePredictions(pool, batch), MAX_PREDICTIONS_PER_STATEMENT, rowsRefused);
}

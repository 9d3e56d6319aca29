import type pg from 'pg';
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

/**
 * Stores a prediction and its audit log in one statement (atomic as the transaction it replaces,
 * one round trip instead of five) and answers the prediction's id.
 *
 * The commit is asynchronous (`synchronous_commit` off for this statement only, as PostgreSQL's
 * documentation suggests for event logging): it does not wait for the WAL flush, which under load
 * was most of a dataset prediction's time. A crash of the database server may lose the history of
 * the predictions of its last moments (at most three `wal_writer_delay`s, 0.6 s by default); it
 * never leaves a prediction without its audit log, and the database stays consistent.
 */
export async function storePrediction(pool: pg.Pool, values: PredictionValues, audit: PredictionAudit): Promise<number> {
  const [row] = await queryPrepared<{ id: number }>(pool, Prisma.sql`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true)),
    prediction AS (
      INSERT INTO predictions (song_id, is_hit, confidence, model_prediction, model_confidence, model_version,
                               in_dataset, adjusted_by_dataset, dataset_label, dataset_popularity)
      VALUES (${values.songId}, ${values.isHit}, ${values.confidence}, ${values.modelPrediction}, ${values.modelConfidence}, ${values.modelVersion},
              ${values.inDataset}, ${values.adjustedByDataset}, ${values.datasetLabel}, ${values.datasetPopularity})
      RETURNING id
    ), audit AS (
      INSERT INTO prediction_audit_logs (prediction_id, endpoint, request_id, request, response)
      SELECT id, ${audit.endpoint}, ${audit.requestId ?? null}, ${JSON.stringify(audit.request)}::jsonb,
             ${JSON.stringify(audit.response)}::jsonb || jsonb_build_object('prediction_id', id)
      FROM prediction
    )
    SELECT id FROM prediction CROSS JOIN async_commit`);
  return row!.id;
}

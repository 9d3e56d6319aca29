import type { Pool, PoolClient } from 'pg';

/**
 * Memory for building the indexes back, for this session only: the builds of a million songs'
 * indexes sort and merge their entries in memory with it (the default is 64 MB).
 */
const INDEX_BUILD_MEMORY = '256MB';

/** Connections building indexes at once: the words GIN index beside the btrees, on two cores. */
const BUILDERS = 2;

/** The secondary indexes of songs: neither the primary key nor unique (the upsert needs track_id's). */
const SECONDARY_INDEXES = `
  SELECT index.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i JOIN pg_class index ON index.oid = i.indexrelid
  WHERE i.indrelid = 'songs'::regclass AND NOT i.indisprimary AND NOT i.indisunique`;

/**
 * The secondary indexes of `songs` an import into an empty table drops before loading and builds
 * once after it: maintaining them row by row (the GIN words index above all)
 * costs several times building them. Each dropped index is recorded in
 * song_import_deferred_indexes in the same transaction, so one dropped by an import that was
 * killed is built back by the next import. One message (statements are few, round trips count).
 */
export async function dropSongIndexes(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM (${SECONDARY_INDEXES}) secondary`);
  if (rows.length === 0) return;
  await client
    .query(
      `BEGIN;
     INSERT INTO song_import_deferred_indexes (name, definition) ${SECONDARY_INDEXES} ON CONFLICT (name) DO NOTHING;
     DROP INDEX IF EXISTS ${rows.map((row) => client.escapeIdentifier(row.name)).join(', ')};
     COMMIT`,
    )
    .catch(async (error: unknown) => {
      await client.query('ROLLBACK');
      throw error;
    });
}

/**
 * Builds every index an import dropped (none, usually: one cheap query). Each in a transaction
 * of its own that also forgets it, on BUILDERS connections at once (CREATE INDEX locks out
 * writes, not other index builds), the slowest first: the import's own connection, when given,
 * and the others from the pool (so a pool of two builds on two). Throws the first build's error
 * once every builder has stopped.
 */
export async function buildDroppedSongIndexes(pool: Pool, own?: PoolClient): Promise<void> {
  const { rows } = await (own ?? pool).query<{ name: string; definition: string }>(
    `SELECT name, definition FROM song_import_deferred_indexes ORDER BY definition LIKE '% USING gin %' DESC, name`,
  );
  if (rows.length === 0) return;
  const build = async (client: PoolClient) => {
    for (let next = rows.shift(); next; next = rows.shift()) {
      // IF NOT EXISTS: another import may have built it back meanwhile.
      await client
        .query(
          `BEGIN;
         SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}';
         ${next.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')};
         DELETE FROM song_import_deferred_indexes WHERE name = ${client.escapeLiteral(next.name)};
         COMMIT`,
        )
        .catch(async (error: unknown) => {
          await client.query('ROLLBACK');
          throw error;
        });
    }
  };
  const borrowed = async () => {
    // Beside the import's own connection, one the pool cannot give in time only means one builder.
    const client = own ? await pool.connect().catch(() => undefined) : await pool.connect();
    if (!client) return;
    try {
      await build(client);
    } finally {
      client.release();
    }
  };
  const builders = Array.from({ length: Math.min(BUILDERS, rows.length) }, (_, at) => (at === 0 && own ? build(own) : borrowed()));
  const failed = (await Promise.allSettled(builders)).find((builder) => builder.status === 'rejected');
  if (failed) throw failed.reason;
}

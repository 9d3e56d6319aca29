import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSchemas, lastMigratedSchema, readSchemaFiles } from '../../../src/platform/database/migrations.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Indexes Prisma cannot describe, written by hand in migrations (full-text search, the dataset search's). */
const HAND_WRITTEN_INDEX = /_(fts|search)_idx$/;
/** The BI views (test/reporting), written by hand: not in Prisma's datamodel. */
const HAND_WRITTEN_SCHEMA = 'reporting';

/** Everything about a database's structure that Prisma's schema describes, as comparable text. */
async function describeSchema(url: string): Promise<Record<'extensions' | 'enums' | 'columns' | 'indexes' | 'constraints', string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((row) => row.line).sort();
  try {
    return {
      extensions: await rows(`SELECT extname AS line FROM pg_extension`),
      enums: await rows(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`),
      columns: await rows(`
        SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' ||
               coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
        FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema', '${HAND_WRITTEN_SCHEMA}') AND table_name <> '_prisma_migrations'`),
      indexes: await rows(`
        SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema', '${HAND_WRITTEN_SCHEMA}') AND tablename <> '_prisma_migrations'
          AND indexname !~ '${HAND_WRITTEN_INDEX.source}'`),
      constraints: await rows(`
        SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint WHERE connamespace IN ('public'::regnamespace, 'chinook'::regnamespace) AND conrelid::regclass::text <> '_prisma_migrations'`),
    };
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    migrated = await createTestDatabase(); // a clone of the template built by applying prisma/migrations
    fromSchema = await createTestDatabase();
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; DROP SCHEMA chinook CASCADE; CREATE SCHEMA public; DROP EXTENSION IF EXISTS pg_trgm');
    await client.query(await diffSchemas(fromSchema.url, 'empty', await readSchemaFiles()));
    await client.end();
  });
  afterAll(async () => {
    await migrated.drop();
    await fromSchema.drop();
  });

  it('produce exactly the database that prisma/schema describes (no drift)', async () => {
    const expected = await describeSchema(fromSchema.url);
    expect(expected.columns.length).toBeGreaterThan(0);
    expect(await describeSchema(migrated.url)).toEqual(expected);
  });

  it('add the hand-written indexes of catalog search and the dataset search', async () => {
    const client = new pg.Client({ connectionString: migrated.url });
    await client.connect();
    const { rows } = await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE indexname ~ '${HAND_WRITTEN_INDEX.source}' ORDER BY 1`);
    await client.end();
    expect(rows.map((row) => row.indexname)).toEqual([
      'albums_search_text_fts_idx',
      'artists_search_text_fts_idx',
      'catalog_songs_search_text_fts_idx',
      'search_words_cut_search_idx',
      'songs_artists_prefix_search_idx',
      'songs_popularity_search_idx',
      'songs_text_prefix_search_idx',
      'songs_title_search_idx',
      'songs_words_search_idx',
    ]);
  });

  it('cover every schema change (the newest migration was made from the current schema)', async () => {
    const last = await lastMigratedSchema();
    expect(last).toBeDefined();
    const pending = await diffSchemas(migrated.url, last!, await readSchemaFiles());
    expect(pending.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });
});

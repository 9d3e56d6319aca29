/**
 * The songs' version, as SQL: the sum of dataset_versions' slots, which a statement trigger on
 * songs bumps on every change (migration dataset_versions), as text. It only grows, and changes
 * with every committed change to the songs. Prefixed by the database's oid, as the catalog's
 * version: a restore makes the database anew. Read in the same statement as what it vouches for,
 * it tells whether a value read then is still what the songs hold (search answers, kept songs).
 */
export const DATASET_VERSION = `(SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::text || ':' || coalesce(sum(version), 0)::text FROM dataset_versions)`;

/** Injection token for the PostgreSQL connection string. */
export const DATABASE_URL = Symbol('DATABASE_URL');

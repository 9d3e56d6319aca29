import { Logger } from '@nestjs/common';
import pg from 'pg';

const logger = new Logger('Database');

/**
 * The search's own connections: like the app's pool (same server, same client), but every
 * statement is planned once for any values (a generic plan, cached with the named statement)
 * instead of again for each search, which was two thirds of PostgreSQL's time for a search. The
 * search's statements are written so that their plan does not depend on the values (see
 * SongSearchService.ranked); other statements keep the default on the app's pool.
 */
export function searchPool(appPool: pg.Pool): pg.Pool {
  // As many connections as the app's pool (opened only when that many searches run at once):
  // fewer would queue searches that the app's pool ran side by side before.
  const pool = new pg.Pool({ ...appPool.options, options: '-c plan_cache_mode=force_generic_plan' });
  // An idle connection dropped by a restarting server must not crash the process (as the app's pool).
  pool.on('error', (error) => logger.warn(`Idle search connection lost: ${error.message}`));
  return pool;
}
